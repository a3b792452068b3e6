/**
 * Rotation arithmetic of a plan (docs/planner.md, "Rotation and sustainment"): per nation and unit type,
 * under the nation's own tour and dwell (`rotationFor`), how many personnel the deployment ties up, how
 * many troop-tours it takes over the horizon, how many distinct people serve, and for how many years the
 * nation can keep it up before its rotational pool is exhausted. Pure; units are fluid (fractions allowed),
 * like the plan's.
 */
import {
  crewPool,
  personnelPool,
  rotationFor,
  type Nation,
  type Scenario,
  type SourceRef,
} from '../scenario/index.js';

/**
 * Tours served over the horizon by the posts of a deployment series: Σ_t D[t] · periodMonths / tour.
 * `series[t]` is the average number of units in theatre in period t (months each).
 */
export function tourCount(series: readonly number[], periodMonths: number, tourMonths: number): number {
  let unitMonths = 0;
  for (const d of series) unitMonths += d * periodMonths;
  return unitMonths / tourMonths;
}

/**
 * Distinct units that serve a tour over the horizon: every tour needs a unit, and a unit can serve again only
 * after its tour and dwell, so the count is the tours while the horizon is shorter than one cycle, and at most
 * the rotation pool (ratio × peak) once units come back: max(peak, min(tours, ratio · peak)). With 6-month
 * tours over 24 months one post takes 4 tours; 12 months' dwell (ratio 3) lets the first unit return for
 * the fourth, so 3 distinct units; 24 months' dwell (ratio 5) lets none return, so 4.
 */
export function distinctUnitCount(peak: number, tours: number, ratio: number): number {
  if (peak <= 0) return 0;
  return Math.max(peak, Math.min(tours, ratio * peak));
}

/**
 * Months a pool of `pool` units can keep `deployed` units in theatre without sending a unit back before its
 * dwell is over: each unit of the pool serves one tour before it must rest, so the pool lasts
 * pool · tour / deployed months; when that reaches tour + dwell the first units are back in time and the
 * deployment can go on indefinitely (Infinity). Equivalently: indefinitely iff pool ≥ ratio · deployed.
 */
export function sustainMonths(
  pool: number,
  deployed: number,
  tourMonths: number,
  dwellMonths: number,
): number {
  if (deployed <= 0) return Infinity;
  const months = (pool * tourMonths) / deployed;
  // Relative tolerance: a pool of exactly ratio × deployed is sustainable, whatever the rounding.
  return months >= (tourMonths + dwellMonths) * (1 - 1e-9) ? Infinity : months;
}

/** One nation's deployment of one unit type under its rotation rule. */
export interface RotationRow {
  readonly nation: string;
  readonly unitType: string;
  readonly tourMonths: number;
  readonly dwellMonths: number;
  /** (tour + dwell) / tour. */
  readonly ratio: number;
  /** Index into `rotation.rules`, or `catalog` when the unit type's own figures apply. */
  readonly rule: 'catalog' | number;
  readonly source?: SourceRef;
  /** Most units in theatre in any period. */
  readonly peakUnits: number;
  /** Units held to sustain the peak: ratio × peak. */
  readonly neededUnits: number;
  /** Unit-tours over the horizon (tourCount). */
  readonly tours: number;
  /** Distinct units that serve a tour over the horizon (distinctUnitCount). */
  readonly distinctUnits: number;
  readonly personnelPerUnit: number;
  /**
   * Units the nation can rotate: its trained crews (`rotation.pools`) or, by default, every unit of the type
   * it holds; null for a unit type it does not hold yet (a `new` pledge: the nation raises what it needs).
   */
  readonly poolUnits: number | null;
  readonly poolFrom: 'crews' | 'inventory' | 'none';
  /** Years the pool sustains the peak (sustainMonths / 12); null: indefinitely, or no pool to judge by. */
  readonly years: number | null;
}

/** A nation's rotation totals and the first limit its pool reaches. */
export interface NationSustainment {
  readonly nation: string;
  /** Person-tours over the horizon: Σ_u tours · personnel per unit. */
  readonly troopTours: number;
  /** Personnel held in the rotation at the peak of each unit type: Σ_u ratio · peak · personnel. */
  readonly personnelNeeded: number;
  /** Personnel pool (`rotation.pools`), when given. */
  readonly personnelPool: number | null;
  /** Years before the first pool is exhausted (min over unit types and the personnel pool); null: indefinitely. */
  readonly years: number | null;
  /** What runs out first (a unit type id, or `personnel`); null when nothing does. */
  readonly limitedBy: string | null;
}

export interface RotationReport {
  readonly rows: readonly RotationRow[];
  readonly nations: readonly NationSustainment[];
}

/**
 * The rotation report for deployed units by nation and unit type: `series.get(nation|unitType)` is the
 * per-period average of units in theatre (index 0 = period 1).
 */
export function rotationReport(
  s: Scenario,
  nations: readonly string[],
  series: ReadonlyMap<string, readonly number[]>,
): RotationReport {
  const nationById = new Map<string, Nation>(s.nations.map((n) => [n.id, n]));
  const rows: RotationRow[] = [];
  const out: NationSustainment[] = [];
  for (const nation of nations) {
    const n = nationById.get(nation);
    let troopTours = 0;
    let personnelNeeded = 0;
    // Fresh personnel the deployment consumes per month at its peak: Σ_u peak · personnel / tour.
    let personnelPerMonth = 0;
    let years: number | null = null;
    let limitedBy: string | null = null;
    const limit = (y: number, what: string): void => {
      if (years === null || y < years) {
        years = y;
        limitedBy = what;
      }
    };
    for (const u of s.catalog) {
      const d = series.get(`${nation}|${u.id}`);
      if (d === undefined) continue;
      const peak = Math.max(0, ...d);
      if (peak <= 0) continue;
      const rot = rotationFor(s, nation, u);
      const tours = tourCount(d, s.horizon.periodMonths, rot.tourMonths);
      const crews = crewPool(s, nation, u.id)?.units;
      const held = n?.inventory[u.id] ?? 0;
      const poolUnits = crews ?? (held > 0 ? held : null);
      const months =
        poolUnits === null ? Infinity : sustainMonths(poolUnits, peak, rot.tourMonths, rot.dwellMonths);
      if (Number.isFinite(months)) limit(months / 12, u.id);
      troopTours += tours * u.personnel;
      personnelNeeded += rot.ratio * peak * u.personnel;
      personnelPerMonth += (peak * u.personnel) / rot.tourMonths;
      rows.push({
        nation,
        unitType: u.id,
        tourMonths: rot.tourMonths,
        dwellMonths: rot.dwellMonths,
        ratio: rot.ratio,
        rule: rot.origin,
        ...(rot.source !== undefined ? { source: rot.source } : {}),
        peakUnits: peak,
        neededUnits: rot.ratio * peak,
        tours,
        distinctUnits: distinctUnitCount(peak, tours, rot.ratio),
        personnelPerUnit: u.personnel,
        poolUnits,
        poolFrom: crews !== undefined ? 'crews' : poolUnits === null ? 'none' : 'inventory',
        years: Number.isFinite(months) ? months / 12 : null,
      });
    }
    const pool = personnelPool(s, nation)?.personnel ?? null;
    // The same arithmetic over people: the pool serves one tour each before it must rest.
    if (pool !== null && personnelPerMonth > 0 && pool < personnelNeeded * (1 - 1e-9))
      limit(pool / personnelPerMonth / 12, 'personnel');
    out.push({ nation, troopTours, personnelNeeded, personnelPool: pool, years, limitedBy });
  }
  return { rows, nations: out };
}
