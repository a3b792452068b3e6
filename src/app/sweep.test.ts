import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bulwark, fixture, loadFixture } from '../../test/helpers.js';
import { inlineRunner, runAssurance } from '../core/assure/index.js';
import { BulwarkError } from '../core/shared/index.js';
import { sweepRows } from '../core/sweep/index.js';
import { runSweep } from './sweep.js';

const ref = fixture('minimal.yaml');

describe('runSweep', () => {
  it('a point at the scenario’s own values gives exactly the plain assurance result (same random numbers)', async () => {
    const report = await runSweep({
      ref,
      params: ['guarantor.backstop.credibility.alpha=2,5'],
      variants: ['no-backstop'],
      runs: 400,
      seed: 11,
      runner: inlineRunner,
    });
    expect(report.points.map((p) => p.values)).toEqual([[2], [5]]);
    expect(report.rows).toHaveLength(2 * 2 * 10);
    const plain = await runAssurance(
      [{ id: 'base', label: 'as pledged', scenario: loadFixture() }],
      { runs: 400, seed: 11, tornadoRuns: 0 },
      inlineRunner,
    );
    if (!plain.ok) throw new Error('run');
    const expected = sweepRows(report.params, report.points[0]!, plain.value);
    expect(report.rows.filter((r) => r.point === 0 && r.case === 'base')).toEqual(expected);
  });

  it('reports every invalid point before running anything', async () => {
    let ran = 0;
    const err = await runSweep({
      ref,
      params: ['guarantor.backstop.credibility.alpha=-1,2,-3'],
      runs: 10,
      runner: (job, seed, runs) => {
        ran++;
        return inlineRunner(job, seed, runs);
      },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BulwarkError);
    expect((err as BulwarkError).issues).toHaveLength(2);
    expect(ran).toBe(0);
  });

  it('a Latin hypercube over two ranges, reproducible from the seed', async () => {
    const req = {
      ref,
      params: ['adversary.riskTolerance.mean=0..2', 'guarantor.backstop.credibility.alpha=1..6'],
      design: 'lhs:3',
      runs: 100,
      seed: 5,
      runner: inlineRunner,
    };
    const a = await runSweep(req);
    const b = await runSweep(req);
    expect(a.points).toHaveLength(3);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});

describe('bulwark sweep (CLI, local)', () => {
  it('writes a tidy CSV table and prints a summary', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-sweep-'));
    const out = join(dir, 'sweep.csv');
    const r = bulwark([
      'sweep',
      ref,
      '--param',
      'adversary.riskTolerance.mean=0.5,1',
      '--runs',
      '200',
      '--workers',
      '1',
      '--out',
      out,
    ]);
    expect(r.stderr).toMatch(/2 points × 1 case × 200 runs \(seed \d+\) in [\d.]+ s: 20 rows →/);
    expect(r.status).toBe(0);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe('point,adversary.riskTolerance.mean,case,kind,measure,p,lo,hi,count,runs,seed');
    expect(lines).toHaveLength(21);
  });

  it('a bad --param is a user error (exit 2)', () => {
    const r = bulwark(['sweep', ref, '--param', 'adversary.nope.x=1', '--runs', '10', '--workers', '1']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no field "nope"');
  });
});
