/**
 * Workspace under load (issue 15 / 18 item 6 targets: with 50 clients on SQLite, writes-only p99 < 100 ms,
 * reads p99 < 50 ms, an edit visible to another connected client < 1 s). Starts `bulwark serve` from the
 * sources on a fresh SQLite directory, then runs, `--repeats` times interleaved, three phases of
 * `--seconds` each with `--clients` concurrent clients:
 *
 *   no-op   GET /api/session (signed in, no scenario work): the reference floor of HTTP + auth here;
 *   reads   GET a pledge (with its issues) / GET the summary, alternately;
 *   writes  PUT a pledge's note (optimistic version; a 409 is answered with the version it carries and
 *           retried, each attempt counted), while one more client edits its own pledge every 250 ms and
 *           times until the change arrives on a second client's event stream (`edit visible`).
 *
 * `--think <ms>` (default 0) gives each client a think time between its requests, drawn from an
 * exponential distribution of that mean, for a second load profile. With 0 (closed loop, the first
 * profile) every client fires its next request the moment the last returns: 50 of them keep the server
 * saturated, so each p50 is about 50 × the time the server spends per request and the p99s measure
 * throughput. People at a conference read, type and decide between requests: `--think 1000` (50 clients,
 * each a request a second on average, about 50 requests a second in all) models that, and its p99s are
 * response times at a load the server is not saturated by (docs/api.md, "Load figures").
 *
 * Prints each phase's p50/p99 per repeat, then medians over repeats and ratios against the no-op floor
 * of the same run. Also times, in this process, the write path's CPU per edit on `ukraine-2025`: the old
 * one (every rule, whole canonical JSON) against the new (incremental rules, memoised canonical text,
 * patch). Figures: docs/performance.md.
 *
 *   npm run bench:workspace -- [--clients 50] [--seconds 5] [--repeats 3] [--events off] [--think 0]
 */
import { parseArgs } from 'node:util';
import { loadScenario } from '../src/adapters/files/index.js';
import { createHash } from 'node:crypto';
import { canonicalParts, diffDocuments } from '../src/adapters/store/index.js';
import { checkRules, nextRuleState, ruleState, type Pledge } from '../src/core/scenario/index.js';
import { canonicalJson } from '../src/core/shared/index.js';
import { median, quantile, readEvents, signIn, startWorkspace } from './workspace-server.js';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '5' },
    repeats: { type: 'string', default: '3' },
    /** `off`: no event stream and no probe, to time the write path without live coverage. */
    events: { type: 'string', default: 'on' },
    /** Mean think time of each client between two requests, ms (0: closed loop, none). */
    think: { type: 'string', default: '0' },
  },
});
const think = Number(values.think);
const clients = Number(values.clients);
const seconds = Number(values.seconds);
const repeats = Number(values.repeats);
const live = values.events !== 'off';
const password = 'bench-password-123';

interface Item {
  version: number;
  value: { id: string; note?: string };
}

const ms = (x: number): string => `${x.toFixed(1)} ms`;

/** In-process CPU of one pledge edit's checks and encoding, old path against new (medians of rounds). */
function writePathCpu(): { old: number; now: number } {
  const s = loadScenario('ukraine-2025').scenario;
  let state = ruleState(s);
  canonicalParts(s);
  const old: number[] = [];
  const now: number[] = [];
  let doc = s;
  for (let round = 0; round < 200; round++) {
    const i = round % doc.pledges.length;
    const pledges = [...doc.pledges];
    pledges[i] = { ...(doc.pledges[i] as Pledge), note: `bench ${round}` };
    const next = { ...doc, pledges };
    let t = performance.now();
    checkRules(next);
    createHash('sha256').update(canonicalJson(next)).digest('hex');
    old.push(performance.now() - t);
    t = performance.now();
    state = nextRuleState(state, next);
    const h = createHash('sha256');
    for (const part of canonicalParts(next)) h.update(part);
    h.digest('hex');
    JSON.stringify(diffDocuments(doc, next));
    now.push(performance.now() - t);
    doc = next;
  }
  return { old: median(old.slice(20)), now: median(now.slice(20)) };
}

