import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/adapters/store/index.js';
import { bulwark } from '../helpers.js';

describe('workspace commands', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-cli-ws-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const env = (): Record<string, string> => ({ BULWARK_DATA_DIR: dir });

  it('bulwark serve refuses a first start without BULWARK_ADMIN_PASSWORD (no default password)', () => {
    const r = bulwark(['serve', '--port', '0', '--data', join(dir, 'empty')], undefined, {
      BULWARK_ADMIN_PASSWORD: '',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('BULWARK_ADMIN_PASSWORD');
  });

  it('bulwark audit verify finds an intact chain, then the tampered entry (exit 1)', async () => {
    const store = await openStore({ dataDir: dir });
    await store.scenarios.createScenario('s', { n: 0 }, 'alice', 'seed');
    for (let i = 1; i <= 3; i++)
      await store.scenarios.mutateScenario('s', 'bob', () => ({
        document: { n: i },
        summary: `n=${i}`,
        changes: [{ action: 'n.update', key: 'n', target: 'scenario/s/n', before: i - 1, after: i }],
      }));
    const ok = bulwark(['audit', 'verify'], undefined, env());
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('audit log intact: 4 entries');
    const head = bulwark(['audit', 'head'], undefined, env());
    expect(head.stdout).toMatch(/^bulwark-audit-head\/1 entries=4 head=[0-9a-f]{64} sig=[0-9a-f]{64}\n$/);
    const kept = bulwark(['audit', 'verify', '--expect', head.stdout.trim()], undefined, env());
    expect(kept.status, kept.stderr).toBe(0);
    const log = bulwark(['audit', 'log', '--limit', '2'], undefined, env());
    expect(log.stdout).toContain('n.update');
    await sql`update audit set actor = 'mallory' where seq = 2`.execute(store.db);
    await store.close();
    const broken = bulwark(['audit', 'verify', '--json'], undefined, env());
    expect(broken.status).toBe(1);
    expect(JSON.parse(broken.stdout)).toMatchObject({ ok: false, brokenAt: 2 });
  });
});
