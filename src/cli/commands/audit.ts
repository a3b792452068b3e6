import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { AuditHead, Store, StoreOptions } from '../../adapters/store/index.js';
import { BulwarkError } from '../../core/shared/index.js';

/** The store module, loaded on use (database drivers are not needed by other commands). */
const storeModule = () => import('../../adapters/store/index.js');
// The head line's format, without loading every use case.
const headModule = () => import('../../app/audit-repository.js');

async function openStore(options: StoreOptions): Promise<Store> {
  return (await storeModule()).openStore(options);
}
import type { CliContext } from '../context.js';

/** `--expect`: the head line itself, or a file that holds it. */
async function readExpectedHead(arg: string): Promise<AuditHead> {
  let text = arg;
  if (!arg.startsWith('bulwark-audit-head/')) {
    try {
      text = readFileSync(arg, 'utf8');
    } catch (e) {
      throw new BulwarkError('input-unreadable', `--expect: cannot read ${arg}: ${(e as Error).message}`);
    }
  }
  const h = (await headModule()).parseHead(text);
  if (h === undefined)
    throw new BulwarkError(
      'usage',
      `--expect: not a head printed by \`bulwark audit head\` ("bulwark-audit-head/1 entries=… head=… sig=…")`,
    );
  return h;
}
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
    .option(
      '--expect <head>',
      'an earlier head printed by `bulwark audit head` (the line, or a file holding it): the log must still contain it',
    )
    .option('--json', 'print JSON')
    .action(async (opts: { data?: string; expect?: string; json?: boolean }) => {
      const expected = opts.expect === undefined ? undefined : await readExpectedHead(opts.expect);
      const store = await openStore({
        dataDir: opts.data ?? ctx.config.dataDir,
        databaseUrl: ctx.config.databaseUrl,
        auditKeyFile: ctx.config.auditKeyFile,
      });
      try {
        const r = await store.audit.verifyAudit(expected === undefined ? {} : { expect: expected });
        if (opts.json) ctx.json(r);
        else if (r.ok) ctx.out(`audit log intact: ${r.entries} entries, head ${r.head.slice(0, 16)}…`);
        else if (r.brokenAt === null) ctx.out(`audit log BROKEN: ${r.reason}`);
        else ctx.out(`audit log BROKEN at entry ${r.brokenAt}: ${r.reason}`);
        if (!r.ok) ctx.exitCode = 1;
      } finally {
        await store.close();
      }
    });
  audit
    .command('head')
    .description(
      'print the signed head of the audit log (entry count and last hash) to keep off-site; `audit verify --expect` checks it later',
    )
    .option('--data <dir>', 'data directory of the embedded database (default BULWARK_DATA_DIR or ./data)')
    .option('--json', 'print JSON')
    .action(async (opts: { data?: string; json?: boolean }) => {
      const store = await openStore({
        dataDir: opts.data ?? ctx.config.dataDir,
        databaseUrl: ctx.config.databaseUrl,
        auditKeyFile: ctx.config.auditKeyFile,
      });
      try {
        const h = await store.audit.auditHead();
        if (h === undefined) throw new BulwarkError('not-found', 'the audit log has no entries yet');
        if (opts.json) ctx.json(h);
        else ctx.out((await headModule()).formatHead(h));
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
        auditKeyFile: ctx.config.auditKeyFile,
      });
      try {
        const entries = await store.audit.listAudit({ limit: opts.limit });
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