async function main(): Promise<void> {
  const cpu = writePathCpu();
  console.log(
    `write path CPU per pledge edit (ukraine-2025, median of 180): old ${ms(cpu.old)}, new ${ms(cpu.now)} (${(cpu.old / cpu.now).toFixed(1)}× less)`,
  );
  const server = await startWorkspace({
    password,
    fromSource: true,
    // The steady state: measured once the start-up warm-up of the threads is done.
    waitWarm: true,
    // BULWARK_BENCH_PROFILE=dir: a CPU profile of the server, written there when it stops.
    ...(process.env['BULWARK_BENCH_PROFILE'] === undefined
      ? {}
      : { profileDir: process.env['BULWARK_BENCH_PROFILE'] }),
  });
  const url = server.url;
  const events = new AbortController();
  try {
    const headers = await signIn(url, password);
    const sid = ((await (await fetch(`${url}/api/scenarios`, { headers })).json()) as { id: string }[])[0]!
      .id;
    const pledges = (
      (await (await fetch(`${url}/api/scenarios/${sid}/pledges`, { headers })).json()) as { items: Item[] }
    ).items;
    // The probe edits the last pledge; the load writers use the others.
    const probe = pledges.at(-1)!;
    const writable = pledges.slice(0, -1);

    // The second connected client: an event stream, noting when each change to the probe arrives.
    const seen = new Map<string, number>();
    const stream = live
      ? await fetch(`${url}/api/scenarios/${sid}/events`, { headers, signal: events.signal })
      : new Response('');
    void readEvents(stream, (event, data) => {
      if (event !== 'change') return;
      for (const c of (data as { changes: { target: string }[] }).changes)
        if (c.target.endsWith(`/pledges/${probe.value.id}`)) seen.set(c.target, performance.now());
    });

    const phase = async (op: (client: number, n: number) => Promise<number>): Promise<number[]> => {
      const latencies: number[] = [];
      const end = performance.now() + seconds * 1000;
      await Promise.all(
        Array.from({ length: clients }, async (_, c) => {
          for (let n = 0; performance.now() < end; n++) {
            const t0 = performance.now();
            const status = await op(c, n);
            if (status >= 500) throw new Error(`status ${status}`);
            latencies.push(performance.now() - t0);
            if (think > 0) await new Promise((res) => setTimeout(res, -Math.log(1 - Math.random()) * think));
          }
        }),
      );
      return latencies;
    };
    const noop = async (): Promise<number> => {
      const r = await fetch(`${url}/api/session`, { headers });
      await r.arrayBuffer();
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
    const current = new Map(pledges.map((p) => [p.value.id, p]));
    const put = async (id: string, note: string): Promise<number> => {
      const item = current.get(id)!;
      const r = await fetch(`${url}/api/scenarios/${sid}/pledges/${id}`, {
        method: 'PUT',
        headers,
        body: JSON.stringify({ version: item.version, value: { ...item.value, note } }),
      });
      const body = (await r.json()) as { item?: Item; error?: { current?: Item } };
      const next = body.item ?? body.error?.current;
      if (next !== undefined && next.version >= (current.get(id)?.version ?? 0)) current.set(id, next);
      return r.status;
    };
    const write = (c: number, n: number): Promise<number> =>
      put(writable[c % writable.length]!.value.id, `bench ${c}/${n}`);

    const results = { noop: [] as number[][], reads: [] as number[][], writes: [] as number[][] };
    const visible: number[] = [];
    for (let r = 0; r < repeats; r++) {
      results.noop.push(await phase(noop));
      results.reads.push(await phase(read));
      // The probe: one edit every 250 ms during the writes, timed until the stream shows it.
      let probing = live;
      const prober = (async () => {
        for (let k = 0; probing; k++) {
          const target = `scenario/${sid}/pledges/${probe.value.id}`;
          seen.delete(target);
          const t0 = performance.now();
          if ((await put(probe.value.id, `probe ${r}/${k}`)) === 200) {
            const deadline = t0 + 5000;
            while (!seen.has(target) && performance.now() < deadline)
              await new Promise((res) => setTimeout(res, 2));
            visible.push((seen.get(target) ?? Infinity) - t0);
          }
          await new Promise((res) => setTimeout(res, 250));
        }
      })();
      results.writes.push(await phase(write));
      probing = false;
      await prober;
      const row = (name: string, xs: number[]) =>
        `${name} ${xs.length} req, p50 ${ms(quantile(xs, 0.5))}, p99 ${ms(quantile(xs, 0.99))}`;
      console.log(
        `repeat ${r + 1}: ${row('no-op', results.noop[r]!)}; ${row('reads', results.reads[r]!)}; ${row('writes', results.writes[r]!)}`,
      );
    }
    const p99 = (k: keyof typeof results) => median(results[k].map((xs) => quantile(xs, 0.99)));
    const p50 = (k: keyof typeof results) => median(results[k].map((xs) => quantile(xs, 0.5)));
    const floor = p99('noop');
    console.log(
      `medians over ${repeats} repeats, ${clients} clients, ${think > 0 ? `think time ${think} ms (exponential mean)` : 'closed loop (no think time)'}, ${seconds} s each, SQLite:`,
    );
    for (const k of ['noop', 'reads', 'writes'] as const)
      console.log(
        `  ${k.padEnd(6)} p50 ${ms(p50(k))}, p99 ${ms(p99(k))} (${(p99(k) / floor).toFixed(1)}× the no-op p99)`,
      );
    if (live)
      console.log(
        `  edit visible to another client: median ${ms(median(visible))}, max ${ms(Math.max(...visible))} over ${visible.length} probe edits`,
      );
    console.log(
      `  targets: writes p99 < 100 ms ${p99('writes') < 100 ? 'met' : 'MISSED'}; reads p99 < 50 ms ${p99('reads') < 50 ? 'met' : 'MISSED'}${live ? `; visible < 1 s ${Math.max(...visible) < 1000 ? 'met' : 'MISSED'}` : ' (no event stream)'}`,
    );
  } finally {
    events.abort();
    await server.stop();
  }
}

await main();
