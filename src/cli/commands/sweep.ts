import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { ForceSourceChoice } from '../../app/index.js';
import { BulwarkError } from '../../core/shared/index.js';
import { rowsToCsv } from '../../core/sweep/index.js';
import type { CliContext } from '../context.js';
import { checkOutputFile, writeOutput } from '../output-paths.js';
import { collect, FORCE_FROM_HELP, forceFromOption, intOption, redisUrlOf } from '../options.js';
import { startProgress, type Progress } from '../progress.js';

interface SweepFlags {
  param: string[];
  design: string;
  variant: string[];
  runs?: number;
  seed?: number;
  forceFrom: ForceSourceChoice;
  workers?: number;
  redis?: string | true;
  deadline?: number;
  chunkRuns?: number;
  parallel?: number;
  out?: string;
  json?: boolean;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('sweep')
    .description(
      'assurance over a grid or Latin hypercube of scenario parameters, every point on the same random numbers; a tidy table (one row per point, case and outcome) as CSV or JSON',
    )
    .argument('<scenario>', 'a YAML/JSON file, a built-in name, or - for stdin')
    .option(
      '--param <path=values>',
      'a parameter: path=v1,v2,… (grid) or path=lo..hi (lhs); path into the scenario, e.g. adversary.riskTolerance.mean (repeatable)',
      collect,
      [],
    )
    .option(
      '--design <design>',
      'grid (every combination of listed values) or lhs:N (Latin hypercube of N points)',
      'grid',
    )
    .option(
      '--variant <id>',
      'also run this variant at every point, on the same runs (repeatable)',
      collect,
      [],
    )
    .option(
      '--runs <n>',
      'runs per point and case (default: the scenario’s assurance.runs)',
      intOption(1, 100_000_000),
    )
    .option(
      '--seed <s>',
      'seed of every point and of the hypercube (default: the scenario’s assurance.seed)',
      intOption(0, 2 ** 32 - 1),
    )
    .option('--force-from <source>', FORCE_FROM_HELP, forceFromOption, 'auto')
    .option(
      '--workers <w>',
      'local worker threads (default: BULWARK_WORKERS or all cores)',
      intOption(1, 1024),
    )
    .option(
      '--redis [url]',
      'run on the queue in Redis (bulwark worker processes compute); default URL: REDIS_URL',
    )
    .option(
      '--deadline <seconds>',
      'with --redis: fail when no worker takes or finishes a chunk for this long (default 600)',
      intOption(1, 7 * 24 * 3600),
    )
    .option('--chunk-runs <n>', 'runs per queue chunk (default 100,000)', intOption(1, 100_000_000))
    .option('--parallel <n>', 'points in flight at once on the queue (default 4)', intOption(1, 1000))
    .option('--out <file>', 'write the table there: JSON if the name ends in .json, else CSV')
    .option('--json', 'print the JSON report (parameters, points, rows) on stdout')
    .action(async (ref: string, opts: SweepFlags) => {
      const [{ openRunner }, { runSweep }] = await Promise.all([
        import('../../app/distributed.js'),
        import('../../app/sweep.js'),
      ]);
      if (opts.param.length === 0)
        throw new BulwarkError('usage', 'a sweep needs at least one --param path=values');
      if (opts.out !== undefined) checkOutputFile('--out', resolve(opts.out));
      const redis = opts.redis === undefined ? undefined : redisUrlOf(opts.redis, ctx);
      const stop = new AbortController();
      const onSignal = (): void =>
        stop.abort(
          new BulwarkError('usage', 'cancelled: the chunks not yet taken were removed from the queue'),
        );
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
        const report = await runSweep({
          ref,
          params: opts.param,
          design: opts.design,
          variants: opts.variant,
          forceSource: opts.forceFrom,
          ...(opts.runs === undefined ? {} : { runs: opts.runs }),
          ...(opts.seed === undefined ? {} : { seed: opts.seed }),
          runner: runner.run,
          parallel: runner.distributed ? (opts.parallel ?? 4) : 1,
          stdin: () => ctx.readStdin(),
          onProgress: (done, total) => {
            bar ??= startProgress(ctx, 'sweeping', total, opts.json !== true);
            bar.update(done);
          },
        });
        bar?.stop();
        const csv = rowsToCsv(report.params, report.rows);
        if (opts.out !== undefined) {
          const file = resolve(opts.out);
          writeOutput('--out', file, /\.json$/i.test(file) ? JSON.stringify(report, null, 2) + '\n' : csv);
          if (opts.json !== true)
            ctx.err(
              `${report.points.length} points × ${1 + report.variants.length} case${report.variants.length === 0 ? '' : 's'} × ${report.runs.toLocaleString('en-GB')} runs (seed ${report.seed}) in ${((performance.now() - t0) / 1000).toFixed(1)} s${redis === undefined ? '' : ' on the queue'}: ${report.rows.length} rows → ${file}`,
            );
        }
        if (opts.json === true) ctx.json(report);
        else if (opts.out === undefined) ctx.out(csv.trimEnd());
      } finally {
        bar?.stop();
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        await runner.close();
      }
    });
}
