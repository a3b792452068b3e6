import { resolve } from 'node:path';
import type { Command } from 'commander';
import {
  frontierCaseLabel,
  frontierNotes,
  frontierPointLabel,
  frontierText,
  LANGS,
  type Lang,
  type LocaleId,
} from '../../core/brief/index.js';
import type { FrontierReport, FrontierSource } from '../../core/frontier/index.js';
import { BulwarkError } from '../../core/shared/index.js';
import type { CliContext } from '../context.js';
import { checkOutputFile, writeOutput } from '../output-paths.js';
import { choiceOption, collect, intOption, listOption, probabilityOption, redisUrlOf } from '../options.js';
import { startProgress, type Progress } from '../progress.js';
import { heading, table } from '../render.js';

interface FrontierFlags {
  target: number;
  backstop?: string[];
  from: FrontierSource;
  points: number;
  runs?: number;
  maxRuns?: number;
  seed?: number;
  resolution?: number;
  variant: string[];
  robustness: boolean;
  workers?: number;
  redis?: string | true;
  deadline?: number;
  chunkRuns?: number;
  json?: boolean;
  csv?: string;
  lang: Lang;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('frontier')
    .description(
      'the deterrence frontier: forces from none to beyond the named options, each sourced at least cost and simulated on the same runs; cost against the risk that the ceasefire fails, the cheapest force meeting --target per backstop case, what the backstop is worth in force, what each mission’s increment buys (docs/frontier.md)',
    )
    .argument('<scenario>', 'a YAML/JSON file, a built-in name, or - for stdin')
    .option(
      '--target <p>',
      'the risk a force must keep the ceasefire’s failure at or below (0.1 or 10%)',
      probabilityOption,
      0.1,
    )
    .option(
      '--backstop <cases>',
      'backstop cases, comma-separated: none, a backstop kind of the scenario, or a variant id (default: none, the scenario’s kind, its strongest kind)',
      listOption,
    )
    .option(
      '--from <source>',
      'where forces come from: potential (committable inventories) or pledges (never more than pledged)',
      choiceOption(['pledges', 'potential'] as const),
      'potential',
    )
    .option('--points <n>', 'scales of the requirements tried, including none', intOption(3, 200), 20)
    .option(
      '--runs <n>',
      'runs per point in the first round (default: the scenario’s assurance.runs)',
      intOption(100, 100_000_000),
    )
    .option(
      '--max-runs <n>',
      'most runs per point, added until neighbours are ordered (default 4 × runs)',
      intOption(100, 400_000_000),
    )
    .option('--seed <s>', 'random seed (default: the scenario’s assurance.seed)', intOption(0, 2 ** 32 - 1))
    .option(
      '--resolution <p>',
      'neighbours whose paired difference is within ± this are equal; runs are added until every pair is ordered or equal (default 0.005: half a point)',
      probabilityOption,
    )
    .option('--variant <id>', 'apply this variant to the scenario first (repeatable)', collect, [])
    .option('--no-robustness', 'skip the frontier against cautious, typical and bold adversaries')
    .option('--workers <w>', 'worker threads (default: BULWARK_WORKERS or all cores)', intOption(1, 1024))
    .option(
      '--redis [url]',
      'run on the queue in Redis, computed by bulwark worker processes (default URL: REDIS_URL)',
    )
    .option(
      '--deadline <seconds>',
      'with --redis: fail when no worker takes or finishes a chunk for this long (default 600)',
      intOption(1, 7 * 24 * 3600),
    )
    .option('--chunk-runs <n>', 'runs per queue chunk (default 100,000)', intOption(1, 100_000_000))
    .option('--json', 'print the JSON report (identical for any number of workers, local or queued)')
    .option('--csv <file>', 'write every point of every case as CSV there (- for stdout)')
    .option('--lang <lang>', `language of the text output (${LANGS.join(', ')})`, choiceOption(LANGS), 'en')
    .action(async (ref: string, opts: FrontierFlags) => {
      const [{ openRunner }, { runFrontier }] = await Promise.all([
        import('../../app/distributed.js'),
        import('../../app/frontier.js'),
      ]);
      const { frontierCsv } = await import('../../core/frontier/index.js');
      if (opts.csv !== undefined && opts.csv !== '-') checkOutputFile('--csv', resolve(opts.csv));
      const redis = opts.redis === undefined ? undefined : redisUrlOf(opts.redis, ctx);
      const stop = new AbortController();
      const onSignal = (): void => stop.abort(new BulwarkError('usage', 'cancelled (interrupt)'));
      process.once('SIGINT', onSignal);
      // SIGTERM (a supervisor, a container stop) like Ctrl-C: the chunks no worker has taken are removed.
      process.once('SIGTERM', onSignal);
      let bar: Progress | undefined;
      const runner = await openRunner({
        ...(redis === undefined ? {} : { redis }),
        workers: opts.workers ?? ctx.config.workers,
        ...(opts.chunkRuns === undefined ? {} : { chunkRuns: opts.chunkRuns }),
        signal: stop.signal,
        onNoWorkers: () =>
          ctx.err(
            'bulwark: no worker is connected to the queue yet; start one with `bulwark worker --redis …`',
          ),
        onOutage: (message) => ctx.err(`bulwark: ${message}`),
        ...(opts.deadline === undefined ? {} : { deadlineSeconds: opts.deadline }),
      });
      const t0 = performance.now();
      try {
        const { report, work } = await runFrontier({
          ref,
          variants: opts.variant,
          target: opts.target,
          ...(opts.backstop === undefined ? {} : { backstops: opts.backstop }),
          from: opts.from,
          points: opts.points,
          ...(opts.runs === undefined ? {} : { runs: opts.runs }),
          ...(opts.maxRuns === undefined ? {} : { maxRuns: opts.maxRuns }),
          ...(opts.seed === undefined ? {} : { seed: opts.seed }),
          ...(opts.resolution === undefined ? {} : { resolution: opts.resolution }),
          robustness: opts.robustness,
          runner: runner.run,
          stdin: () => ctx.readStdin(),
          onProgress: (done, total) => {
            bar ??= startProgress(ctx, 'frontier', total, opts.json !== true && opts.csv !== '-');
            bar.setTotal(total);
            bar.update(done);
          },
        });
        bar?.stop();
        const seconds = (performance.now() - t0) / 1000;
        if (opts.csv !== undefined) {
          const text = frontierCsv(report);
          if (opts.csv === '-') ctx.out(text.trimEnd());
          else {
            const file = resolve(opts.csv);
            writeOutput('--csv', file, text);
            ctx.err(`${report.cases.reduce((a, c) => a + c.points.length, 0)} rows → ${file}`);
          }
        }
        if (opts.json === true) ctx.json(report);
        else if (opts.csv !== '-') {
          ctx.out(renderFrontier(report, opts.lang));
          const { t, fmt } = frontierText(opts.lang);
          ctx.err(
            t(redis === undefined ? 'frontier.text.work' : 'frontier.text.work.queue', {
              plans: work.plans,
              planSeconds: fmt.decimal(work.planSeconds),
              runs: work.modelRuns,
              simulateSeconds: fmt.decimal(work.simulateSeconds),
              seconds: fmt.decimal(seconds),
            }),
          );
        }
      } finally {
        bar?.stop();
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        await runner.close();
      }
    });
}

