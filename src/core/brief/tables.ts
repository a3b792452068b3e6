/**
 * The briefing's tables: every figure the findings quote, in full, with its unit in the header.
 */
import { OUTCOME_TERMS } from '../assure/index.js';
import type { BriefContext } from './context.js';
import { gapRuns } from './facts.js';
import { pct, periodSpan, roughly } from './format.js';
import type { MapPoint } from './map-model.js';
import type { Table } from './types.js';

export function optionsTable(ctx: BriefContext): Table | undefined {
  const p = ctx.input.plan;
  const fo = p.forceOptions;
  if (!p.solved || fo.comparisons.length === 0) return undefined;
  const ids = [...new Set(fo.comparisons.flatMap((c) => c.components.map((k) => k.component)))];
  const cell = (x: number | null): string => (x === null ? '—' : pct(x));
  const share = (r: { ofLow: number; ofHigh: number } | null): string =>
    r === null ? '—' : r.ofLow === r.ofHigh ? pct(r.ofLow) : `${pct(r.ofHigh)}–${pct(r.ofLow)}`;
  return {
    id: 'options',
    caption: `The pledged force at its peak (P${fo.period}) against each force option: share of its personnel, and by component personnel / capability (mean over the component's capabilities of min(1, force ÷ option)).`,
    header: ['option', 'personnel', ...ids],
    rows: fo.comparisons.map((c) => [
      c.name,
      share(c.personnelShare),
      ...ids.map((id) => {
        const k = c.components.find((x) => x.component === id);
        return k === undefined ? '' : `${share(k.personnelShare)} / ${cell(k.capabilityShare)}`;
      }),
    ]),
    numeric: [1, ...ids.map((_, i) => i + 2)],
  };
}

export function locationsTable(ctx: BriefContext, points: readonly MapPoint[]): Table {
  const s = ctx.input.scenario;
  return {
    id: 'locations',
    caption:
      'Locations on the map. Personnel are the mission’s peak-period contingent divided evenly over its locations (the plan sources missions, not sites).',
    header: ['#', 'location', 'country', 'mission', 'contributors (personnel)'],
    rows: [...points]
      .sort((x, y) => x.place - y.place)
      .map((pt) => [
        pt.place,
        pt.name,
        s.missions.find((m) => m.id === pt.mission)?.locations.find((l) => l.id === pt.id)?.country ?? '',
        pt.missionName,
        pt.nations.length === 0 ? '—' : pt.nations.map((n) => `${n.id} ${roughly(n.personnel)}`).join(', '),
      ]),
    numeric: [0],
  };
}

export function gapsTable(ctx: BriefContext): Table {
  const { missionName, capName } = ctx;
  return {
    id: 'gaps',
    caption: 'Capability gaps of the pledged force, with the binding cause.',
    header: ['mission', 'capability', 'periods', 'short', 'of', 'why'],
    rows: gapRuns(ctx.input.plan).map((g) => [
      missionName(g.mission),
      capName(g.capability),
      periodSpan(g.from, g.to),
      Number(g.short.toFixed(2)),
      Number(g.required.toFixed(2)),
      g.text,
    ]),
    numeric: [3, 4],
  };
}

export function fairnessTable(ctx: BriefContext): Table {
  const { name } = ctx;
  const p = ctx.input.plan;
  const fair = p.fairShare;
  const costBy = new Map(p.cost.map((c) => [c.nation, c.totalUsd]));
  const persBy = new Map(p.personnelByNation.map((c) => [c.nation, c]));
  return {
    id: 'fairness-table',
    caption: `Burden by nation: personnel, cost and share against fair share (${fair.basis === 'gdp' ? 'GDP' : 'defence budget'}). Fairness index ${fair.index === null ? 'n/a' : fair.index.toFixed(3)}.`,
    header: [
      'nation',
      'peak deployed',
      'tied up by rotation',
      'troop-tours',
      'distinct people',
      'cost (US$ m)',
      'burden share',
      'fair share',
    ],
    rows: fair.rows
      .filter((r) => r.burdenShare > 0)
      .sort((x, y) => y.burdenShare - x.burdenShare)
      .map((r) => [
        `${name(r.nation)} (${r.nation})`,
        Math.round(persBy.get(r.nation)?.peakDeployed ?? 0),
        Math.round(persBy.get(r.nation)?.peakTiedUp ?? 0),
        Math.round(persBy.get(r.nation)?.troopTours ?? 0),
        Math.round(persBy.get(r.nation)?.distinctOverHorizon ?? 0),
        Math.round((costBy.get(r.nation) ?? 0) / 1e6),
        pct(r.burdenShare, 1),
        pct(r.fairShare, 1),
      ]),
    numeric: [1, 2, 3, 4, 5, 6, 7],
  };
}

export function resilienceTable(ctx: BriefContext): Table | undefined {
  const { name, input } = ctx;
  const s = input.scenario;
  if (input.resilience === undefined) return undefined;
  return {
    id: 'resilience-table',
    caption:
      'Resilience ranking (N−1): the plan re-solved without each nation and without conditional pledges.',
    header: [
      'loss',
      'personnel lost (peak)',
      'shortfall added',
      ...s.missions.map((m) => `${m.name} coverage`),
    ],
    rows: input.resilience.cases.map((c) => [
      c.kind === 'nation' ? `${name(c.id)} (${c.id})` : c.label,
      Math.round(c.baselinePeakPersonnel),
      Number(c.addedShortfall.toFixed(3)),
      ...s.missions.map((m) => pct(c.missionCoverage[m.id] ?? 1)),
    ]),
    numeric: [1, 2],
  };
}

