/**
 * Benchmark of Bulwark's main job: the default briefing (ukraine-2025: pledged and potential plans,
 * resilience, 20,000 assurance runs for each of two cases plus the tornado, map, charts, HTML).
 * Target (issue 5): under 10 s, file under 2 MB. Reports the median of the repeats and each phase.
 *
 *   npm run bench:brief [-- --repeats 3 --runs 20000]
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { runBrief, loadInput } from '../src/app/index.js';

const { values } = parseArgs({
  options: { repeats: { type: 'string', default: '3' }, runs: { type: 'string', default: '20000' } },
});
const repeats = Number(values.repeats);
const runs = Number(values.runs);
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

const totals: number[] = [];
const phases: Record<string, number[]> = { plan: [], assurance: [], render: [] };
let bytes = 0;
for (let i = 0; i < repeats; i++) {
  const t0 = performance.now();
  const r = await runBrief({
    loaded: loadInput('ukraine-2025'),
    runs,
    bulwarkVersion: 'bench',
    generatedAt: 'bench',
  });
  totals.push((performance.now() - t0) / 1000);
  for (const [k, v] of Object.entries(r.seconds)) phases[k]?.push(v);
  bytes = Buffer.byteLength(r.html);
  process.stderr.write(`run ${i + 1}/${repeats}: ${totals[i]?.toFixed(2)} s\n`);
}
console.log(
  `default briefing (ukraine-2025, ${runs.toLocaleString('en-GB')} runs × ${2} cases, ${availableParallelism()} cores)`,
);
console.log(`  total   median ${median(totals).toFixed(2)} s over ${repeats} repeats (target < 10 s)`);
for (const [k, v] of Object.entries(phases)) console.log(`  ${k.padEnd(9)} median ${median(v).toFixed(2)} s`);
console.log(`  file    ${(bytes / 1024).toFixed(0)} KB (target < 2,048 KB)`);