/**
 * The frontier as text in a language: the answers first (`frontierNotes`, the briefing's sentences), then
 * each case's points. Every word comes from the briefing's catalogue, every number from its formatter.
 */
export function renderFrontier(r: FrontierReport, lang: LocaleId = 'en'): string {
  const x = frontierText(lang);
  const { t, fmt } = x;
  const bn = (usd: number): string => fmt.index(usd / 1e9);
  const out: string[] = [];
  out.push(t('frontier.text.title', { title: r.scenario.title }));
  out.push(
    t('frontier.text.settings', {
      target: fmt.prob(r.target),
      from: t(r.from === 'potential' ? 'frontier.text.from.potential' : 'frontier.text.from.pledges'),
      seed: String(r.seed),
      hash: r.scenario.hash.slice(0, 19),
    }),
  );
  out.push(heading(t('frontier.text.answers')));
  for (const f of frontierNotes(r, x)) out.push(`• ${f}`);
  for (const c of r.cases) {
    const label = frontierCaseLabel(x, c);
    const runs = fmt.count(c.runs);
    out.push(
      heading(
        c.unordered > 0
          ? t('frontier.text.unordered', { case: label, runs, n: c.unordered })
          : t('frontier.text.case', { case: label, runs }),
      ),
    );
    out.push(
      table(
        [
          t('frontier.text.force'),
          t('frontier.text.personnel'),
          t('frontier.text.bnPerYear'),
          t('frontier.text.fails'),
          t('frontier.text.tripwire'),
          t('frontier.text.widerWar'),
          t('frontier.text.shortfall'),
          t('frontier.text.efficient'),
        ],
        c.points.map((p) => [
          frontierPointLabel(x, p),
          fmt.personnel(p.peakPersonnel),
          bn(p.costUsdPerYear),
          fmt.probRange(p.ceasefireFailed),
          fmt.prob(p.tripwireTested.p),
          fmt.prob(p.widerWar.p),
          fmt.share(p.shortfallShare),
          p.efficient ? '●' : '',
        ]),
        ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
      ),
    );
  }
  if (r.missions.length > 0) {
    out.push(heading(t('frontier.text.increments')));
    out.push(
      table(
        [
          t('frontier.text.caseColumn'),
          t('frontier.text.mission'),
          t('frontier.text.addedPersonnel'),
          t('frontier.text.addedMPerYear'),
          t('frontier.text.difference'),
          t('frontier.text.perBn'),
        ],
        r.missions.map((m) => [
          m.case,
          m.mission,
          fmt.personnel(m.addedPersonnel),
          fmt.personnel(m.addedCostUsdPerYear / 1e6),
          `${fmt.pointsNumber(m.ceasefireFailed.difference)} (${fmt.pointsNumber(m.ceasefireFailed.lo)} … ${fmt.pointsNumber(m.ceasefireFailed.hi)})`,
          m.pointsPerBillion === null ? '—' : fmt.decimal(m.pointsPerBillion),
        ]),
        ['left', 'left', 'right', 'right', 'right', 'right'],
      ),
    );
  }
  if (r.robustness !== null) {
    const levels = r.robustness.levels;
    const rc = r.cases.find((c) => c.id === r.robustness?.case);
    out.push(
      heading(
        t('frontier.text.robustness', {
          case: rc === undefined ? r.robustness.case : frontierCaseLabel(x, rc),
        }),
      ),
    );
    out.push(
      table(
        [
          t('frontier.text.scale'),
          t('frontier.text.bnPerYear'),
          ...levels.map((l) => `ρ p${Math.round(l.quantile * 100)} = ${fmt.index(l.riskTolerance)}`),
        ],
        (levels[0]?.points ?? []).map((p, i) => [
          fmt.index(p.scale),
          bn(p.costUsdPerYear),
          ...levels.map((l) => fmt.prob(l.points[i]!.ceasefireFailed.p)),
        ]),
        ['right', 'right', ...levels.map(() => 'right' as const)],
      ),
    );
  }
  return out.join('\n');
}
