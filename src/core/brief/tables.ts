/**
 * The briefing's tables: every figure the findings quote, in full, written by the same formatter so a
 * finding's number is the table's, with units in the headers and periods as dates. Every header and
 * caption comes from the catalogue.
 */
import type { BriefContext } from './context.js';
import { gapRuns } from './facts.js';
import { caseLabel, causesText, heldOf, lossName, shareText, termName } from './findings.js';
import type { MapContent, MapPoint } from './map-content.js';
import type { Table } from './types.js';

export function optionsTable(ctx: BriefContext): Table | undefined {
  const { t, fmt } = ctx;
  const p = ctx.input.plan;
  const fo = p.forceOptions;
  if (!p.solved || fo.comparisons.length === 0) return undefined;
  const ids = [...new Set(fo.comparisons.flatMap((c) => c.components.map((k) => k.component)))];
  const names = new Map(
    fo.comparisons.flatMap((c) => c.components.map((k) => [k.component, k.name] as const)),
  );
  const dash = '—';
  return {
    id: 'options',
    caption: t('table.options.caption', { when: ctx.periods(fo.period) }),
    header: [t('table.option'), t('table.personnelShare'), ...ids.map((id) => names.get(id) ?? id)],
    rows: fo.comparisons.map((c) => [
      c.name,
      c.personnelShare === null ? dash : shareText(ctx, c.personnelShare),
      ...ids.map((id) => {
        const k = c.components.find((x) => x.component === id);
        if (k === undefined) return '';
        return `${k.personnelShare === null ? dash : shareText(ctx, k.personnelShare)} / ${k.capabilityShare === null ? dash : fmt.share(k.capabilityShare)}`;
      }),
    ]),
    numeric: [1, ...ids.map((_, i) => i + 2)],
  };
}

/** Each mission with what the plan deploys to it at the peak, over all its locations (no per-site split). */
export function missionAreasTable(ctx: BriefContext, map: MapContent): Table {
  const { t, fmt } = ctx;
  return {
    id: 'mission-areas',
    caption: t('table.missionAreas.caption'),
    header: [t('table.mission'), t('table.personnelPeak'), t('table.contributors'), t('table.locationCount')],
    rows: map.missions.map((m) => [
      m.name,
      fmt.personnel(m.personnel),
      m.nations.length === 0
        ? t('table.noneInPlan')
        : m.nations.map((n) => `${ctx.name(n.id)} ${fmt.personnel(n.personnel)}`).join(', '),
      fmt.count(m.locations),
    ]),
    numeric: [1, 3],
  };
}

/** Each numbered place of the map with its locations, country and the missions it serves. */
export function locationsTable(ctx: BriefContext, map: MapContent): Table {
  const { t, fmt } = ctx;
  const places = new Map<number, MapPoint[]>();
  for (const p of map.points) places.set(p.place, [...(places.get(p.place) ?? []), p]);
  const s = ctx.input.scenario;
  const countryOf = (p: MapPoint): string => {
    const iso = s.missions.find((m) => m.id === p.mission)?.locations.find((l) => l.id === p.id)?.country;
    return iso === undefined ? '' : ctx.name(iso);
  };
  return {
    id: 'locations',
    caption: t('table.locations.caption'),
    header: [t('table.place'), t('table.location'), t('table.country'), t('table.missions')],
    rows: [...places]
      .sort((x, y) => x[0] - y[0])
      .map(([n, ps]) => [
        fmt.count(n),
        [...new Set(ps.map((p) => p.name))].join('; '),
        [...new Set(ps.map(countryOf))].join(', '),
        [...new Set(ps.map((p) => p.missionName))].join(', '),
      ]),
    numeric: [0],
  };
}

