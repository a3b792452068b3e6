/**
 * Durability: `bulwark serve` is killed (SIGKILL) during a burst of pledge writes, then restarted on the
 * same data directory. Every write the server acknowledged must be there, and `bulwark audit verify` must
 * find the hash chain intact.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bulwark, root } from '../helpers.js';

const password = 'crash-test-password';

/** The environment without DATABASE_URL: this test is about the embedded SQLite store. */
function sqliteEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env['DATABASE_URL'];
  return env;
}

function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [join(root, 'bin', 'bulwark.js'), 'serve', '--port', '0', '--data', dataDir],
    {
      cwd: root,
      env: { ...sqliteEnv(), BULWARK_ADMIN_PASSWORD: password, NO_COLOR: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${err}`)), 60_000);
    child.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /workspace on (http:\/\/[^\s]+)/.exec(err);
      if (m?.[1] !== undefined) {
        clearTimeout(timer);
        resolve({ child, url: m[1] });
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${err}`)));
  });
}

interface Item {
  version: number;
  value: { id: string; nation: string; units: number; note?: string };
}

describe('a killed server', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'bulwark-crash-'));
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const c of children) c.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses no acknowledged write and keeps a valid audit chain', async () => {
    const first = await startServer(dataDir);
    children.push(first.child);
    const login = await fetch(`${first.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const tokenRes = await fetch(`${first.url}/api/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ name: 'crash test' }),
    });
    const { token } = (await tokenRes.json()) as { token: string };
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const base = `${first.url}/api/scenarios/ukraine-2025/pledges`;
    const items = ((await (await fetch(base, { headers: auth })).json()) as { items: Item[] }).items.slice(
      0,
      4,
    );
    // Each write stores a per-pledge counter in the note (not more units, which could exceed what the
    // nation holds and be refused), so the count of committed writes can be read back after the restart.
    const acked = new Map(items.map((i) => [i.value.id, 0]));
    const counterOf = (note: string | undefined): number =>
      Number(/crash-write (\d+)/.exec(note ?? '')?.[1] ?? 0);
    let ackedTotal = 0;
    let reached: () => void = () => undefined;
    const enoughAcked = new Promise<void>((r) => (reached = r));

    let stop = false;
    const writer = async (item: Item): Promise<void> => {
      let current = item;
      while (!stop) {
        try {
          const r = await fetch(`${base}/${current.value.id}`, {
            method: 'PUT',
            headers: auth,
            body: JSON.stringify({
              version: current.version,
              value: { ...current.value, note: `crash-write ${(acked.get(current.value.id) ?? 0) + 1}` },
            }),
          });
          if (r.status !== 200) throw new Error(`status ${r.status}`);
          current = ((await r.json()) as { item: Item }).item;
          acked.set(current.value.id, (acked.get(current.value.id) ?? 0) + 1);
          if (++ackedTotal >= 40) reached();
        } catch {
          return; // the server is gone
        }
      }
    };
    // Kill once 40 writes are acknowledged and more are in flight (no sleep: a loaded machine only
    // makes the wait longer); a writer that fails early ends the wait too, and the count check says so.
    const writers = items.map(writer);
    await Promise.race([enoughAcked, Promise.all(writers)]);
    first.child.kill('SIGKILL');
    stop = true;
    await Promise.all(writers);
    const total = [...acked.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(40);

    const second = await startServer(dataDir);
    children.push(second.child);
    const after = (
      (await (await fetch(`${second.url}/api/scenarios/ukraine-2025/pledges`, { headers: auth })).json()) as {
        items: Item[];
      }
    ).items;
    for (const [id, n] of acked) {
      const committed = counterOf(after.find((i) => i.value.id === id)?.value.note);
      // Every acknowledged write is there; at most the one in flight at the kill may also have committed.
      expect(committed).toBeGreaterThanOrEqual(n);
      expect(committed).toBeLessThanOrEqual(n + 1);
    }
    second.child.kill('SIGTERM');
    await new Promise((r) => second.child.once('exit', r));
    const verify = bulwark(['audit', 'verify', '--data', dataDir]);
    expect(verify.stdout, verify.stderr).toContain('audit log intact');
    expect(verify.status).toBe(0);
    console.log(
      `killed during a burst: ${total} acknowledged writes, all present after restart; audit chain intact`,
    );
  });
});
