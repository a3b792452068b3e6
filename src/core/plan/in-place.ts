/**
 * A plan seen as what it has in place (`InPlace`, core/scenario): the capability its units deliver per
 * mission and period, and its personnel in theatre per period. `show`, the workspace's coverage view and its
 * CSV compare requirements with this, so they agree with the plan cell by cell. Pure.
 */
import type { InPlace } from '../scenario/index.js';
import type { ForcePlan } from './force-plan.js';

export function inPlaceOf(p: ForcePlan): InPlace {
  const provided = new Map<string, number>();
  for (const c of p.coverage) provided.set(`${c.mission}|${c.capability}|${c.period}`, c.provided);
  const personnel = new Map<number, number>();
  for (const r of p.personnel) personnel.set(r.period, (personnel.get(r.period) ?? 0) + r.deployed);
  return {
    provided: (mission, capability, period) => provided.get(`${mission}|${capability}|${period}`) ?? 0,
    personnel: (period) => personnel.get(period) ?? 0,
    label: p.solved
      ? `the ${p.mode} plan (${p.integer ? 'whole units' : 'LP'}, ${p.status})`
      : `no plan (${p.status}): nothing counted as in place`,
  };
}
