/**
 * The scenario's deployment-flow block (`deployment`): which route carries a nation's unit type, and the
 * rules its references must satisfy. The flow itself is scheduled by the planner (core/plan,
 * `scheduleDeployment`). Pure.
 */
import type { FieldPath, Issue, Severity } from '../shared/index.js';
import { issue } from '../shared/index.js';
import type { LiftFootprint, LiftRoute, Scenario } from './schema.js';

/** The footprint of a unit type, when the scenario gives one. */
export function footprintOf(s: Scenario, unitType: string): LiftFootprint | undefined {
  return s.deployment?.footprints.find((f) => f.unitType === unitType);
}

/**
 * The route that carries nation `nation`'s units of `unitType`: the first route listing (or not restricting)
 * both, for a unit type with a footprint; undefined when none does (the unit keeps its catalog lead time).
 */
export function routeFor(s: Scenario, nation: string, unitType: string): LiftRoute | undefined {
  if (footprintOf(s, unitType) === undefined) return undefined;
  return s.deployment?.routes.find(
    (r) =>
      (r.nations === undefined || r.nations.includes(nation)) &&
      (r.unitTypes === undefined || r.unitTypes.includes(unitType)),
  );
}

/** References and uniqueness in `deployment` (codes in docs/scenario-reference.md). */
export function deploymentIssues(s: Scenario): Issue[] {
  const d = s.deployment;
  if (d === undefined) return [];
  const out: Issue[] = [];
  const emit = (code: string, path: FieldPath, message: string, severity: Severity = 'error'): void => {
    out.push(issue(code, path, message, severity));
  };
  const base: FieldPath = ['deployment'];
  const unique = (ids: readonly string[], at: FieldPath, field: string, what: string): void => {
    const first = new Map<string, number>();
    ids.forEach((id, i) => {
      const j = first.get(id);
      if (j !== undefined)
        emit('id.duplicate', [...at, i, field], `${what} "${id}" is already used at ${at.join('.')}[${j}]`);
      else first.set(id, i);
    });
  };
  unique(
    d.nodes.map((n) => n.id),
    [...base, 'nodes'],
    'id',
    'lift node id',
  );
  unique(
    d.routes.map((r) => r.id),
    [...base, 'routes'],
    'id',
    'route id',
  );
  unique(
    d.footprints.map((f) => f.unitType),
    [...base, 'footprints'],
    'unitType',
    'footprint of unit type',
  );
  const nodes = new Set(d.nodes.map((n) => n.id));
  const units = new Set(s.catalog.map((u) => u.id));
  const nations = new Set(s.nations.map((n) => n.id));
  const withFootprint = new Set(d.footprints.map((f) => f.unitType));
  d.footprints.forEach((f, i) => {
    if (!units.has(f.unitType))
      emit(
        'ref.unknown-unit-type',
        [...base, 'footprints', i, 'unitType'],
        `unknown unit type "${f.unitType}"; defined: ${[...units].join(', ')}`,
      );
  });
  d.routes.forEach((r, i) => {
    const at: FieldPath = [...base, 'routes', i];
    r.legs.forEach((l, j) => {
      if (!nodes.has(l.node))
        emit(
          'ref.unknown-node',
          [...at, 'legs', j, 'node'],
          `unknown lift node "${l.node}"; defined in deployment.nodes: ${[...nodes].join(', ') || '(none)'}`,
        );
    });
    r.nations?.forEach((n, j) => {
      if (!nations.has(n)) emit('ref.unknown-nation', [...at, 'nations', j], `unknown nation "${n}"`);
    });
    r.unitTypes?.forEach((u, j) => {
      if (!units.has(u)) emit('ref.unknown-unit-type', [...at, 'unitTypes', j], `unknown unit type "${u}"`);
      else if (!withFootprint.has(u))
        emit(
          'deployment.no-footprint',
          [...at, 'unitTypes', j],
          `unit type "${u}" has no footprint in deployment.footprints, so the route cannot carry it`,
        );
    });
  });
  return out;
}
