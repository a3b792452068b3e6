import type { Command } from 'commander';
import { BulwarkError } from '../../core/shared/index.js';
import type { CliContext } from '../context.js';
import { collect, intOption } from '../options.js';
import { startProgress, type Progress } from '../progress.js';
import { figures, heading, table } from '../render.js';

interface CalibrateFlags {
  variant: string[];
  runs?: number;
  seed?: number;
  workers?: number;
  json?: boolean;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('calibrate')
    .description(
      'compare the assurance model (no force, no guarantor; then the pledged force) with the outside view',
    )
    .argument('<scenario>', 'a YAML/JSON file, a built-in name, or - for stdin')
    .option('--variant <id>', 'apply a variant first (repeatable, applied in order)', collect, [])
    .option('--runs <n>', 'runs (default: the scenario’s assurance.runs)', intOption(1, 100_000_000))
    .option('--seed <s>', 'random seed (default: the scenario’s assurance.seed)', intOption(0, 2 ** 32 - 1))
    .option('--workers <w>', 'worker threads (default: BULWARK_WORKERS or all cores)', intOption(1, 1024))
    .option('--json', 'print JSON')
    .action(async (ref: string, opts: CalibrateFlags) => {
      const { runCalibrate } = await import('../../app/calibrate.js');
      let bar: Progress | undefined;
      const cancel = new AbortController();
      const onSigint = (): void => cancel.abort(new BulwarkError('usage', 'cancelled (interrupt)'));
      process.once('SIGINT', onSigint);
      const report = await runCalibrate({
        ref,
        signal: cancel.signal,
        variants: opts.variant,
        ...(opts.runs === undefined ? {} : { runs: opts.runs }),
        ...(opts.seed === undefined ? {} : { seed: opts.seed }),
        workers: opts.workers ?? ctx.config.workers,
        stdin: () => ctx.readStdin(),
        onProgress: (done, total) => {
          bar ??= startProgress(ctx, 'calibrating', total, opts.json !== true);
          bar.update(done);
        },
      }).finally(() => {
        bar?.stop();
        process.off('SIGINT', onSigint);
      });
      if (opts.json === true) return ctx.json(report);
      const r = report.result;
      const fmt = (x: number, measure: string): string =>
        measure === 'major-failure-timing' ? `${x} days` : figures.prob(x);
      const out: string[] = [];
      out.push(`${report.scenario.title} — calibration against the outside view`);
      out.push(
        `${r.runs.toLocaleString('en-GB')} runs · seed ${r.seed} · simulated ${r.horizonDays} days · ${report.scenario.hash.slice(0, 19)}`,
      );
      out.push(heading('Model beside the references'));
      out.push(
        table(
          ['measure', 'model', 'reference', ''],
          r.rows.map((row) => [
            row.description,
            fmt(row.model, row.measure) +
              (row.modelLo === undefined || row.modelHi === undefined
                ? ''
                : ` (${figures.prob(row.modelLo)}–${figures.prob(row.modelHi)})`),
            `${fmt(row.referenceLow, row.measure)} – ${fmt(row.referenceHigh, row.measure)}`,
            row.within ? 'within' : 'OUTSIDE',
          ]),
          ['left', 'right', 'right', 'left'],
        ),
      );
      const cite = (c: { sourceId: string | null; kind: string | null }): string =>
        c.sourceId === null ? 'no source' : `${c.sourceId} (${c.kind ?? '?'})`;
      out.push(heading('Reference classes'));
      out.push(
        table(
          ['measure or rung', 'reference class', 'model'],
          [
            ...r.rows.map((row) => [row.measure, cite(row.reference), row.within ? 'within' : 'OUTSIDE']),
            ...r.ladder.map((l) => [
              `level ${l.level} ${l.name}`,
              cite(l.reference),
              l.escalationAtZero === null
                ? 'absorbing'
                : `up before down ${figures.prob(l.escalationAtZero)} at zero incentive; ${Math.round(l.meanDays ?? 0)} days mean stay`,
            ]),
          ],
          ['left', 'left', 'left'],
        ),
      );
      out.push(
        ...[
          ...new Set(
            [...r.rows.map((x) => x.reference), ...r.ladder.map((x) => x.reference)].map((c) => c.sourceId),
          ),
        ]
          .filter((id): id is string => id !== null)
          .map((id) => {
            const c = [...r.rows.map((x) => x.reference), ...r.ladder.map((x) => x.reference)].find(
              (x) => x.sourceId === id,
            );
            return `${id}: ${c?.citation ?? ''}`;
          }),
      );
      const quart = r.noForce.failureDayQuartiles.map((x) => (x === null ? '—' : String(x))).join(' / ');
      out.push(heading('Detail'));
      out.push(
        [
          `no force, no guarantor: P(fail) ${figures.prob(r.noForce.failure.p)}; failure day quartiles among failures ${quart}`,
          `pledged force (${r.withForce.personnel.toLocaleString('en-GB')} peak personnel), no guarantor: P(fail) ${figures.prob(r.withForce.failure.p)}`,
          `risk reduction ${figures.prob(r.riskReduction)}; hazard ratio ${r.hazardRatio} (−ln S with force / −ln S without)`,
          'References: Fortna (2003, 2004) via PKSOI; CSIS (Aug 2025). See the scenario’s meta.sources.',
        ].join('\n'),
      );
      ctx.out(out.join('\n'));
      if (r.rows.some((row) => !row.within)) ctx.exitCode = 0;
    });
}