export function gapsTable(ctx: BriefContext): Table {
  const { t, fmt } = ctx;
  const p = ctx.input.plan;
  return {
    id: 'gaps',
    caption: t('table.gaps.caption'),
    header: [
      t('table.mission'),
      t('table.capability'),
      t('table.when'),
      t('table.short'),
      t('table.required'),
      t('table.unit'),
      t('table.why'),
    ],
    rows: gapRuns(p).map((g) => {
      const row = p.shortfall.find(
        (r) => r.mission === g.mission && r.capability === g.capability && r.period === g.from,
      );
      return [
        ctx.missionName(g.mission),
        ctx.capName(g.capability),
        ctx.periods(g.from, g.to),
        fmt.amount(g.short),
        fmt.amount(g.required),
        ctx.unitOf(g.capability, g.required),
        row === undefined ? g.text : causesText(ctx, row),
      ];
    }),
    numeric: [3, 4],
  };
}

export function fairnessTable(ctx: BriefContext): Table {
  const { t, fmt } = ctx;
  const p = ctx.input.plan;
  const fair = p.fairShare;
  const costBy = new Map(p.cost.map((c) => [c.nation, c.totalUsd]));
  const persBy = new Map(p.personnelByNation.map((c) => [c.nation, c]));
  const basis = t(fair.basis === 'gdp' ? 'fair.basis.gdp' : 'fair.basis.budget');
  const what = t(fair.burden === 'cost' ? 'fair.burden.cost' : 'fair.burden.personnel');
  return {
    id: 'fairness-table',
    caption: t('table.fairness.caption', {
      basis,
      index: fair.index === null ? t('na') : fmt.index(fair.index),
    }),
    header: [
      t('table.nation'),
      t('table.peakDeployed'),
      t('table.tiedUp'),
      t('table.troopTours'),
      t('table.distinct'),
      t('table.cost'),
      t('axis.burdenShare', { what }),
      t('axis.fairShare', { basis }),
    ],
    rows: fair.rows
      .filter((r) => r.burdenShare > 0)
      .sort((x, y) => y.burdenShare - x.burdenShare)
      .map((r) => [
        ctx.name(r.nation),
        fmt.personnel(persBy.get(r.nation)?.peakDeployed ?? 0),
        fmt.personnel(persBy.get(r.nation)?.peakTiedUp ?? 0),
        fmt.personnel(persBy.get(r.nation)?.troopTours ?? 0),
        fmt.personnel(persBy.get(r.nation)?.distinctOverHorizon ?? 0),
        fmt.money(costBy.get(r.nation) ?? 0),
        fmt.share(r.burdenShare),
        fmt.share(r.fairShare),
      ]),
    numeric: [1, 2, 3, 4, 5, 6, 7],
  };
}

export function resilienceTable(ctx: BriefContext): Table | undefined {
  const { t, fmt, input } = ctx;
  const s = input.scenario;
  const r = input.resilience;
  if (r === undefined) return undefined;
  return {
    id: 'resilience-table',
    caption: t('table.resilience.caption'),
    header: [
      t('table.loss'),
      t('table.personnelLost'),
      t('axis.shortfallAdded'),
      ...s.missions.map((m) => t('table.coverageOf', { mission: m.name })),
    ],
    rows: r.cases.map((c) => [
      lossName(ctx, c),
      fmt.personnel(c.baselinePeakPersonnel),
      fmt.decimal(c.addedShortfall),
      ...s.missions.map((m) => fmt.share(c.missionCoverage[m.id] ?? 1)),
    ]),
    numeric: [1, 2, ...s.missions.map((_, i) => 3 + i)],
  };
}

