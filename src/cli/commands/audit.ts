import type { Command } from 'commander';
import type { Store, StoreOptions } from '../../adapters/store/index.js';

/** The store, loaded on use (database drivers are not needed by other commands). */
async function openStore(options: StoreOptions): Promise<Store> {
  const store = await import('../../adapters/store/index.js');
  return store.openStore(options);
}
import type { CliContext } from '../context.js';
import { intOption } from '../options.js';
import { table } from '../render.js';

export function register(program: Command, ctx: CliContext): void {
  const audit = program.command('audit').description("the workspace's audit log");
  audit
    .command('verify')
    .description(
      'recompute the hash chain of the audit log; exit 1 if any entry was altered, removed or reordered',
    )
    .option('--data <dir>', 'data directory of the embedded database (default BULWARK_DATA_DIR or ./data)')
    .option('--json', 'print JSON')
    .action(async (opts: { data?: string; json?: boolean }) => {
      const store = await openStore({
        dataDir: opts.data ?? ctx.config.dataDir,
        databaseUrl: ctx.config.databaseUrl,
      });
      try {
        const r = await store.verifyAudit();
        if (opts.json) ctx.json(r);
        else if (r.ok) ctx.out(`audit log intact: ${r.entries} entries, head ${r.head.slice(0, 16)}…`);
        else ctx.out(`audit log BROKEN at entry ${r.brokenAt}: ${r.reason}`);
        if (!r.ok) ctx.exitCode = 1;
      } finally {
        await store.close();
      }
    });
  audit
    .command('log')
    .description('the latest audit entries, newest first')
    .option('--data <dir>', 'data directory of the embedded database (default BULWARK_DATA_DIR or ./data)')
    .option('--limit <n>', 'entries to show', intOption(1, 1000), 20)
    .option('--json', 'print JSON')
    .action(async (opts: { data?: string; limit: number; json?: boolean }) => {
      const store = await openStore({
        dataDir: opts.data ?? ctx.config.dataDir,
        databaseUrl: ctx.config.databaseUrl,
      });
      try {
        const entries = await store.listAudit({ limit: opts.limit });
        if (opts.json) return ctx.json(entries);
        ctx.out(
          table(
            ['seq', 'at', 'actor', 'action', 'target', 'version'],
            entries.map((e) => [e.seq, e.at, e.actor, e.action, e.target, e.scenarioVersion ?? '']),
          ),
        );
      } finally {
        await store.close();
      }
    });
}
