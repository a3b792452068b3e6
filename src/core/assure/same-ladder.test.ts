import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../test/helpers.js';
import { applyVariants, type Scenario } from '../scenario/index.js';
import { compileLadder, emptyForce, pinParameter, sameLadder, type LadderParams } from './index.js';

const base = loadFixture();
const variant = (id: string): Scenario => {
  const r = applyVariants(base, [id]);
  if (!r.ok) throw new Error(id);
  return r.value.scenario;
};
/** A copy of every field (typed arrays included), so equality cannot come from shared references. */
const copy = (m: LadderParams): LadderParams => structuredClone(m);

describe('sameLadder', () => {
  const m = compileLadder(base);

  it('a model and its deep copy are the same (NaN sentinels in `fixed` included)', () => {
    expect(Number.isNaN(m.fixed[0])).toBe(true);
    expect(sameLadder(m, copy(m))).toBe(true);
    expect(sameLadder(m, compileLadder(base))).toBe(true);
  });

  it('labels are ignored', () => {
    const relabelled: LadderParams = {
      ...copy(m),
      nationIds: m.nationIds.map((id) => `${id}!`),
      parameters: m.parameters.map((p) => ({ ...p, label: `${p.label}?` })),
    };
    expect(sameLadder(m, relabelled)).toBe(true);
  });

  it('one element of one typed array, one scalar or one pinned parameter makes them differ', () => {
    const personnel = Float64Array.from(m.personnel);
    personnel[personnel.length - 1]! += 1;
    expect(sameLadder(m, { ...m, personnel })).toBe(false);
    expect(sameLadder(m, { ...m, theta: m.theta + 1e-12 })).toBe(false);
    expect(sameLadder(m, pinParameter(m, 0, 0.5))).toBe(false);
    expect(sameLadder(m, { ...m, weight: new Float32Array(m.weight) } as unknown as LadderParams)).toBe(
      false,
    );
  });

  it('a field only one side has makes them differ', () => {
    expect(sameLadder(m, { ...m, extra: 1 } as LadderParams)).toBe(false);
  });

  it('scenarios that change what the loop reads compile to different models', () => {
    expect(sameLadder(m, compileLadder(variant('no-backstop')))).toBe(false);
    expect(sameLadder(m, compileLadder(base, { force: emptyForce(base) }))).toBe(false);
    expect(sameLadder(m, compileLadder(base, { feedback: false }))).toBe(false);
  });
});
