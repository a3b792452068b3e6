/**
 * The assumed constants the tornado varies beside the per-run draws: scenario numbers with no distribution
 * (θ, ladder rates, the backstop kind's weight and visibility, the guarantor's power, the coalition's
 * audience cost and retaliation weight, the force's size). Each is moved to ×0.5 and ×1.5 of its value
 * (shares capped at 1) with everything else as in the scenario, on the same runs. `inert` names the
 * measures a lever cannot move by construction: a rate or decision that acts only once the ladder has
 * reached level 3 cannot change whether it reached level 3 (docs/model.md §10).
 */
import type { Scenario } from '../scenario/index.js';
import { backstopKind } from '../scenario/index.js';
import type { ForceLayout } from './force-layout.js';
import { scaleForce } from './force-layout.js';

/** Measures a tornado row reports whose movement can be ruled out by the model's structure. */
export type InertMeasure = 'ceasefireFailed' | 'tripwireTested';

export interface ConstantLever {
  readonly key: string;
  readonly label: string;
  /** The lever's value at ×0.5 and ×1.5 (the multiplier itself for the force size). */
  readonly low: number;
  readonly high: number;
  readonly inert: readonly InertMeasure[];
  /** The scenario and force at multiplier x. */
  readonly at: (x: number) => { readonly scenario: Scenario; readonly force: ForceLayout };
}

/** The factors a constant is moved to. */
export const CONSTANT_FACTORS = [0.5, 1.5] as const;

const capShare = (v: number): number => Math.min(1, v);

/** The constant levers that apply to scenario s simulated with force f. */
export function constantLevers(s: Scenario, f: ForceLayout): ConstantLever[] {
  const adv = s.adversary;
  if (adv === undefined) return [];
  const out: ConstantLever[] = [];
  const same = (scenario: Scenario) => ({ scenario, force: f });
  const lever = (
    key: string,
    label: string,
    value: number,
    inert: readonly InertMeasure[],
    at: (x: number) => { scenario: Scenario; force: ForceLayout },
    cap = false,
  ): void => {
    if (!(value > 0)) return;
    const v = (x: number): number => (cap ? capShare(value * x) : value * x);
    out.push({ key, label, low: v(CONSTANT_FACTORS[0]), high: v(CONSTANT_FACTORS[1]), inert, at });
  };
  const a = s.assurance;
  const ladderScaled = (levels: readonly number[], x: number): Scenario => ({
    ...s,
    adversary: {
      ...adv,
      ladder: adv.ladder.map((l, i) => (levels.includes(i) ? { ...l, upPerDay: l.upPerDay * x } : l)),
    },
  });
  lever('const:theta', 'θ (sensitivity to incentive)', a.theta, [], (x) =>
    same({ ...s, assurance: { ...a, theta: a.theta * x } }),
  );
  if (adv.ladder.length > 2)
    lever('const:up2', 'rate: violations → strikes', adv.ladder[2]!.upPerDay, [], (x) =>
      same(ladderScaled([2], x)),
    );
  if (adv.ladder.length > 3 && f.nations.length > 0)
    lever('const:up3', 'rate: strikes → attack on force', adv.ladder[3]!.upPerDay, ['ceasefireFailed'], (x) =>
      same(ladderScaled([3], x)),
    );
  if (adv.ladder.length > 5 && f.nations.length > 0)
    lever(
      'const:up45',
      'rates past an attack (levels 4–5)',
      adv.ladder[4]!.upPerDay,
      ['ceasefireFailed', 'tripwireTested'],
      (x) => same(ladderScaled([4, 5], x)),
    );
  const g = s.guarantor?.backstop;
  const kind = backstopKind(s);
  if (g !== undefined && kind !== 'none') {
    const effect = g.kinds[kind];
    const withKind = (patch: Partial<typeof effect>): Scenario => ({
      ...s,
      guarantor: {
        ...s.guarantor!,
        backstop: { ...g, kinds: { ...g.kinds, [kind]: { ...effect, ...patch } } },
      },
    });
    lever('const:power', "guarantor's power", g.power, [], (x) =>
      same({ ...s, guarantor: { ...s.guarantor!, backstop: { ...g, power: g.power * x } } }),
    );
    lever(
      'const:kindWeight',
      'backstop kind weight',
      effect.weight,
      [],
      (x) => same(withKind({ weight: capShare(effect.weight * x) })),
      true,
    );
    lever('const:visibility', 'backstop visibility', effect.visibility, [], (x) =>
      same(withKind({ visibility: effect.visibility * x })),
    );
    lever('const:priorAlpha', "adversary's prior α₀", adv.priorResolve.alpha, [], (x) =>
      same({
        ...s,
        adversary: { ...adv, priorResolve: { ...adv.priorResolve, alpha: adv.priorResolve.alpha * x } },
      }),
    );
    if (f.nations.length > 0)
      lever(
        'const:escalates',
        'intervention escalates',
        1 - a.interventionDeters,
        ['ceasefireFailed', 'tripwireTested'],
        (x) =>
          same({
            ...s,
            assurance: { ...a, interventionDeters: 1 - capShare((1 - a.interventionDeters) * x) },
          }),
        true,
      );
  }
  if (f.nations.length > 0) {
    lever('const:audience', 'audience cost per 1,000', a.commitment.audienceCostPerThousand, [], (x) =>
      same({
        ...s,
        assurance: {
          ...a,
          commitment: {
            ...a.commitment,
            audienceCostPerThousand: a.commitment.audienceCostPerThousand * x,
          },
        },
      }),
    );
    lever('const:retaliation', 'coalition retaliation weight', a.weights.retaliation, [], (x) =>
      same({ ...s, assurance: { ...a, weights: { ...a.weights, retaliation: a.weights.retaliation * x } } }),
    );
    lever('const:forceSize', 'force size (multiplier)', 1, [], (x) => ({
      scenario: s,
      force: scaleForce(f, x),
    }));
  }
  return out;
}
