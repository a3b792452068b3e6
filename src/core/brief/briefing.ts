/**
 * The briefing as data: findings in plain words generated from the results, the map, chart
 * specifications (Vega-Lite, rendered by the edge), tables and the provenance appendix. Pure: every
 * number comes from the plan, the resilience report and the assurance result passed in.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { AssuranceResult, CaseResult } from '../assure/index.js';
import { OUTCOME_TERMS } from '../assure/index.js';
import type { FrontierReport } from '../frontier/index.js';
import type { ForcePlan, ResilienceReport, StatusRow } from '../plan/index.js';
import { frontierBrief } from './frontier-section.js';
import {
  hostNation,
  summarizeComparison,
  type PledgeStatus,
  type Scenario,
} from '../scenario/index.js';
import { buildMapModel, mapTables, type MapModel } from './map-model.js';

/** One assurance case as the briefing names it (e.g. the base scenario, or the no-backstop variant). */
export interface BriefInput {
  readonly scenario: Scenario;
  readonly scenarioHash: string;
  /** Variants applied to the base scenario. */
  readonly variants: readonly string[];
  readonly bulwarkVersion: string;
  /** ISO timestamp of generation (passed in: the core reads no clock). */
  readonly generatedAt: string;
  /** The pledged force, optimally allocated. */
  readonly plan: ForcePlan;
  /** The status floor pledges were counted from (absent: every pledge). */
  readonly minStatus?: PledgeStatus;
  /** The force at or above each pledge status (`forceByStatus`). */
  readonly byStatus?: readonly StatusRow[];
  /** What the coalition could field from committable inventory (who could fill the gaps). */
  readonly potential?: ForcePlan;
  readonly resilience?: ResilienceReport;
  /** Cases in order; the first is the base scenario. */
  readonly assurance?: AssuranceResult;
  /** The credibility game (tripwire template) of the base scenario. */
  readonly credibility?: CredibilityBrief;
  /** The deterrence frontier (the briefing's lead when present). */
  readonly frontier?: FrontierReport;
}

/** What the briefing needs of the credibility analysis (src/app/game.ts `analyseScenarioCredibility`). */
export interface CredibilityBrief {
  /** The adversary's prior that the guarantor is resolute. */
  readonly prior: number;
  /** Least prior at which testing the force stops paying, with the force; null: never. */
  readonly threshold: number | null;
  /** The same without the force (deterrence by the backstop alone). */
  readonly backstopOnly: number | null;
  /** The tripwire read as an automatic trigger (casualties draw the guarantor in). */
  readonly automaticTrigger: number | null;
  /** Plain-language sentences from the game module. */
  readonly findings: readonly string[];
  /** Threshold against force size (multiplier x of the scenario's force, its personnel). */
  readonly forceCurve: readonly {
    readonly x: number;
    readonly personnel: number;
    readonly threshold: number | null;
  }[];
  readonly curveFindings: readonly string[];
}

export interface Finding {
  readonly id: string;
  readonly headline: string;
  readonly text: string;
  /** Anchor of the section with the table or chart behind it. */
  readonly link: string;
}

export interface ChartModel {
  readonly id: string;
  /** Section anchor the chart belongs to. */
  readonly section: string;
  readonly title: string;
  /** Text alternative: what the chart shows, in words. */
  readonly description: string;
  readonly spec: TopLevelSpec;
}

export interface Table {
  readonly id: string;
  readonly caption: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
  /** Columns holding numbers (right-aligned). */
  readonly numeric: readonly number[];
}

export interface Briefing {
  readonly title: string;
  readonly subtitle: string;
  readonly findings: readonly Finding[];
  readonly map: MapModel;
  readonly charts: readonly ChartModel[];
  readonly tables: readonly Table[];
  /** The credibility game's own sentences (empty without it). */
  readonly credibilityNotes: readonly string[];
  /** The frontier's own sentences (empty without it). */
  readonly frontierNotes: readonly string[];
  readonly appendix: {
    readonly scenarioId: string;
    readonly scenarioHash: string;
    readonly asOf: string;
    readonly variants: readonly string[];
    readonly seed: number | null;
    readonly runs: number | null;
    readonly bulwarkVersion: string;
    readonly generatedAt: string;
    readonly planSolver: string;
    readonly sources: readonly { id: string; kind: string; citation: string; url: string; method: string }[];
    readonly assumptions: readonly string[];
  };
}

