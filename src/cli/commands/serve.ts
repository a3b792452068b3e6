import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { BulwarkError } from '../../core/shared/index.js';
import type { CliContext } from '../context.js';
import { prepareOutputDir } from '../output-paths.js';
import { intOption } from '../options.js';
import { bulwarkVersion as version } from '../version.js';

const webRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../web');
const webDist = join(webRoot, 'dist');

/** Builds the web front end on first use from a fresh clone (vite is a dev dependency); API only without it. */
async function ensureWeb(ctx: CliContext): Promise<void> {
  if (existsSync(join(webDist, 'index.html'))) return;
  try {
    ctx.err('building the web front end (once; `npm run build:web` rebuilds it)…');
    const { build } = await import('vite');
    await build({ root: webRoot, logLevel: 'warn' });
  } catch (e) {
    ctx.err(`the web front end could not be built (${(e as Error).message}); serving the API only`);
  }
}

/**
 * A host to listen on: an IP address or a host name (letters, digits, `-`, `.`), else `usage` naming where
 * it came from.
 */
export function checkHost(from: string, host: string): string {
  const name =
    /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
  if (isIP(host) === 0 && !name.test(host))
    throw new BulwarkError('usage', `${from} "${host}": not an IP address or a host name`);
  return host;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .description('start the coalition workspace (API and web front end) on loopback')
    .option('--port <n>', 'port (default BULWARK_PORT or 8080; 0 picks a free one)', intOption(0, 65535))
    .option('--host <host>', 'address to listen on (default BULWARK_HOST or 127.0.0.1)')
    .option('--data <dir>', 'data directory for the embedded database (default BULWARK_DATA_DIR or ./data)')
    .option('--seed <scenario>', 'built-in scenario to seed an empty workspace with', 'ukraine-2025')
    .action(async (opts: { port?: number; host?: string; data?: string; seed: string }) => {
      // Loaded on use: the server, the database drivers and the run kinds are not needed by other commands.
      const [
        { openStore },
        { RunQueue },
        { assureKind, briefKind, frontierKind, planKind },
        { Auth },
        { Workspace },
        { CanvassBook },
        { sharedThreadPool },
        server,
        { openScenario },
        { warmSimulation },
      ] = await Promise.all([
        import('../../adapters/store/index.js'),
        import('../../app/run-queue.js'),
        import('../../app/run-kinds.js'),
        import('../../app/workspace-auth.js'),
        import('../../app/workspace.js'),
        import('../../app/canvass.js'),
        import('../../adapters/threads/index.js'),
        import('../../server/index.js'),
        import('../../app/scenario.js'),
        import('../../app/simulation.js'),
      ]);
      const { createApp, defaultAppOptions } = server;
      const c = ctx.config;
      // Everything the user gave is checked before anything is created: a first start that fails leaves
      // no admin and no database behind.
      const host = checkHost(opts.host === undefined ? 'BULWARK_HOST' : '--host', opts.host ?? c.host);
      if (c.databaseUrl === undefined) prepareOutputDir('--data', opts.data ?? c.dataDir);
      const seed = openScenario(opts.seed);
      const store = await openStore({
        dataDir: opts.data ?? c.dataDir,
        databaseUrl: c.databaseUrl,
        auditKeyFile: c.auditKeyFile,
      });
      try {
        const auth = new Auth(store.identity);
        if ((await auth.ensureAdmin(c.adminUser, c.adminPassword)) === 'created')
          ctx.err(`created the first coordinator "${c.adminUser}"`);
        // One pool for the process: the runs' simulations and the live coverage's plan solves, which run
        // on its dedicated coverage thread, off the requests' event loop.
        const pool = sharedThreadPool(c.workers);
        const workspace = new Workspace(store, (doc) => pool.coverage(doc));
        if ((await workspace.seed(opts.seed, opts.seed, 'system', seed)) === 'seeded')
          ctx.err(`seeded workspace scenario "${opts.seed}"`);
        // Warms the coverage thread (HiGHS loaded, first solve done) and the simulation threads (started,
        // their code optimised) before the first client asks.
        const warming = new AbortController();
        const warmStart = performance.now();
        void Promise.all([
          workspace.summary(opts.seed),
          warmSimulation(seed.scenario, { workers: c.workers, signal: warming.signal }),
        ]).then(
          () => ctx.err(`engines warm in ${((performance.now() - warmStart) / 1000).toFixed(1)} s`),
          // Not fatal: the first request then waits for what the warm-up would have done.
          (e: unknown) => ctx.err(`engines warm-up stopped (${e instanceof Error ? e.message : String(e)})`),
        );
        const interrupted = await store.runs.interruptUnfinishedRuns();
        if (interrupted > 0)
          ctx.err(`${interrupted} run(s) left unfinished by the last shutdown marked interrupted`);
        const runs = new RunQueue(
          store.runs,
          [
            planKind,
            assureKind(c.workers),
            briefKind(version, () => new Date(), c.workers),
            frontierKind(c.workers),
          ],
          1000,
          c.runLimits,
        );
        await ensureWeb(ctx);
        const app = await createApp(
          {
            ...defaultAppOptions,
            workspace,
            auth,
            runs,
            canvass: new CanvassBook(store),
            events: store,
            webDir: webDist,
            cookieSecure: c.cookieSecure,
            // The server log: one JSON line per request and per error (a 500's details are there).
            logger: true,
          },
          version,
        );
        const port = opts.port ?? c.port;
        const address = await app.listen({ port, host }).catch((e: unknown) => {
          const code = (e as NodeJS.ErrnoException).code;
          if (code === 'EADDRINUSE' || code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EACCES')
            throw new BulwarkError('usage', `cannot listen on ${host}:${port} (${code})`);
          throw e;
        });
        ctx.err(
          `Bulwark workspace on ${address} (${store.dialect}${store.dialect === 'sqlite' ? ` in ${opts.data ?? c.dataDir}` : ''})`,
        );
        await new Promise<void>((done) => {
          const stop = (): void => {
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
            done();
          };
          process.on('SIGINT', stop);
          process.on('SIGTERM', stop);
        });
        ctx.err('stopping…');
        warming.abort();
        await runs.stop();
        await app.close();
        await pool.close();
      } finally {
        await store.close();
      }
    });
}
