import { describe, expect, it } from 'vitest';
import { bulwark, fixture } from '../../../test/helpers.js';

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
