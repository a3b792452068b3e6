/**
 * The force a plan sources, as the `ForceLayout` the assurance engine simulates: the planner's sourcing
 * rows (units of a type that a nation keeps deployed on a mission in a period) summed per nation and
 * period. Exposure follows the mission's `inHost`; trainees come from the host block's trainee capability.
 * Structural input, so core/assure does not depend on core/plan.
 */
import type { Scenario } from '../scenario/index.js';
import { coalitionNations } from '../scenario/index.js';
import { periodDays, type ForceLayout, type ForceNation } from './force-layout.js';

export interface SourcedUnits {
  readonly nation: string;
  readonly unitType: string;
  readonly mission: string;
  /** 1-based planning period. */
  readonly period: number;
  readonly units: number;
}

export function forceFromSourcing(s: Scenario, rows: readonly SourcedUnits[]): ForceLayout {
  const T = s.horizon.periods;
  const trainee = s.assurance.host?.traineeCapability;
  const nations: ForceNation[] = [];
  for (const n of coalitionNations(s)) {
    const own = rows.filter((r) => r.nation === n.id && r.units > 0);
    if (own.length === 0) continue;
    const personnel = new Array<number>(T).fill(0);
    const exposed = new Array<number>(T).fill(0);
    const combat = new Array<number>(T).fill(0);
    const trainees = new Array<number>(T).fill(0);
    for (const r of own) {
      const u = s.catalog.find((x) => x.id === r.unitType);
      const m = s.missions.find((x) => x.id === r.mission);
      if (u === undefined || m === undefined || r.period < 1 || r.period > T) continue;
      const t = r.period - 1;
      personnel[t]! += u.personnel * r.units;
      if (m.inHost) exposed[t]! += u.personnel * r.units;
      combat[t]! += u.combatPower * r.units;
      if (trainee !== undefined) trainees[t]! += (u.capabilities[trainee] ?? 0) * r.units;
    }
    nations.push({
      id: n.id,
      personnel,
      exposedPersonnel: exposed,
      combatPower: combat,
      traineesPerYear: trainees,
      casualtyTolerance: n.casualtyTolerance,
    });
  }
  return { periods: T, periodDays: periodDays(s.horizon.periodMonths), nations };
}