export function assuranceTable(ctx: BriefContext): Table | undefined {
  const { t, fmt } = ctx;
  const a = ctx.input.assurance;
  if (a === undefined || a.cases.length === 0) return undefined;
  return {
    id: 'assurance-table',
    caption: t('table.assurance.caption', {
      runs: fmt.count(a.runs),
      seed: String(a.seed),
      days: fmt.count(a.horizonDays),
    }),
    header: [
      t('axis.case'),
      termName(ctx, 'held'),
      termName(ctx, 'tripwireTested'),
      termName(ctx, 'widerWar'),
      termName(ctx, 'coalitionCollapse'),
      t('table.anyWithdrawal'),
      t('table.fatalities'),
      t('table.medianSurvival'),
    ],
    rows: a.cases.map((c) => [
      caseLabel(ctx, c),
      fmt.probRange(heldOf(c)),
      fmt.probRange(c.tripwireTested),
      fmt.probRange(c.widerWar),
      fmt.probRange(c.outcomes.coalitionCollapse),
      fmt.probRange(c.withdrawals.anyWithdrawal),
      `${c.fatalities.p50 === null ? '—' : fmt.count(c.fatalities.p50)} / ${c.fatalities.p90 === null ? '—' : fmt.count(c.fatalities.p90)}`,
      c.survival.ceasefire.medianDay === null
        ? t('table.beyond', { days: fmt.count(a.horizonDays) })
        : fmt.count(c.survival.ceasefire.medianDay),
    ]),
    numeric: [1, 2, 3, 4, 5, 6, 7],
  };
}

export function pledgesTable(ctx: BriefContext): Table {
  const { t, fmt } = ctx;
  const s = ctx.input.scenario;
  const sourceText = (ref: string | Record<string, string>): string => {
    const ids = typeof ref === 'string' ? [ref] : [...new Set(Object.values(ref))];
    // Source ids, each cited in full once in the appendix (a citation per row made this table 17 pages).
    return ids.join(', ');
  };
  return {
    id: 'pledges',
    caption: t('table.pledges.caption'),
    header: [
      t('table.nation'),
      t('table.unitType'),
      t('table.units'),
      t('table.missions'),
      t('table.when'),
      t('table.status'),
      t('table.conditions'),
      t('table.source'),
    ],
    rows: s.pledges.map((pl) => [
      ctx.name(pl.nation),
      ctx.unitName(pl.unitType),
      fmt.amount(pl.units),
      pl.missions === undefined
        ? t('table.anyMission')
        : pl.missions.map((m) => ctx.missionName(m)).join(', '),
      ctx.periods(pl.fromPeriod, pl.toPeriod ?? s.horizon.periods),
      t(`status.${pl.status}`),
      pl.conditions.join(', ') || '—',
      sourceText(pl.source),
    ]),
    numeric: [2],
  };
}

export function statusTable(ctx: BriefContext): Table | undefined {
  const { t, fmt, input } = ctx;
  if (input.byStatus === undefined) return undefined;
  return {
    id: 'status-table',
    caption: t('table.status.caption'),
    header: [
      t('table.atOrAbove'),
      t('table.pledgesAt'),
      t('table.pledgesStanding'),
      t('table.pledgedPeak'),
      t('table.inPlacePeak'),
      t('table.requirementPeriodsMet'),
    ],
    rows: input.byStatus.map((r) => [
      t(`status.${r.status}`),
      fmt.count(r.pledgesAt),
      fmt.count(r.pledges),
      fmt.personnel(r.pledgedPersonnel),
      fmt.personnel(r.inPlacePersonnel),
      t('table.ofAll', { met: fmt.count(r.requirementPeriodsMet), all: fmt.count(r.requirementPeriods) }),
    ]),
    numeric: [1, 2, 3, 4],
  };
}

export function sourcingTable(ctx: BriefContext): Table {
  const { t, fmt } = ctx;
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
    caption: t('table.sourcing.caption'),
    header: [
      t('table.nation'),
      t('table.unitType'),
      t('table.mission'),
      ...p.periods.map((x) => ctx.periods(x.index)),
      t('table.peakPersonnel'),
    ],
    rows: [...sourcingAgg.values()]
      .sort((x, y) => y.personnel - x.personnel)
      .map((e) => [
        ctx.name(e.nation),
        ctx.unitName(e.unit),
        ctx.missionName(e.mission),
        ...e.units.map((u) => fmt.amount(u)),
        fmt.personnel(e.personnel),
      ]),
    numeric: [...p.periods.map((_, i) => 3 + i), 3 + p.periods.length],
  };
}
