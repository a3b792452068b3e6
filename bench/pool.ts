/**
 * Warm engines (issue 18 item 3): the same 20,000-run two-case assurance of the default scenario, run
 * four times in one process on (a) a thread pool opened and closed per call — what every analysis did
 * before — and (b) the process-wide shared pool, interleaved round by round so load affects both alike.
 * Reports medians of the calls after the first (the first is cold in both) and their ratio.
 *
 *   npm run bench:pool
 */
import { runAssure, loadInput } from '../src/app/index.js';
import { createThreadPool, sharedThreadPool } from '../src/adapters/threads/index.js';

const req = {
  loaded: loadInput('ukraine-2025'),
  variants: ['no-backstop'],
  runs: 20_000,
  tornadoRuns: 0,
} as const;
const ROUNDS = 4;
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const fresh: number[] = [];
const warm: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  let t = performance.now();
  const pool = createThreadPool({});
  try {
    await runAssure({ ...req, runner: pool.run });
  } finally {
    await pool.close();
  }
  fresh.push(performance.now() - t);
  t = performance.now();
  await runAssure(req); // the default runner: the shared pool
  warm.push(performance.now() - t);
  console.log(`round ${i + 1}: new pool ${fresh[i]!.toFixed(0)} ms, shared pool ${warm[i]!.toFixed(0)} ms`);
}
const f = median(fresh.slice(1));
const w = median(warm.slice(1));
console.log(
  `median of rounds 2–${ROUNDS}: new pool ${f.toFixed(0)} ms, shared ${w.toFixed(0)} ms, ${(f / w).toFixed(1)}× faster warm`,
);
await sharedThreadPool().close();
