/**
 * The force a plan sources, as the `ForceLayout` the assurance engine simulates: the planner's sourcing
 * rows (units of a type that a nation keeps deployed on a mission in a period), exposed when the mission
 * deploys inside the host. Structural input, so core/assure does not depend on core/plan.
 */
import type { Scenario } from '../scenario/index.js';
import { layoutOf, type ForceLayout } from './force-layout.js';

export interface SourcedUnits {
  readonly nation: string;
  readonly unitType: string;
  readonly mission: string;
  /** 1-based planning period. */
  readonly period: number;
  readonly units: number;
}

export function forceFromSourcing(s: Scenario, rows: readonly SourcedUnits[]): ForceLayout {
  const inHost = new Map(s.missions.map((m) => [m.id, m.inHost]));
  return layoutOf(
    s,
    rows.filter((r) => inHost.has(r.mission)).map((r) => ({ ...r, exposed: inHost.get(r.mission) === true })),
  );
}
