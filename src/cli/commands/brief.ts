import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { BriefPhase, ForceSourceChoice } from '../../app/index.js';
import { bulwarkVersion } from '../version.js';
import type { CliContext } from '../context.js';
import { checkOutputFile, writeOutput } from '../output-paths.js';
import { choiceOption, collect, FORCE_FROM_HELP, forceFromOption, intOption } from '../options.js';
import { pledgeStatuses, type PledgeStatus } from '../../core/scenario/index.js';
import { LANGS, type Lang } from '../../core/brief/index.js';
import { startProgress, type Progress } from '../progress.js';

interface BriefOptions {
  variant: string[];
  runs?: number;
  seed?: number;
  tornadoRuns?: number;
  workers?: number;
  forceFrom: ForceSourceChoice;
  out: string;
  pdf?: boolean;
  json?: boolean;
  minStatus?: PledgeStatus;
  frontier: boolean;
  frontierPoints?: number;
  frontierRuns?: number;
  lang: Lang;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('brief')
    .description('plan, stress-test and write a self-contained HTML briefing (map, charts, plain findings)')
    .argument('<scenario>', 'a YAML/JSON file, a built-in name, or - for stdin')
    .option(
      '--variant <id>',
      'compare this variant with the base scenario (repeatable; default: no-backstop if defined)',
      collect,
    )
    .option(
      '--runs <n>',
      'Monte Carlo runs per case (default: the scenario’s assurance.runs)',
      intOption(1, 100_000_000),
    )
    .option('--seed <n>', 'random seed (default: the scenario’s assurance.seed)', intOption(0, 2 ** 32 - 1))
    .option(
      '--tornado-runs <n>',
      'runs per pinned assumption in the sensitivity analysis (0 for none)',
      intOption(0, 10_000_000),
    )
    .option(
      '--workers <n>',
      'worker threads for the Monte Carlo runs (default: BULWARK_WORKERS or all cores)',
      intOption(1, 1024),
    )
    .option('--force-from <source>', FORCE_FROM_HELP, forceFromOption, 'auto')
    .option(
      '--min-status <status>',
      `count only pledges at or above a status (${pledgeStatuses.join(' < ')})`,
      choiceOption(pledgeStatuses),
    )
    .option(
      '--frontier-points <n>',
      'points of the deterrence frontier that leads the briefing (default 12)',
      intOption(3, 200),
    )
    .option(
      '--frontier-runs <n>',
      'first-round runs per frontier point (default 5,000)',
      intOption(100, 100_000_000),
    )
    .option('--no-frontier', 'leave the deterrence frontier out (faster)')
    .option('--lang <lang>', `language of the briefing (${LANGS.join(', ')})`, choiceOption(LANGS), 'en')
    .option('--out <file>', 'where to write the HTML', 'brief.html')
    .option('--pdf', 'also print it to PDF next to the HTML (needs Chromium)')
    .option('--json', 'print the findings and file paths as JSON')
    .action(async (ref: string, opts: BriefOptions) => {
      // Loaded on use: the briefing pulls in the solver, vega and the map, which `bulwark --help` does not need.
      const out = resolve(opts.out);
      checkOutputFile('--out', out);
      if (opts.pdf === true) checkOutputFile('--pdf', out.replace(/\.html?$/i, '') + '.pdf');
      const [{ runBrief }, { loadInput }] = await Promise.all([
        import('../../app/brief.js'),
        import('../../app/scenario.js'),
      ]);
      const t0 = performance.now();
      let bar: Progress | undefined;
      let phase: BriefPhase | undefined;
      const labels: Record<BriefPhase, string> = {
        plan: 'planning  ',
        assurance: 'simulating',
        frontier: 'frontier  ',
        render: 'rendering ',
      };
      const result = await runBrief({
        loaded: loadInput(ref, [], () => ctx.readStdin()),
        ...(opts.variant !== undefined ? { variants: opts.variant } : {}),
        ...(opts.runs !== undefined ? { runs: opts.runs } : {}),
        ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
        ...(opts.tornadoRuns !== undefined ? { tornadoRuns: opts.tornadoRuns } : {}),
        forceSource: opts.forceFrom,
        lang: opts.lang,
        ...(opts.minStatus !== undefined ? { minStatus: opts.minStatus } : {}),
        workers: opts.workers ?? ctx.config.workers,
        bulwarkVersion,
        generatedAt: (ctx.config.sourceDateEpoch === undefined
          ? new Date()
          : new Date(ctx.config.sourceDateEpoch * 1000)
        )
          .toISOString()
          .replace(/\.\d+Z$/, 'Z'),
        onProgress: (p, done, total) => {
          if (p !== phase) {
            bar?.stop();
            phase = p;
            bar = startProgress(ctx, labels[p], total, opts.json !== true);
          }
          bar?.setTotal(total);
          bar?.update(done);
        },
        ...(opts.frontier === false
          ? { frontier: false as const }
          : {
              frontier: {
                ...(opts.frontierPoints === undefined ? {} : { points: opts.frontierPoints }),
                ...(opts.frontierRuns === undefined ? {} : { runs: opts.frontierRuns }),
              },
            }),
      });
      bar?.stop();
      writeOutput('--out', out, result.html);
      let pdf: string | undefined;
      if (opts.pdf === true) {
        pdf = out.replace(/\.html?$/i, '') + '.pdf';
        const { writePdf } = await import('../../adapters/render/pdf.js');
        await writePdf(result.html, pdf);
      }
      const seconds = (performance.now() - t0) / 1000;
      if (opts.json === true)
        return ctx.json({
          html: out,
          pdf: pdf ?? null,
          bytes: Buffer.byteLength(result.html),
          seconds,
          scenarioHash: result.scenarioHash,
          findings: result.briefing.findings,
        });
      ctx.out(result.briefing.title);
      ctx.out('');
      for (const f of result.briefing.findings) ctx.out(`• ${f.headline}\n  ${f.text}\n`);
      ctx.out(`Briefing: ${out}${pdf === undefined ? '' : `\nPDF: ${pdf}`}`);
      ctx.out(
        `(${(Buffer.byteLength(result.html) / 1024).toFixed(0)} KB, ${seconds.toFixed(1)} s; open it in any browser, no network needed)`,
      );
    });
}