export function assuranceTable(ctx: BriefContext): Table | undefined {
  const a = ctx.input.assurance;
  if (a === undefined || a.cases.length === 0) return undefined;
  return {
    id: 'assurance-table',
    caption: `Assurance by case: ${a.runs.toLocaleString('en-GB')} runs each, seed ${a.seed}, horizon ${a.horizonDays} days; probabilities with 95% Wilson intervals.`,
    header: [
      'case',
      OUTCOME_TERMS.held.name,
      'tripwire tested',
      OUTCOME_TERMS.widerWar.name,
      'coalition collapse',
      'any withdrawal',
      'fatalities p50 / p90',
      'median survival (days)',
    ],
    rows: a.cases.map((c) => [
      c.label,
      `${pct(1 - c.ceasefireFailed.p, 1)} (${pct(1 - c.ceasefireFailed.hi, 1)}–${pct(1 - c.ceasefireFailed.lo, 1)})`,
      `${pct(c.tripwireTested.p, 1)} (${pct(c.tripwireTested.lo, 1)}–${pct(c.tripwireTested.hi, 1)})`,
      `${pct(c.widerWar.p, 1)} (${pct(c.widerWar.lo, 1)}–${pct(c.widerWar.hi, 1)})`,
      `${pct(c.outcomes.coalitionCollapse.p, 1)}`,
      `${pct(c.withdrawals.anyWithdrawal.p, 1)}`,
      `${c.fatalities.p50 ?? '—'} / ${c.fatalities.p90 ?? '—'}`,
      c.survival.ceasefire.medianDay === null ? `> ${a.horizonDays}` : String(c.survival.ceasefire.medianDay),
    ]),
    numeric: [],
  };
}

export function pledgesTable(ctx: BriefContext): Table {
  const { name, missionName, unitName } = ctx;
  const s = ctx.input.scenario;
  const sourceText = (ref: string | Record<string, string>): string => {
    const ids = typeof ref === 'string' ? [ref] : [...new Set(Object.values(ref))];
    return ids.map((id) => s.meta.sources[id]?.citation ?? id).join('; ');
  };
  return {
    id: 'pledges',
    caption: 'Pledges, with their status and source.',
    header: ['nation', 'unit type', 'units', 'missions', 'periods', 'status', 'conditions', 'source'],
    rows: s.pledges.map((pl) => [
      name(pl.nation),
      unitName(pl.unitType),
      pl.units,
      (pl.missions ?? ['any']).map((m) => missionName(m)).join(', '),
      `P${pl.fromPeriod}–P${pl.toPeriod ?? s.horizon.periods}`,
      pl.status,
      pl.conditions.join(', ') || '—',
      sourceText(pl.source),
    ]),
    numeric: [2],
  };
}

export function statusTable(ctx: BriefContext): Table | undefined {
  const { input } = ctx;
  if (input.byStatus === undefined) return undefined;
  return {
    id: 'status-table',
    caption:
      'The force by pledge status: the plan counting only pledges at or above each rung of the ladder (assumed < announced < offered < confirmed < deployed).',
    header: [
      'at or above',
      'pledges at rung',
      'pledges standing',
      'pledged (peak)',
      'in place (peak)',
      'requirement-periods met',
    ],
    rows: input.byStatus.map((r) => [
      r.status,
      r.pledgesAt,
      r.pledges,
      Math.round(r.pledgedPersonnel),
      Math.round(r.inPlacePersonnel),
      `${r.requirementPeriodsMet} of ${r.requirementPeriods}`,
    ]),
    numeric: [1, 2, 3, 4],
  };
}

export function sourcingTable(ctx: BriefContext): Table {
  const { name, missionName, unitName } = ctx;
  const p = ctx.input.plan;
  const sourcingAgg = new Map<
    string,
    { nation: string; unit: string; mission: string; units: number[]; personnel: number }
  >();
  for (const r of p.sourcing) {
    const key = `${r.nation}|${r.unitType}|${r.mission}`;
    const e = sourcingAgg.get(key) ?? {
      nation: r.nation,
      unit: r.unitType,
      mission: r.mission,
      units: new Array<number>(p.periods.length).fill(0),
      personnel: 0,
    };
    e.units[r.period - 1] = r.units;
    e.personnel = Math.max(e.personnel, r.personnel);
    sourcingAgg.set(key, e);
  }
  return {
    id: 'sourcing',
    caption:
      'Sourcing: units each nation keeps deployed on each mission, by period (fractional values are averages over the period in the continuous plan).',
    header: ['nation', 'unit type', 'mission', ...p.periods.map((x) => `P${x.index}`), 'peak personnel'],
    rows: [...sourcingAgg.values()]
      .sort((x, y) => y.personnel - x.personnel)
      .map((e) => [
        name(e.nation),
        unitName(e.unit),
        missionName(e.mission),
        ...e.units.map((u) => Number(u.toFixed(2))),
        Math.round(e.personnel),
      ]),
    numeric: [...p.periods.map((_, i) => 3 + i), 3 + p.periods.length],
  };
}