const VL = 'https://vega.github.io/schema/vega-lite/v6.json';
const FONT = { font: 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif' } as const;

/** Rounds for prose: 13,765 → "13,800"; 412 → "410"; 7.4 → "7". */
export function roughly(x: number): string {
  const a = Math.abs(x);
  // Below 10, one decimal (0.33 → "0.3"), so a small gap never reads as zero.
  if (a < 10) return (Math.round(x * 10) / 10).toLocaleString('en-GB');
  const digits = a >= 1000 ? 100 : a >= 100 ? 10 : 1;
  return (Math.round(x / digits) * digits).toLocaleString('en-GB');
}

export const pct = (p: number, digits = 0): string => `${(p * 100).toFixed(digits)}%`;

export function usd(x: number): string {
  const a = Math.abs(x);
  if (a >= 1e9) return `$${(x / 1e9).toFixed(1)}bn`;
  if (a >= 1e6) return `$${(x / 1e6).toFixed(0)}m`;
  return `$${Math.round(x).toLocaleString('en-GB')}`;
}

const listWords = (xs: readonly string[]): string =>
  xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1] ?? ''}`;

/** Builds the briefing model. */
export function buildBriefing(input: BriefInput): Briefing {
  const s = input.scenario;
  const nationName = new Map(s.nations.map((n) => [n.id, n.name]));
  const name = (id: string): string => nationName.get(id) ?? id;
  const missionName = new Map(s.missions.map((m) => [m.id, m.name]));
  const capName = new Map(s.capabilities.map((c) => [c.id, c.name]));
  const unitName = new Map(s.catalog.map((u) => [u.id, u.name]));

  const findings: Finding[] = [];
  const charts: ChartModel[] = [];
  const tables: Table[] = [];
  const p = input.plan;

  // ── The force ──────────────────────────────────────────────────────────────────────────────────
  const peakDeployed = Math.max(
    0,
    ...p.periods.map((per) =>
      p.personnel.filter((r) => r.period === per.index).reduce((a, r) => a + r.deployed, 0),
    ),
  );
  const { peakTiedUp, troopTours, distinct } = p.personnelTotals;
  const requiredPeriods = p.coverage.length;
  const coveredPeriods = p.coverage.filter((c) => c.shortfall <= 1e-6 * Math.max(1, c.required)).length;
  const byCategory = new Map<string, number>();
  const peakPeriod = p.periods.reduce(
    (best, per) => {
      const total = p.personnel.filter((r) => r.period === per.index).reduce((a, r) => a + r.deployed, 0);
      return total > best.total ? { index: per.index, total } : best;
    },
    { index: 1, total: -1 },
  ).index;
  for (const r of p.sourcing.filter((x) => x.period === peakPeriod)) {
    const cat = s.catalog.find((u) => u.id === r.unitType)?.category ?? 'other';
    byCategory.set(cat, (byCategory.get(cat) ?? 0) + r.personnel);
  }
  const shape = [...byCategory]
    .sort((a, b) => b[1] - a[1])
    .map(([c, n]) => `${c} ${roughly(n)}`)
    .join(', ');
  const contributors = new Set(p.sourcing.map((r) => r.nation));
  findings.push({
    id: 'force',
    headline: p.solved
      ? `The pledged force: about ${roughly(peakDeployed)} personnel from ${contributors.size} nations`
      : `No plan could be computed (${p.status})`,
    text: p.solved
      ? (input.minStatus !== undefined ? `Counting only pledges ${input.minStatus} or firmer: ` : '') +
        `Allocated optimally, the pledges on the table put about ${roughly(peakDeployed)} personnel in place at the peak (${shape}). ` +
        `They meet ${coveredPeriods} of ${requiredPeriods} capability requirements across the ${p.periods.length} planning periods in full. ` +
        `Keeping the force there under each nation's rotation rules ties up about ${roughly(peakTiedUp)} personnel (in theatre, preparing and recovering); ` +
        `over the horizon that is about ${roughly(troopTours)} troop-tours served by about ${roughly(distinct)} different people.` +
        (p.personnelTotals.sustainableYears !== null
          ? ` ${name(p.personnelTotals.limitedBy ?? '')} can keep its part for about ${p.personnelTotals.sustainableYears.toFixed(1)} years before its units run out of dwell.`
          : '')
      : (p.message ?? 'The solver returned no solution.'),
    link: '#coverage',
  });

  // ── Against the force options ──────────────────────────────────────────────────────────────────
  const fo = p.forceOptions;
  if (p.solved && fo.comparisons.length > 0) {
    const subject = 'the pledged force';
    const shareText = (r: { ofLow: number; ofHigh: number }): string =>
      pct(r.ofLow) === pct(r.ofHigh) ? pct(r.ofLow) : `${pct(r.ofHigh)}–${pct(r.ofLow)}`;
    const totals = fo.comparisons.flatMap((c) =>
      c.personnelShare === null ? [] : [`${shareText(c.personnelShare)} of ${c.name}`],
    );
    const weakest = fo.comparisons
      .filter((c) => c.components.length > 0)
      .slice(0, 1)
      .flatMap((c) => summarizeComparison(c, subject).slice(1));
    const first = fo.comparisons[0];
    findings.push({
      id: 'options',
      headline:
        first !== undefined && first.personnelShare !== null
          ? `Against the published options: ${shareText(first.personnelShare)} of ${first.name}`
          : 'Against the published options',
      text: [
        ...(totals.length > 0
          ? [
              `At its peak the pledged force (${roughly(first?.personnel ?? 0)} personnel) is ${listWords(totals)}.`,
            ]
          : []),
        ...weakest,
      ].join(' '),
      link: '#options',
    });
    const ids = [...new Set(fo.comparisons.flatMap((c) => c.components.map((k) => k.component)))];
    const cell = (x: number | null): string => (x === null ? '—' : pct(x));
    const share = (r: { ofLow: number; ofHigh: number } | null): string =>
      r === null ? '—' : r.ofLow === r.ofHigh ? pct(r.ofLow) : `${pct(r.ofHigh)}–${pct(r.ofLow)}`;
    tables.push({
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
    });
  }

  // ── Gaps and who could fill them ───────────────────────────────────────────────────────────────
  interface Gap {
    mission: string;
    capability: string;
    /** Largest gap and its requirement. */
    short: number;
    required: number;
    periods: number[];
    /** Σ over periods of the unmet fraction: how much of the horizon the gap spans. */
    weight: number;
    /** The longest run of periods with the same gap, its amount and cause. */
    typical: { from: number; to: number; short: number; required: number; text: string };
  }
  const gapByReq = new Map<string, Gap>();
  for (const g of p.shortfall) {
    const key = `${g.mission}/${g.capability}`;
    const e: Gap = gapByReq.get(key) ?? {
      mission: g.mission,
      capability: g.capability,
      short: 0,
      required: 0,
      periods: [],
      weight: 0,
      typical: {
        from: g.period,
        to: g.period,
        short: g.shortfall,
        required: g.required,
        text: g.explanation,
      },
    };
    e.short = Math.max(e.short, g.shortfall);
    e.required = Math.max(e.required, g.required);
    e.periods.push(g.period);
    e.weight += g.shortfall / g.required;
    gapByReq.set(key, e);
  }
  // The typical gap: the longest run of consecutive periods with the same amount short.
  for (const e of gapByReq.values()) {
    const rows = p.shortfall
      .filter((g) => g.mission === e.mission && g.capability === e.capability)
      .sort((a, b) => a.period - b.period);
    let best = e.typical;
    let run = best;
    for (const g of rows.slice(1)) {
      if (g.period === run.to + 1 && Math.abs(g.shortfall - run.short) < 1e-6 && g.required === run.required)
        run = { ...run, to: g.period };
      else
        run = { from: g.period, to: g.period, short: g.shortfall, required: g.required, text: g.explanation };
      if (run.to - run.from > best.to - best.from) best = run;
    }
    e.typical = best;
  }
  const gaps = [...gapByReq.values()].sort((a, b) => b.weight - a.weight || b.short - a.short);
  // Every run of consecutive periods with the same gap and cause, in mission order (for the table).
  const gapRuns: {
    mission: string;
    capability: string;
    from: number;
    to: number;
    short: number;
    required: number;
    text: string;
  }[] = [];
  for (const g of p.shortfall) {
    const last = gapRuns[gapRuns.length - 1];
    if (
      last !== undefined &&
      last.mission === g.mission &&
      last.capability === g.capability &&
      last.to + 1 === g.period &&
      Math.abs(last.short - g.shortfall) < 1e-6 &&
      last.required === g.required &&
      last.text === g.explanation
    )
      last.to = g.period;
    else
      gapRuns.push({
        mission: g.mission,
        capability: g.capability,
        from: g.period,
        to: g.period,
        short: g.shortfall,
        required: g.required,
        text: g.explanation,
      });
  }
  const periodSpan = (from: number, to: number): string => (from === to ? `P${from}` : `P${from}–P${to}`);
  // Periods where nothing can be in place yet because every unit needs time to deploy.
  const leadOnly = p.periods
    .filter((per) => {
      const rows = p.coverage.filter((c) => c.period === per.index && c.required > 0);
      return rows.length > 0 && rows.every((c) => c.provided <= 1e-9);
    })
    .map((per) => per.index);
  if (gaps.length === 0) {
    findings.push({
      id: 'gaps',
      headline: 'No capability gaps',
      text: 'The pledges cover every requirement in every period.',
      link: '#coverage',
    });
  } else {
    const top = gaps.slice(0, 3).map((g) => {
      const cap = s.capabilities.find((c) => c.id === g.capability);
      const t = g.typical;
      return `${missionName.get(g.mission) ?? g.mission}: ${capName.get(g.capability) ?? g.capability} short by ${roughly(t.short)} of ${roughly(t.required)} ${cap?.unit ?? ''} in ${periodSpan(t.from, t.to)} (${t.text})`;
    });
    const early =
      leadOnly.length > 0
        ? ` In ${leadOnly.map((t) => `P${t}`).join(', ')} no requirement is met at all: the planner counts a unit only from the first period that starts after its lead time, and no pledged unit is ready on day 0.`
        : '';
    let fill = '';
    if (input.potential?.solved) {
      const fillers = new Map<string, number>();
      for (const g of gaps.slice(0, 3)) {
        for (const r of input.potential.sourcing) {
          if (r.mission !== g.mission) continue;
          const u = s.catalog.find((x) => x.id === r.unitType);
          if ((u?.capabilities[g.capability] ?? 0) <= 0) continue;
          const pledgedHere = p.sourcing
            .filter(
              (q) =>
                q.nation === r.nation &&
                q.mission === r.mission &&
                q.unitType === r.unitType &&
                q.period === r.period,
            )
            .reduce((a, q) => a + q.personnel, 0);
          if (r.personnel > pledgedHere + 1e-6)
            fillers.set(r.nation, (fillers.get(r.nation) ?? 0) + (r.personnel - pledgedHere));
        }
      }
      const ranked = [...fillers]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5)
        .map(([n]) => name(n));
      const potentialShort = input.potential.shortfall.length;
      fill =
        ranked.length > 0
          ? ` From their committable inventories, ${listWords(ranked)} could fill most of these gaps` +
            (potentialShort > 0
              ? `; even then ${potentialShort} capability-period${potentialShort === 1 ? ' stays' : 's stay'} short.`
              : '; with them every requirement would be met.')
          : ' No coalition member has committable units of the kinds needed.';
    }
    findings.push({
      id: 'gaps',
      headline: `${gaps.length} capability requirement${gaps.length === 1 ? '' : 's'} not fully met`,
      text: `The biggest gaps: ${top.join('; ')}.${early}${fill}`,
      link: '#gaps',
    });
  }

  // ── Cost and fairness ──────────────────────────────────────────────────────────────────────────
  const years = (p.periods.length * s.horizon.periodMonths) / 12;
  const fair = p.fairShare;
  // The nations carrying most beyond their fair share (at most two).
  const heavy = [...fair.rows]
    .filter((r) => r.burdenShare > r.fairShare + 1e-9)
    .sort((a, b) => b.burdenShare - b.fairShare - (a.burdenShare - a.fairShare))
    .slice(0, 2);
  const heavyBurden = heavy.reduce((a, r) => a + r.burdenShare, 0);
  const heavyFair = heavy.reduce((a, r) => a + r.fairShare, 0);
  findings.push({
    id: 'cost',
    headline: `Cost: about ${usd(p.totalCostUsd / Math.max(years, 1e-9))} a year; fairness index ${fair.index === null ? 'n/a' : fair.index.toFixed(2)}`,
    text:
      `The force costs about ${usd(p.totalCostUsd)} over ${years.toFixed(1)} years (incremental deployment cost). ` +
      (heavy.length > 0
        ? `${listWords(heavy.map((r) => name(r.nation)))} ${heavy.length === 1 ? 'carries' : 'carry'} ${pct(heavyBurden)} of the ${fair.burden === 'cost' ? 'cost' : 'personnel'} against ${pct(heavyFair)} of the contributors' ${fair.basis === 'gdp' ? 'GDP' : 'defence spending'}` +
          ` (index 1 = shares exactly in proportion, 0 = one nation carries what others should).`
        : ''),
    link: '#fairness',
  });

  // ── Resilience ─────────────────────────────────────────────────────────────────────────────────
  /** A resilience case in words: a nation's name, or which conditional pledges go. */
  const lossName = (c: { id: string; kind: string }): string => {
    if (c.kind === 'nation') return name(c.id);
    if (c.id === 'conditional') return 'every conditional pledge';
    const cond = c.id.replace(/^conditional:/, '');
    const desc = s.conditions.find((x) => x.id === cond)?.description;
    return `the pledges conditional on ${desc === undefined ? cond : `“${desc}”`}`;
  };
  if (input.resilience !== undefined && input.resilience.cases.length > 0) {
    const top = input.resilience.cases.filter((c) => c.addedShortfall > 1e-9).slice(0, 3);
    const conditional = input.resilience.cases.find((c) => c.id === 'conditional');
    const lossText = (c: (typeof top)[number]): string => {
      const worst = Object.entries(c.missionCoverage)
        .map(([m, cov]) => ({ m, drop: (input.resilience?.baselineMissionCoverage[m] ?? 1) - cov }))
        .sort((a, b) => b.drop - a.drop)[0];
      return `${lossName(c)}${worst !== undefined && worst.drop > 0.005 ? ` (${missionName.get(worst.m) ?? worst.m} coverage falls by ${pct(worst.drop)})` : ''}`;
    };
    findings.push({
      id: 'resilience',
      headline:
        top.length > 0
          ? `Most damaging loss: ${top[0] === undefined ? '' : lossName(top[0])}`
          : 'No single loss adds a gap',
      text:
        (top.length > 0
          ? `Re-planning without each nation in turn, and without the pledges that depend on a condition, the losses that open the largest new gaps are: ${top.map(lossText).join('; ')}.`
          : 'Re-planning without each nation in turn opens no new gap: other pledges cover every loss.') +
        (conditional !== undefined
          ? ` Without every conditional pledge (those that depend on the backstop or another condition), ${conditional.addedShortfall > 1e-9 ? `the priority-weighted shortfall grows by ${conditional.addedShortfall.toFixed(1)} requirement-years` : 'no new gap opens'}.`
          : ''),
      link: '#resilience',
    });
  }

  // ── Assurance ──────────────────────────────────────────────────────────────────────────────────
  const a = input.assurance;
  if (a !== undefined && a.cases.length > 0) {
    const base = a.cases[0] as CaseResult;
    const held = (c: CaseResult): string =>
      `${pct(1 - c.ceasefireFailed.p)} (95% interval ${pct(1 - c.ceasefireFailed.hi)}–${pct(1 - c.ceasefireFailed.lo)})`;
    const others = a.cases.slice(1);
    const diffs = a.comparisons.map((cmp) => {
      const c = a.cases.find((x) => x.id === cmp.id);
      const d = -cmp.ceasefireFailed.difference;
      // Signed percentage points to one decimal; a difference that rounds to zero has no sign.
      const pts = (x: number): string => {
        const tenths = Math.round(x * 1000);
        return `${tenths > 0 ? '+' : tenths < 0 ? '−' : ''}${(Math.abs(tenths) / 10).toFixed(1)}`;
      };
      return `${c?.label ?? cmp.id}: ceasefire held in ${held(c ?? base)}, ${pts(d)} points against the base (paired 95% interval ${pts(-cmp.ceasefireFailed.hi)} to ${pts(-cmp.ceasefireFailed.lo)})`;
    });
    findings.push({
      id: 'assurance',
      headline: `Ceasefire held (no strikes on the host) over ${roughly(a.horizonDays)} days in ${pct(base.outcomes.held.p)} of ${a.runs.toLocaleString('en-GB')} simulated futures`,
      text:
        `In the base case (${base.label}) the ceasefire survives the ${roughly(a.horizonDays)}-day horizon without strikes on the host or worse in ${held(base)}; ` +
        `the force is attacked (the tripwire is tested) in ${pct(base.tripwireTested.p, 1)}, and the war widens to the guarantor in ${pct(base.widerWar.p, 1)}. ` +
        (others.length > 0 ? `Compared on the same random draws — ${diffs.join('; ')}.` : ''),
      link: '#assurance',
    });
    if (a.tornado !== null && a.tornado.rows.some((r) => r.swing >= 0.0005)) {
      const top = a.tornado.rows.filter((r) => r.swing >= 0.0005).slice(0, 3);
      findings.push({
        id: 'assumptions',
        headline: `The assumption that matters most: ${top[0]?.label ?? ''}`,
        text:
          `Moving each uncertain assumption from its ${pct(a.tornado.lowProbability)} to its ${pct(a.tornado.highProbability)} quantile, and each assumed constant from half to one and a half times its value, with the rest as in the scenario, ` +
          `the probability the ceasefire fails moves most with ${listWords(top.map((r) => `${r.label} (${(r.swing * 100).toFixed(1)} points)`))}.`,
        link: '#tornado',
      });
    }
  }

  // ── Credibility game ───────────────────────────────────────────────────────────────────────────
  const g = input.credibility;
  if (g !== undefined) {
    const deters = g.threshold !== null && g.prior >= g.threshold;
    findings.push({
      id: 'credibility',
      headline:
        g.threshold === null
          ? 'No level of guarantor credibility deters a test of the force'
          : `The backstop deters a test if the adversary believes in it at ${pct(g.threshold, 1)} or more (it is at ${pct(g.prior, 1)})`,
      text:
        `In the tripwire game built from the scenario (adversary tests or not; the coalition fights or withdraws; the guarantor, resolute or not, intervenes or abstains), ` +
        `${deters ? 'the adversary is deterred at its current belief' : 'testing the force pays at the adversary’s current belief'}. ` +
        `Without the force the threshold would be ${g.backstopOnly === null ? 'unreachable' : pct(g.backstopOnly, 1)}; ` +
        `if the force worked as an automatic trigger it would be ${g.automaticTrigger === null ? 'unreachable' : pct(g.automaticTrigger, 1)}. ` +
        (g.curveFindings[0] ?? ''),
      link: '#credibility',
    });
    charts.push({
      id: 'credibility',
      section: 'credibility',
      title: 'Least guarantor credibility that deters a test, by force size',
      description:
        'For forces from none to three times the scenario’s, the least belief in the guarantor’s resolve at which testing the force stops paying (line), against the adversary’s current belief (dashed).',
      spec: {
        $schema: VL,
        title: 'Least guarantor credibility that deters a test, by force size',
        description: 'Line: threshold; dashed: the adversary’s prior belief.',
        config: FONT,
        width: 560,
        height: 240,
        layer: [
          {
            data: {
              values: g.forceCurve.map((pt) => ({ personnel: pt.personnel, threshold: pt.threshold })),
            },
            mark: { type: 'line', point: true, color: '#0072B2', strokeWidth: 2 },
            transform: [{ filter: 'datum.threshold !== null' }],
            encoding: {
              x: { field: 'personnel', type: 'quantitative', title: 'force size (personnel deployed)' },
              y: {
                field: 'threshold',
                type: 'quantitative',
                title: 'credibility needed to deter',
                axis: { format: '%' },
                scale: { domain: [0, 1] },
              },
              tooltip: [
                { field: 'personnel', format: ',' },
                { field: 'threshold', format: '.1%' },
              ],
            },
          },
          {
            data: { values: [{ prior: g.prior }] },
            mark: { type: 'rule', strokeDash: [5, 4], color: '#D55E00', strokeWidth: 2 },
            encoding: { y: { field: 'prior', type: 'quantitative' } },
          },
        ],
      },
    });
  }

  // ── Map ────────────────────────────────────────────────────────────────────────────────────────
  const map: MapModel = buildMapModel(
    s,
    p.sourcing,
    peakPeriod,
    p.periods.find((x) => x.index === peakPeriod)?.label ?? `P${peakPeriod}`,
  );
  tables.push(...mapTables(map));

  // ── Coverage chart and gap table ───────────────────────────────────────────────────────────────
  const periodLabel = (t: number): string => p.periods.find((x) => x.index === t)?.label ?? `P${t}`;
  const reqOrder = new Map<string, number>();
  for (const c of p.coverage) {
    const key = `${c.mission}/${c.capability}`;
    if (!reqOrder.has(key)) reqOrder.set(key, reqOrder.size);
  }
  const coverageValues = p.coverage.flatMap((c) => {
    const label = `${missionName.get(c.mission) ?? c.mission}: ${capName.get(c.capability) ?? c.capability}`;
    const reqIndex = reqOrder.get(`${c.mission}/${c.capability}`) ?? 0;
    return [
      {
        req: label,
        reqIndex,
        period: `P${c.period}`,
        order: c.period,
        series: 'required',
        amount: c.required,
      },
      {
        req: label,
        reqIndex,
        period: `P${c.period}`,
        order: c.period,
        series: 'sourced',
        amount: c.provided,
      },
    ];
  });
  charts.push({
    id: 'coverage',
    section: 'coverage',
    title: 'Required vs sourced capability by mission and period',
    description: `For each mission and capability, the amount required (line) and the amount the plan sources from pledges (bars) in each planning period. ${coveredPeriods} of ${requiredPeriods} requirement-periods are fully met.`,
    spec: {
      $schema: VL,
      title: 'Required vs sourced capability by mission and period',
      description: 'Bars: sourced; line with points: required. Units differ by capability (see table).',
      config: FONT,
      data: { values: coverageValues },
      facet: {
        field: 'req',
        type: 'nominal',
        title: null,
        sort: { field: 'reqIndex', op: 'min' },
        header: { labelLimit: 0, labelFontSize: 11 },
      },
      columns: 3,
      resolve: { scale: { y: 'independent' } },
      spec: {
        width: 230,
        height: 110,
        layer: [
          {
            mark: { type: 'bar', opacity: 0.85 },
            transform: [{ filter: "datum.series === 'sourced'" }],
            encoding: {
              x: {
                field: 'period',
                type: 'ordinal',
                sort: { field: 'order', op: 'min' },
                title: 'planning period',
                axis: { labelAngle: 0 },
              },
              y: { field: 'amount', type: 'quantitative', title: 'amount (capability units)' },
              color: { value: '#0072B2' },
              tooltip: [{ field: 'period' }, { field: 'amount', title: 'sourced', format: ',.2f' }],
            },
          },
          {
            mark: { type: 'line', point: { color: '#D55E00' }, color: '#D55E00', strokeWidth: 2 },
            transform: [{ filter: "datum.series === 'required'" }],
            encoding: {
              x: { field: 'period', type: 'ordinal', sort: { field: 'order', op: 'min' } },
              y: { field: 'amount', type: 'quantitative' },
              tooltip: [{ field: 'period' }, { field: 'amount', title: 'required', format: ',.2f' }],
            },
          },
        ],
      },
    },
  });
  tables.push({
    id: 'gaps',
    caption: 'Capability gaps of the pledged force, with the binding cause.',
    header: ['mission', 'capability', 'periods', 'short', 'of', 'why'],
    rows: gapRuns.map((g) => [
      missionName.get(g.mission) ?? g.mission,
      capName.get(g.capability) ?? g.capability,
      periodSpan(g.from, g.to),
      Number(g.short.toFixed(2)),
      Number(g.required.toFixed(2)),
      g.text,
    ]),
    numeric: [3, 4],
  });

  // ── Burden and fair share ──────────────────────────────────────────────────────────────────────
  const fairRows = fair.rows.filter((r) => r.burdenShare > 0.002 || r.fairShare > 0.01);
  charts.push({
    id: 'fairness',
    section: 'fairness',
    title: `Share of ${fair.burden === 'cost' ? 'cost' : 'personnel'} vs fair share (${fair.basis === 'gdp' ? 'GDP' : 'defence budget'})`,
    description: `For each contributing nation, its share of the coalition's ${fair.burden === 'cost' ? 'cost' : 'deployed personnel-years'} (bar) against its share of the contributors' ${fair.basis === 'gdp' ? 'GDP' : 'defence spending'} (black tick).`,
    spec: {
      $schema: VL,
      title: `Share of ${fair.burden === 'cost' ? 'cost' : 'personnel'} vs fair share (${fair.basis === 'gdp' ? 'GDP' : 'defence budget'})`,
      description: 'Bar: burden share; tick: fair share.',
      config: FONT,
      width: 640,
      height: { step: 16 },
      data: {
        values: fairRows.map((r) => ({
          nation: `${name(r.nation)} (${r.nation})`,
          burden: r.burdenShare,
          fair: r.fairShare,
          personnelYears: r.personnelYears,
          cost: r.costUsd,
        })),
      },
      layer: [
        {
          mark: { type: 'bar', color: '#0072B2' },
          encoding: {
            y: { field: 'nation', type: 'nominal', sort: '-x', title: null },
            x: {
              field: 'burden',
              type: 'quantitative',
              title: 'share of the coalition (%)',
              axis: { format: '%' },
            },
            tooltip: [
              { field: 'nation' },
              { field: 'burden', title: 'burden share', format: '.1%' },
              { field: 'fair', title: 'fair share', format: '.1%' },
              { field: 'personnelYears', title: 'personnel-years', format: ',.0f' },
              { field: 'cost', title: 'cost (US$)', format: '$,.3s' },
            ],
          },
        },
        {
          mark: { type: 'tick', color: '#000', thickness: 2 },
          encoding: {
            y: { field: 'nation', type: 'nominal', sort: '-x' },
            x: { field: 'fair', type: 'quantitative' },
          },
        },
      ],
    },
  });
  const costBy = new Map(p.cost.map((c) => [c.nation, c.totalUsd]));
  const persBy = new Map(p.personnelByNation.map((c) => [c.nation, c]));
  tables.push({
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
  });

  // ── Rotation calendar ──────────────────────────────────────────────────────────────────────────
  const calendarValues = p.personnel
    .filter((r) => r.deployed > 0)
    .map((r) => ({
      nation: r.nation,
      period: periodLabel(r.period),
      order: r.period,
      deployed: Math.round(r.deployed),
      tiedUp: Math.round(r.tiedUp),
    }));
  charts.push({
    id: 'calendar',
    section: 'calendar',
    title: 'Rotation calendar: personnel in theatre by nation and period',
    description:
      'Each cell is the personnel a nation has deployed in a period; the tooltip adds those tied up preparing and recovering.',
    spec: {
      $schema: VL,
      title: 'Rotation calendar: personnel in theatre by nation and period',
      description: 'Darker cells: more personnel deployed.',
      config: FONT,
      width: 560,
      height: { step: 16 },
      data: { values: calendarValues },
      mark: { type: 'rect', stroke: '#fff' },
      encoding: {
        x: {
          field: 'period',
          type: 'ordinal',
          sort: { field: 'order', op: 'min' },
          title: 'planning period',
          axis: { labelAngle: -45 },
        },
        y: {
          field: 'nation',
          type: 'nominal',
          title: 'nation',
          sort: { field: 'deployed', op: 'sum', order: 'descending' },
        },
        color: {
          field: 'deployed',
          type: 'quantitative',
          title: 'personnel deployed',
          scale: { scheme: 'blues' },
        },
        tooltip: [
          { field: 'nation' },
          { field: 'period' },
          { field: 'deployed', format: ',' },
          { field: 'tiedUp', title: 'tied up incl. rotation', format: ',' },
        ],
      },
    },
  });

  // ── Resilience ─────────────────────────────────────────────────────────────────────────────────
  if (input.resilience !== undefined) {
    const cases = input.resilience.cases.slice(0, 15);
    charts.push({
      id: 'resilience',
      section: 'resilience',
      title: 'Resilience: shortfall added by each loss',
      description: `The plan re-solved without each contributing nation in turn, and without the conditional pledges; bars show the priority-weighted shortfall each loss adds (${cases.length} largest shown).`,
      spec: {
        $schema: VL,
        title: 'Resilience: shortfall added by each loss',
        description: 'Priority-weighted shortfall added, largest first.',
        config: FONT,
        width: 560,
        height: { step: 18 },
        data: {
          values: cases.map((c) => ({
            loss: c.kind === 'nation' ? `without ${name(c.id)}` : c.label,
            added: Number(c.addedShortfall.toFixed(6)),
            personnel: Math.round(c.baselinePeakPersonnel),
          })),
        },
        mark: { type: 'bar', color: '#D55E00' },
        encoding: {
          y: { field: 'loss', type: 'nominal', sort: '-x', title: null },
          x: {
            field: 'added',
            type: 'quantitative',
            title: 'weighted shortfall added (requirement-years at priority 3)',
          },
          tooltip: [
            { field: 'loss' },
            { field: 'added', format: '.3f' },
            { field: 'personnel', title: 'personnel lost at peak', format: ',' },
          ],
        },
      },
    });
    tables.push({
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
    });
  }

  // ── Assurance charts ───────────────────────────────────────────────────────────────────────────
  if (a !== undefined && a.cases.length > 0) {
    const outcomeNames: Record<string, string> = Object.fromEntries(
      Object.entries(OUTCOME_TERMS).map(([k, t]) => [k, t.name]),
    );
    // Cases keep their order and colour in every chart: the base first, in blue.
    const caseScale = {
      domain: a.cases.map((c) => c.label),
      range: ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00'],
    };
    const outcomeValues = a.cases.flatMap((c) =>
      Object.entries(c.outcomes).map(([o, prop], i) => ({
        case: c.label,
        outcome: outcomeNames[o] ?? o,
        order: i,
        p: prop.p,
        lo: prop.lo,
        hi: prop.hi,
      })),
    );
    charts.push({
      id: 'outcomes',
      section: 'assurance',
      title: 'Outcome at the horizon, by case (95% Wilson intervals)',
      description: `Share of ${a.runs.toLocaleString('en-GB')} simulated runs ending in each outcome, per case, with 95% intervals.`,
      spec: {
        $schema: VL,
        title: 'Outcome at the horizon, by case (95% Wilson intervals)',
        description: 'Bars: probability; black rules: 95% interval.',
        config: FONT,
        data: { values: outcomeValues },
        facet: {
          row: {
            field: 'outcome',
            type: 'nominal',
            sort: { field: 'order' },
            title: null,
            header: { labelAngle: 0, labelAlign: 'left', labelLimit: 240 },
          },
        },
        spec: {
          width: 420,
          height: { step: 14 },
          layer: [
            {
              mark: 'bar',
              encoding: {
                y: { field: 'case', type: 'nominal', title: null, axis: null },
                x: {
                  field: 'p',
                  type: 'quantitative',
                  title: 'probability',
                  axis: { format: '%' },
                  scale: { domain: [0, 1] },
                },
                color: {
                  field: 'case',
                  type: 'nominal',
                  title: 'case',
                  scale: caseScale,
                },
                tooltip: [
                  { field: 'case' },
                  { field: 'outcome' },
                  { field: 'p', format: '.1%' },
                  { field: 'lo', format: '.1%' },
                  { field: 'hi', format: '.1%' },
                ],
              },
            },
            {
              mark: { type: 'rule', color: '#000' },
              encoding: {
                y: { field: 'case', type: 'nominal' },
                x: { field: 'lo', type: 'quantitative' },
                x2: { field: 'hi' },
              },
            },
          ],
        },
      },
    });
    const survivalValues = a.cases.flatMap((c) =>
      c.survival.ceasefire.days.map((d, i) => ({
        case: c.label,
        day: d,
        s: c.survival.ceasefire.survival[i] ?? null,
        lo: c.survival.ceasefire.lo[i] ?? null,
        hi: c.survival.ceasefire.hi[i] ?? null,
      })),
    );
    charts.push({
      id: 'survival',
      section: 'assurance',
      title: 'Ceasefire survival (Kaplan–Meier) by case',
      description:
        'Probability the ceasefire has not failed (no strikes on the host or worse) by each day, per case, with 95% bands.',
      spec: {
        $schema: VL,
        title: 'Ceasefire survival (Kaplan–Meier) by case',
        description: 'Lines: survival; bands: 95% interval.',
        config: FONT,
        width: 600,
        height: 260,
        data: { values: survivalValues },
        layer: [
          {
            mark: { type: 'area', opacity: 0.18 },
            encoding: {
              x: {
                field: 'day',
                type: 'quantitative',
                title: 'days after the ceasefire',
                scale: { domain: [0, a.horizonDays] },
              },
              y: {
                field: 'lo',
                type: 'quantitative',
                title: 'ceasefire still holding',
                axis: { format: '%' },
                scale: { domain: [0, 1] },
              },
              y2: { field: 'hi' },
              color: {
                field: 'case',
                type: 'nominal',
                title: 'case',
                scale: caseScale,
              },
            },
          },
          {
            mark: { type: 'line', strokeWidth: 2, interpolate: 'step-after' },
            encoding: {
              x: { field: 'day', type: 'quantitative' },
              y: { field: 's', type: 'quantitative' },
              color: { field: 'case', type: 'nominal' },
              tooltip: [
                { field: 'case' },
                { field: 'day' },
                { field: 's', title: 'survival', format: '.1%' },
              ],
            },
          },
        ],
      },
    });
    tables.push({
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
        c.survival.ceasefire.medianDay === null
          ? `> ${a.horizonDays}`
          : String(c.survival.ceasefire.medianDay),
      ]),
      numeric: [],
    });
    if (a.tornado !== null && a.tornado.rows.length > 0) {
      const base = a.tornado.base.ceasefireFailed;
      const rows = a.tornado.rows.filter((r) => !r.inert.includes('ceasefireFailed')).slice(0, 12);
      charts.push({
        id: 'tornado',
        section: 'tornado',
        title: 'What drives the risk: ceasefire-failure probability, each assumption low and high',
        description: `One-at-a-time sensitivity (tornado): each uncertain parameter pinned at its ${pct(a.tornado.lowProbability)} and ${pct(a.tornado.highProbability)} quantile, the others still drawn, and each assumed constant at ×0.5 and ×1.5; base ${pct(base, 1)}. Parameters that act only once the ceasefire has failed cannot move this probability and are left out.`,
        spec: {
          $schema: VL,
          title: 'What drives the risk: ceasefire-failure probability, each assumption low and high',
          description:
            'Bars span the probability with the assumption at its low and high quantile; the rule marks the base case.',
          config: FONT,
          width: 560,
          height: { step: 20 },
          data: {
            values: rows.flatMap((r) => [
              { parameter: r.label, end: 'low', p: r.low.ceasefireFailed, value: r.lowValue, swing: r.swing },
              {
                parameter: r.label,
                end: 'high',
                p: r.high.ceasefireFailed,
                value: r.highValue,
                swing: r.swing,
              },
            ]),
          },
          layer: [
            {
              mark: { type: 'line', strokeWidth: 10, strokeCap: 'butt', color: '#9ecae1' },
              encoding: {
                y: {
                  field: 'parameter',
                  type: 'nominal',
                  sort: { field: 'swing', order: 'descending' },
                  title: null,
                  axis: { labelLimit: 260 },
                },
                x: {
                  field: 'p',
                  type: 'quantitative',
                  title: 'probability the ceasefire fails',
                  axis: { format: '%' },
                },
                detail: { field: 'parameter' },
              },
            },
            {
              mark: { type: 'point', filled: true, size: 70 },
              encoding: {
                y: { field: 'parameter', type: 'nominal', sort: { field: 'swing', order: 'descending' } },
                x: { field: 'p', type: 'quantitative' },
                shape: {
                  field: 'end',
                  type: 'nominal',
                  title: 'assumption at',
                  scale: { domain: ['low', 'high'], range: ['triangle-left', 'triangle-right'] },
                },
                color: {
                  field: 'end',
                  type: 'nominal',
                  title: 'assumption at',
                  scale: { domain: ['low', 'high'], range: ['#009E73', '#D55E00'] },
                },
                tooltip: [
                  { field: 'parameter' },
                  { field: 'end' },
                  { field: 'value', title: 'parameter value', format: ',.3~g' },
                  { field: 'p', format: '.1%' },
                ],
              },
            },
            {
              mark: { type: 'rule', strokeDash: [4, 3], color: '#333' },
              data: { values: [{ base }] },
              encoding: { x: { field: 'base', type: 'quantitative' } },
            },
          ],
        },
      });
    }
  }

  // ── Pledges and sourcing tables ────────────────────────────────────────────────────────────────
  const sourceText = (ref: string | Record<string, string>): string => {
    const ids = typeof ref === 'string' ? [ref] : [...new Set(Object.values(ref))];
    // Source ids, each cited in full once in the appendix (a citation per row made this table 17 pages).
    return ids.join(', ');
  };
  tables.push({
    id: 'pledges',
    caption: 'Pledges, with their status and source (source ids, cited in full in the appendix).',
    header: ['nation', 'unit type', 'units', 'missions', 'periods', 'status', 'conditions', 'source'],
    rows: s.pledges.map((pl) => [
      name(pl.nation),
      unitName.get(pl.unitType) ?? pl.unitType,
      pl.units,
      (pl.missions ?? ['any']).map((m) => missionName.get(m) ?? m).join(', '),
      `P${pl.fromPeriod}–P${pl.toPeriod ?? s.horizon.periods}`,
      pl.status,
      pl.conditions.join(', ') || '—',
      sourceText(pl.source),
    ]),
    numeric: [2],
  });
  if (input.byStatus !== undefined)
    tables.push({
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
    });
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
  tables.push({
    id: 'sourcing',
    caption:
      'Sourcing: units each nation keeps deployed on each mission, by period (fractional values are averages over the period in the continuous plan).',
    header: ['nation', 'unit type', 'mission', ...p.periods.map((x) => `P${x.index}`), 'peak personnel'],
    rows: [...sourcingAgg.values()]
      .sort((x, y) => y.personnel - x.personnel)
      .map((e) => [
        name(e.nation),
        unitName.get(e.unit) ?? e.unit,
        missionName.get(e.mission) ?? e.mission,
        ...e.units.map((u) => Number(u.toFixed(2))),
        Math.round(e.personnel),
      ]),
    numeric: [...p.periods.map((_, i) => 3 + i), 3 + p.periods.length],
  });

  const host = hostNation(s);
  // The frontier leads: its answer is the first finding, its section the first after the findings.
  const lead = input.frontier === undefined ? undefined : frontierBrief(input.frontier);
  if (lead !== undefined) {
    findings.unshift(lead.finding);
    charts.unshift(lead.chart);
    tables.unshift(lead.table);
  }

  return {
    title: s.meta.title,
    subtitle: `Force plan and assurance briefing${host === undefined ? '' : ` — ${host.name}`} · situation as of ${s.meta.asOf}${input.variants.length > 0 ? ` · variants: ${input.variants.join(', ')}` : ''}`,
    findings,
    map,
    charts,
    tables,
    credibilityNotes:
      input.credibility === undefined
        ? []
        : [...input.credibility.findings, ...input.credibility.curveFindings],
    frontierNotes: lead?.notes ?? [],
    appendix: {
      scenarioId: s.meta.id,
      scenarioHash: input.scenarioHash,
      asOf: s.meta.asOf,
      variants: input.variants,
      seed: a?.seed ?? null,
      runs: a?.runs ?? null,
      bulwarkVersion: input.bulwarkVersion,
      generatedAt: input.generatedAt,
      planSolver: `${p.solver}, ${p.mode} mode, ${p.integer ? 'whole units (MIP)' : 'continuous LP'}, status ${p.status}`,
      sources: Object.entries(s.meta.sources).map(([id, src]) => ({
        id,
        kind: src.kind,
        citation: src.citation,
        url: src.url ?? '',
        method: src.method ?? '',
      })),
      assumptions: s.meta.assumptions,
    },
  };
}
