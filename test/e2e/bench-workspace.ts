/**
 * Load figures for the workspace (not a test): starts `bulwark serve` on a fresh SQLite data directory
 * (or DATABASE_URL), then 50 concurrent clients for a fixed time, first reading (GET a pledge, GET the
 * summary), then writing pledges (PUT with optimistic versions; a 409 is answered and retried with the
 * version it carries, and counted as a request too). Prints throughput and latency percentiles.
 *
 *   npx tsx test/e2e/bench-workspace.ts [--clients 50] [--seconds 10]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { root } from '../helpers.js';

const { values } = parseArgs({
  options: { clients: { type: 'string', default: '50' }, seconds: { type: 'string', default: '10' } },
});
const clients = Number(values.clients);
const seconds = Number(values.seconds);
const password = 'bench-password-123';

interface Item {
  version: number;
  value: { id: string; note?: string };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bulwark-bench-'));
  const child = spawn(
    process.execPath,
    [join(root, 'bin', 'bulwark.js'), 'serve', '--port', '0', '--data', dataDir],
    {
      env: { ...process.env, BULWARK_ADMIN_PASSWORD: password },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /workspace on (http:\/\/\S+)/.exec(err);
      if (m?.[1] !== undefined) resolve(m[1]);
    });
    child.on('exit', () => reject(new Error(err)));
  });
  try {
    const login = await fetch(`${url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
    const sid = ((await (await fetch(`${url}/api/scenarios`, { headers })).json()) as { id: string }[])[0]!
      .id;
    const pledges = (
      (await (await fetch(`${url}/api/scenarios/${sid}/pledges`, { headers })).json()) as { items: Item[] }
    ).items;

    const phase = async (name: string, op: (client: number, n: number) => Promise<number>): Promise<void> => {
      const latencies: number[] = [];
      const statuses = new Map<number, number>();
      const end = performance.now() + seconds * 1000;
      await Promise.all(
        Array.from({ length: clients }, async (_, c) => {
          for (let n = 0; performance.now() < end; n++) {
            const t0 = performance.now();
            const status = await op(c, n);
            latencies.push(performance.now() - t0);
            statuses.set(status, (statuses.get(status) ?? 0) + 1);
          }
        }),
      );
      latencies.sort((a, b) => a - b);
      const q = (p: number) =>
        latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!.toFixed(1);
      console.log(
        `${name}: ${clients} clients, ${latencies.length} requests in ${seconds} s (${Math.round(latencies.length / seconds)}/s); latency ms p50 ${q(0.5)} p90 ${q(0.9)} p99 ${q(0.99)} max ${q(1)}; statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
      );
    };

    await phase('reads (GET pledge / GET summary)', async (c, n) => {
      const p = pledges[(c + n) % pledges.length]!;
      const r = await fetch(
        n % 2 === 0
          ? `${url}/api/scenarios/${sid}/pledges/${p.value.id}`
          : `${url}/api/scenarios/${sid}/summary`,
        { headers },
      );
      await r.arrayBuffer();
      return r.status;
    });
    const current = new Map(pledges.map((p) => [p.value.id, p]));
    const write = async (c: number, n: number): Promise<number> => {
      const id = pledges[c % pledges.length]!.value.id;
      const item = current.get(id)!;
      const r = await fetch(`${url}/api/scenarios/${sid}/pledges/${id}`, {
        method: 'PUT',
        headers,
        body: JSON.stringify({ version: item.version, value: { ...item.value, note: `bench ${c}/${n}` } }),
      });
      const body = (await r.json()) as { item?: Item; error?: { current?: Item } };
      const next = body.item ?? body.error?.current;
      if (next !== undefined && next.version >= (current.get(id)?.version ?? 0)) current.set(id, next);
      return r.status;
    };
    const read = async (c: number, n: number): Promise<number> => {
      const p = pledges[(c + n) % pledges.length]!;
      const r = await fetch(
        n % 2 === 0
          ? `${url}/api/scenarios/${sid}/pledges/${p.value.id}`
          : `${url}/api/scenarios/${sid}/summary`,
        { headers },
      );
      await r.arrayBuffer();
      return r.status;
    };
    await phase('pledge writes only (PUT, 409 retried)', write);
    // A workspace's usual traffic: mostly reads; each client writes on one request in ten.
    const mixedWrites: number[] = [];
    await phase('mixed, 1 write in 10', async (c, n) => {
      if (n % 10 !== c % 10) return read(c, n);
      const t0 = performance.now();
      const status = await write(c, n);
      mixedWrites.push(performance.now() - t0);
      return status;
    });
    mixedWrites.sort((a, b) => a - b);
    const mq = (p: number) =>
      mixedWrites[Math.min(mixedWrites.length - 1, Math.floor(p * mixedWrites.length))]!.toFixed(1);
    console.log(`  of which writes: ${mixedWrites.length}, latency ms p50 ${mq(0.5)} p99 ${mq(0.99)}`);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
