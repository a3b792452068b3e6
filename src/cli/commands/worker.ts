import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { intOption, redisUrlOf } from '../options.js';

interface WorkerFlags {
  redis?: string | true;
  concurrency?: number;
  inProcess?: boolean;
  lockDuration?: number;
  stalledInterval?: number;
  quiet?: boolean;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('worker')
    .description(
      'take assurance chunks off the queue in Redis and compute them (run any number, on any machines; Ctrl-C or SIGTERM finishes the chunks in progress, then stops)',
    )
    .option(
      '--redis [url]',
      'Redis URL: redis://[:password@]host:port or rediss:// for TLS (default: REDIS_URL)',
    )
    .option(
      '--concurrency <n>',
      'chunks at once, each on its own worker thread (default: BULWARK_WORKERS or all cores)',
      intOption(1, 1024),
    )
    .option('--in-process', 'compute on the main thread, one chunk at a time (no worker threads)')
    .option(
      '--lock-duration <ms>',
      'how long a chunk of a silent (killed) worker stays locked before another takes it',
      intOption(1000, 3_600_000),
    )
    .option(
      '--stalled-interval <ms>',
      'how often to look for chunks of killed workers',
      intOption(500, 3_600_000),
    )
    .option('--quiet', 'no line per chunk (the ready line, failures and errors only)')
    .action(async (opts: WorkerFlags) => {
      // Loaded on use: BullMQ and the thread pool are not needed by other commands.
      const [{ runWorker }, { redactUrl }] = await Promise.all([
        import('../../app/distributed.js'),
        import('../../adapters/queue/index.js'),
      ]);
      const url = redisUrlOf(opts.redis ?? true, ctx);
      const stop = new AbortController();
      const onSignal = (): void => {
        if (stop.signal.aborted) process.exit(130);
        ctx.err('bulwark worker: stopping after the chunks in progress (signal again to quit at once)');
        stop.abort();
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      try {
        await runWorker({
          redis: url,
          concurrency: opts.concurrency ?? ctx.config.workers,
          inProcess: opts.inProcess === true,
          ...(opts.lockDuration === undefined ? {} : { lockDurationMs: opts.lockDuration }),
          ...(opts.stalledInterval === undefined ? {} : { stalledIntervalMs: opts.stalledInterval }),
          signal: stop.signal,
          onEvent: (e) => {
            switch (e.type) {
              case 'ready':
                ctx.err(
                  `bulwark worker ${e.name}: ready on ${redactUrl(url)}, ${e.concurrency} chunk${e.concurrency === 1 ? '' : 's'} at once ${e.threads ? 'on worker threads' : 'in process'}`,
                );
                return;
              case 'done':
                if (opts.quiet !== true)
                  ctx.err(
                    `chunk ${e.id}: ${e.runs.toLocaleString('en-GB')} runs in ${(e.ms / 1000).toFixed(2)} s`,
                  );
                return;
              case 'failed':
                ctx.err(`chunk ${e.id} failed${e.final ? '' : ' (will be retried)'}: ${e.reason}`);
                return;
              case 'error':
                ctx.err(`bulwark worker: ${e.message}`);
                return;
              default: {
                const never: never = e;
                return never;
              }
            }
          },
        });
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
    });
}
