/**
 * Rotation under national rules: which tour and dwell apply to a nation's units of one type, and the
 * checks on `rotation.rules` and `rotation.pools`. Pure.
 *
 * A rule covers one service (army, air, navy) or one unit type, for one nation or for every nation; the
 * most specific rule that matches wins (nation + unit type, nation + service, unit type, service), and
 * without one the catalog's `tourMonths` / `dwellMonths` apply. Harmony guidelines are published per
 * nation and service (UK: Army 24 months between unit tours, RAF 16; FACTS.md "Rotation and sustainment"),
 * which is why the rule, not the unit type, carries them.
 */
import type { FieldPath, Issue } from '../shared/index.js';
import { issue } from '../shared/index.js';
import type { RotationPool, RotationRule, Scenario, Service, SourceRef, UnitType } from './schema.js';

/** The service a unit type belongs to: its `service`, else air → air, maritime → navy, anything else → army. */
export function serviceOf(u: Pick<UnitType, 'category' | 'service'>): Service {
  if (u.service !== undefined) return u.service;
  return u.category === 'air' ? 'air' : u.category === 'maritime' ? 'navy' : 'army';
}

/** Tour and dwell that apply to one nation's units of one type, and where they come from. */
export interface AppliedRotation {
  readonly tourMonths: number;
  readonly dwellMonths: number;
  /** Units held per unit deployed continuously: (tour + dwell) / tour. */
  readonly ratio: number;
  /** `catalog` (the unit type's own figures) or the index of the rule in `rotation.rules`. */
  readonly origin: 'catalog' | number;
  /** The source of the figures (the rule's, else the unit type's). */
  readonly source?: SourceRef;
}

/** How specific a rule is for (nation, unit type): 4 nation + unit type … 1 service, 0 when it does not match. */
function specificity(
  r: RotationRule,
  nation: string,
  u: Pick<UnitType, 'id' | 'category' | 'service'>,
): number {
  if (r.nation !== undefined && r.nation !== nation) return 0;
  // A rule naming both a service and a unit type is invalid (rotation.rule-scope) and matches nothing.
  if (r.unitType !== undefined && r.service !== undefined) return 0;
  const national = r.nation !== undefined ? 2 : 0;
  if (r.unitType !== undefined) return r.unitType === u.id ? 2 + national : 0;
  if (r.service !== undefined) return r.service === serviceOf(u) ? 1 + national : 0;
  return 0;
}

/**
 * The rotation rule for nation `nation`'s units of type `u` (see the module comment for precedence).
 * Ties between equally specific rules are validation errors; here the first one wins.
 */
export function rotationFor(s: Pick<Scenario, 'rotation'>, nation: string, u: UnitType): AppliedRotation {
  let found: { rule: RotationRule; index: number; score: number } | undefined;
  for (const [index, rule] of s.rotation.rules.entries()) {
    const score = specificity(rule, nation, u);
    if (score > 0 && (found === undefined || score > found.score)) found = { rule, index, score };
  }
  if (found === undefined)
    return {
      tourMonths: u.tourMonths,
      dwellMonths: u.dwellMonths,
      ratio: (u.tourMonths + u.dwellMonths) / u.tourMonths,
      origin: 'catalog',
      ...(u.source !== undefined ? { source: unitRotationSource(u.source) } : {}),
    };
  const { rule, index } = found;
  return {
    tourMonths: rule.tourMonths,
    dwellMonths: rule.dwellMonths,
    ratio: (rule.tourMonths + rule.dwellMonths) / rule.tourMonths,
    origin: index,
    ...(rule.source !== undefined ? { source: rule.source } : {}),
  };
}

/** The part of a unit type's source map that covers its tour and dwell. */
function unitRotationSource(src: SourceRef): SourceRef {
  if (typeof src === 'string') return src;
  const pick = (f: string): string | undefined => src[f] ?? src['*'];
  const tour = pick('tourMonths');
  const dwell = pick('dwellMonths');
  if (tour !== undefined && tour === dwell) return tour;
  const out: Record<string, string> = {};
  if (tour !== undefined) out['tourMonths'] = tour;
  if (dwell !== undefined) out['dwellMonths'] = dwell;
  return out;
}

/** The pool of trained crews of `unitType` that nation `nation` can rotate (`rotation.pools`), if given. */
export function crewPool(
  s: Pick<Scenario, 'rotation'>,
  nation: string,
  unitType: string,
): RotationPool | undefined {
  return s.rotation.pools.find(
    (p) => p.nation === nation && p.unitType === unitType && p.units !== undefined,
  );
}

/** The personnel pool of nation `nation` (`rotation.pools` entry without a unit type), if given. */
export function personnelPool(s: Pick<Scenario, 'rotation'>, nation: string): RotationPool | undefined {
  return s.rotation.pools.find(
    (p) => p.nation === nation && p.unitType === undefined && p.personnel !== undefined,
  );
}

/** Semantic checks of `rotation`: references resolve, each rule and pool says one thing, no two rules tie. */
export function rotationIssues(s: Scenario): Issue[] {
  const out: Issue[] = [];
  const emit = (code: string, path: FieldPath, message: string): void => {
    out.push(issue(code, path, message, 'error'));
  };
  const nations = new Set(s.nations.map((n) => n.id));
  const units = new Set(s.catalog.map((u) => u.id));
  const nationRef = (id: string | undefined, path: FieldPath): void => {
    if (id !== undefined && !nations.has(id))
      emit('ref.unknown-nation', path, `unknown nation "${id}"; defined: ${[...nations].join(', ')}`);
  };
  const unitRef = (id: string | undefined, path: FieldPath): void => {
    if (id !== undefined && !units.has(id))
      emit('ref.unknown-unit-type', path, `unknown unit type "${id}"; defined: ${[...units].join(', ')}`);
  };
  const seen = new Map<string, number>();
  s.rotation.rules.forEach((r, i) => {
    const path: FieldPath = ['rotation', 'rules', i];
    nationRef(r.nation, [...path, 'nation']);
    unitRef(r.unitType, [...path, 'unitType']);
    if ((r.service === undefined) === (r.unitType === undefined)) {
      emit(
        'rotation.rule-scope',
        path,
        'give either service (army, air, navy) or unitType, not both or neither',
      );
      return;
    }
    const key = `${r.nation ?? '*'}|${r.service ?? ''}|${r.unitType ?? ''}`;
    const first = seen.get(key);
    if (first !== undefined)
      emit(
        'rotation.rule-duplicate',
        path,
        `rotation.rules[${first}] already sets tour and dwell for ${r.nation ?? 'every nation'}, ${r.unitType ?? r.service}`,
      );
    else seen.set(key, i);
  });
  s.rotation.pools.forEach((p, i) => {
    const path: FieldPath = ['rotation', 'pools', i];
    nationRef(p.nation, [...path, 'nation']);
    unitRef(p.unitType, [...path, 'unitType']);
    const crews = p.unitType !== undefined && p.units !== undefined && p.personnel === undefined;
    const people = p.unitType === undefined && p.units === undefined && p.personnel !== undefined;
    if (!crews && !people)
      emit(
        'rotation.pool-scope',
        path,
        'a pool is either unitType with units (trained crews of that type) or personnel alone (the whole nation)',
      );
  });
  return out;
}
