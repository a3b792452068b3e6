import { describe, expect, it } from 'vitest';
import type { AssureReport } from '../../app/index.js';
import { bulwark, fixture } from '../../../test/helpers.js';
import { progressDetail, renderAssurance, sensitivityCost } from './assure.js';

describe('bulwark assure / calibrate', () => {
  it('prints identical JSON with 1 and 2 workers for the same seed', () => {
    const args = [
      'assure',
      fixture('minimal.yaml'),
      '--runs',
      '3000',
      '--seed',
      '9',
      '--tornado-runs',
      '500',
      '--json',
    ];
    const one = bulwark([...args, '--workers', '1']);
    const two = bulwark([...args, '--workers', '2']);
    expect(one.status, one.stderr).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const report = JSON.parse(one.stdout) as { result: { runs: number; seed: number; cases: unknown[] } };
    expect(report.result).toMatchObject({ runs: 3000, seed: 9 });
  });
  it('compares variants side by side with paired intervals and a tornado', () => {
    const r = bulwark([
      'assure',
      fixture('minimal.yaml'),
      '--variant',
      'no-backstop',
      '--runs',
      '2000',
      '--workers',
      '1',
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Outcomes at the horizon');
    expect(r.stdout).toContain('no-backstop');
    expect(r.stdout).toContain('Difference from "base" on the same runs');
    expect(r.stdout).toContain('Tornado');
  });
  it('says what the sensitivity analyses cost, and gives Sobol indices with intervals sized by precision', () => {
    const r = bulwark([
      'assure',
      fixture('minimal.yaml'),
      '--runs',
      '2000',
      '--sobol-runs',
      '8000',
      '--workers',
      '1',
      '--json',
    ]);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as AssureReport;
    const t = report.result.tornado!;
    const s = report.result.sobol!;
    expect(t.stops.separated + t.stops.precise + t.stops.exact + t.stops.cap).toBe(t.rows.length);
    expect(s.stops.precise + s.stops.cap).toBe(s.rows.length);
    const text = renderAssurance(report);
    const n = (x: number): string => x.toLocaleString('en-GB');
    expect(text).toContain(`Sensitivity: ${n(t.modelRuns)} model-runs (cap ${n(t.fixedModelRuns)}): `);
    expect(text).toContain(`Sobol indices: ${n(s.modelRuns)} model-runs (cap ${n(s.fixedModelRuns)}): `);
    for (const row of s.rows) {
      const v = row.first.ceasefireFailed!;
      expect(row.firstLo.ceasefireFailed!).toBeLessThanOrEqual(Math.max(0, v) + 1e-9);
      expect(text).toContain(`${n(row.runs)} (${row.stop})`);
    }
    expect(sensitivityCost(report.result)[0]).toMatch(
      /^Sensitivity: [\d,]+ model-runs \(cap [\d,]+\): \d+ rows? ranked(, \d+ tied at 2% precision)?(, \d+ with no effect on failure)?(, \d+ at the cap of [\d,]+ runs)?$/,
    );
    expect(progressDetail({ name: 'tornado', settled: 3, rows: 26, spent: 48_000, cap: 2_900_000 })).toBe(
      'tornado: 3/26 rows settled, 48,000 of at most 2,900,000 model-runs',
    );
    expect(progressDetail({ name: 'sobol', settled: 1, rows: 9, spent: 0, cap: 110_000 })).toBe(
      'sobol: 1/9 parameters settled, 0 of at most 110,000 model-runs',
    );
  });
  it('rejects an unknown variant as a user error (exit 2)', () => {
    const r = bulwark(['assure', fixture('minimal.yaml'), '--variant', 'nope', '--runs', '100']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('nope');
  });
  it('rejects a bad --force-from as a user error (exit 2) naming the choices', () => {
    const r = bulwark(['assure', fixture('minimal.yaml'), '--force-from', 'plans', '--runs', '100']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('expected one of auto, pledges, plan-pledged, plan-potential, got "plans"');
    expect(r.stdout).toBe('');
  });
  it('says what force each case simulates, and when a case is the base in all the model reads', () => {
    const args = [
      'assure',
      'ukraine-2025',
      '--variant',
      'iiss-small',
      '--runs',
      '200',
      '--tornado-runs',
      '0',
    ];
    const auto = bulwark([...args, '--workers', '1']);
    expect(auto.status, auto.stderr).toBe(0);
    expect(auto.stdout).toMatch(/\nbase: force simulated: [\d,]+ personnel from pledges\n/);
    expect(auto.stdout).toMatch(
      /\niiss-small: force simulated: [\d,]+ personnel sourced by the planner from committable inventories \(shortfall \d+\.\d%\)\n/,
    );
    expect(auto.stdout).not.toContain('the model reads nothing different');
    const pledges = bulwark([...args, '--force-from', 'pledges', '--workers', '1']);
    expect(pledges.status, pledges.stderr).toBe(0);
    expect(pledges.stdout).toMatch(/\niiss-small: force simulated: [\d,]+ personnel from pledges\n/);
    expect(pledges.stdout).toContain(
      "iiss-small: the model reads nothing different from base; its odds are the base's",
    );
  });
  it('calibrate prints the model beside the outside-view references', () => {
    const r = bulwark(['calibrate', fixture('minimal.yaml'), '--runs', '5000', '--workers', '1']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Model beside the references');
    expect(r.stdout).toMatch(/within/);
  });
});
