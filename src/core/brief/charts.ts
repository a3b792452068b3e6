/**
 * The briefing's charts as Vega-Lite specifications (rendered to SVG by the edge), all in one theme: the
 * font, the language's number format, the Okabe–Ito colours for cases, blue for sourced and vermilion for
 * what is short. Each title states the chart's finding; each axis carries its unit; thresholds are
 * annotated where they are drawn. Every text comes from the catalogue.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { CaseResult } from '../assure/index.js';
import type { BriefContext } from './context.js';
import { rankGaps, type ForceFacts } from './facts.js';
import { caseInProse, caseLabel, heaviest, heldOf, lossName, termName, tornadoLabel } from './findings.js';
import type { BriefChart, CredibilityBrief } from './types.js';

/** A title that opens with a parameter (a lower-case name) starts with a capital. */
const upperFirst = (s: string): string =>
  s.replace(/^(⟦?)(\p{Ll})/u, (_, mark: string, c: string) => mark + c.toUpperCase());

/** The theme every chart shares. */
export const VL = 'https://vega.github.io/schema/vega-lite/v6.json';
export const FONT = { font: 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif' } as const;
/** Cases keep their order and colour in every chart: the base first, in blue (Okabe–Ito). */
export const CASE_COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00'] as const;
export const SOURCED = '#0072B2';
export const SHORT = '#D55E00';

/** d3-format locales for the axes (vega formats tick labels itself). */
const NUMBER_LOCALE = {
  en: { decimal: '.', thousands: ',', grouping: [3], currency: ['US$', ''] },
  fr: { decimal: ',', thousands: '\u202f', grouping: [3], currency: ['', '\u00a0$US'], percent: '\u202f%' },
} as const;

/** The chart config of a briefing: font and the language's number format. */
export function chartConfig(ctx: Pick<BriefContext, 'fmt'>): NonNullable<TopLevelSpec['config']> {
  const loc = ctx.fmt.locale === 'fr' ? NUMBER_LOCALE.fr : NUMBER_LOCALE.en;
  return {
    ...FONT,
    locale: { number: { ...loc, grouping: [...loc.grouping], currency: [...loc.currency] } },
  };
}

/** A chart from its id, section, title (the finding), description and the rest of its spec. */
function chart(
  ctx: BriefContext,
  id: string,
  section: string,
  title: string,
  description: string,
  body: Record<string, unknown>,
  subtitle?: string,
): BriefChart {
  return {
    id,
    section,
    title,
    description,
    spec: {
      $schema: VL,
      title: subtitle === undefined ? title : { text: title, subtitle },
      description,
      config: chartConfig(ctx),
      ...body,
    } as TopLevelSpec,
  };
}

export function credibilityChart(ctx: BriefContext, g: CredibilityBrief): BriefChart {
  const { t, fmt } = ctx;
  const values = g.forceCurve.map((pt) => ({ personnel: pt.personnel, threshold: pt.threshold }));
  const known = [...values.flatMap((v) => (v.threshold === null ? [] : [v.threshold])), g.prior];
  // The axis spans the data, not 0–100%, so a margin of a point between the curve and the prior shows.
  const lo = Math.max(0, Math.min(...known) - 0.05);
  const hi = Math.min(1, Math.max(...known) + 0.05);
  const title =
    g.threshold === null
      ? t('chart.credibility.title.never')
      : t('chart.credibility.title', { threshold: fmt.prob(g.threshold), prior: fmt.prob(g.prior) });
  return chart(ctx, 'credibility', 'credibility', title, t('chart.credibility.description'), {
    width: 560,
    height: 240,
    layer: [
      {
        data: { values },
        mark: { type: 'line', point: true, color: SOURCED, strokeWidth: 2 },
        transform: [{ filter: 'datum.threshold !== null' }],
        encoding: {
          x: { field: 'personnel', type: 'quantitative', title: t('axis.forcePersonnel') },
          y: {
            field: 'threshold',
            type: 'quantitative',
            title: t('axis.credibilityNeeded'),
            axis: { format: '.0%' },
            scale: { domain: [lo, hi], zero: false },
          },
          tooltip: [
            { field: 'personnel', title: t('axis.forcePersonnel'), format: ',' },
            { field: 'threshold', title: t('axis.credibilityNeeded'), format: '.1%' },
          ],
        },
      },
      {
        data: {
          values: [{ prior: g.prior, label: t('chart.credibility.prior', { prior: fmt.prob(g.prior) }) }],
        },
        layer: [
          {
            mark: { type: 'rule', strokeDash: [5, 4], color: SHORT, strokeWidth: 2 },
            encoding: { y: { field: 'prior', type: 'quantitative' } },
          },
          {
            mark: { type: 'text', align: 'left', dx: 4, dy: -6, fontSize: 11, color: SHORT },
            encoding: {
              y: { field: 'prior', type: 'quantitative' },
              x: { value: 0 },
              text: { field: 'label' },
            },
          },
        ],
      },
    ],
  });
}

export function coverageChart(ctx: BriefContext, f: ForceFacts): BriefChart {
  const { t, fmt } = ctx;
  const s = ctx.input.scenario;
  const p = ctx.input.plan;
  const keys: string[] = [];
  for (const c of p.coverage) {
    const key = `${c.mission}/${c.capability}`;
    if (!keys.includes(key)) keys.push(key);
  }
  const sourced = t('series.sourced');
  const short = t('series.short');
  const required = t('series.required');
  const panels = keys.map((key) => {
    const rows = p.coverage.filter((c) => `${c.mission}/${c.capability}` === key);
    const first = rows[0]!;
    const unit = s.capabilities.find((c) => c.id === first.capability)?.unit ?? '';
    const values = rows.flatMap((c) => [
      { period: ctx.periods(c.period), order: c.period, series: sourced, amount: c.provided, stack: 0 },
      { period: ctx.periods(c.period), order: c.period, series: short, amount: c.shortfall, stack: 1 },
    ]);
    const req = rows.map((c) => ({ period: ctx.periods(c.period), order: c.period, amount: c.required }));
    const x = {
      field: 'period',
      type: 'ordinal' as const,
      sort: { field: 'order', op: 'min' as const },
      title: null,
      axis: { labelAngle: -40, labelFontSize: 11 },
    };
    return {
      // Mission and capability on two lines, so a long capability name is not cut.
      title: {
        text: [ctx.missionName(first.mission), ctx.capName(first.capability)],
        fontSize: 12,
        limit: 0,
      },
      width: 230,
      height: 110,
      layer: [
        {
          data: { values },
          mark: { type: 'bar', opacity: 0.9 },
          encoding: {
            x,
            y: {
              field: 'amount',
              type: 'quantitative',
              stack: 'zero',
              title: unit,
              axis: { titleFontSize: 11 },
            },
            color: {
              field: 'series',
              type: 'nominal',
              title: null,
              scale: { domain: [sourced, short, required], range: [SOURCED, SHORT, '#000'] },
            },
            order: { field: 'stack' },
            tooltip: [
              { field: 'period', title: t('axis.period') },
              { field: 'series', title: null },
              { field: 'amount', title: unit, format: ',.1f' },
            ],
          },
        },
        {
          data: { values: req },
          mark: { type: 'line', point: { color: '#000' }, color: '#000', strokeWidth: 1.5 },
          encoding: {
            x,
            y: { field: 'amount', type: 'quantitative' },
            tooltip: [
              { field: 'period', title: t('axis.period') },
              { field: 'amount', title: required, format: ',.1f' },
            ],
          },
        },
      ],
    };
  });
  const top = rankGaps(p)[0];
  const title =
    top === undefined
      ? t('chart.coverage.title.full', { n: f.requirementPeriods })
      : t('chart.coverage.title', {
          met: fmt.count(f.coveredPeriods),
          all: fmt.count(f.requirementPeriods),
          mission: ctx.missionName(top.mission),
          capability: ctx.capName(top.capability),
        });
  return chart(
    ctx,
    'coverage',
    'coverage',
    title,
    t('chart.coverage.description', {
      met: fmt.count(f.coveredPeriods),
      all: fmt.count(f.requirementPeriods),
    }),
    { concat: panels, columns: 3, resolve: { scale: { y: 'independent', color: 'shared' } } },
  );
}

export function fairnessChart(ctx: BriefContext): BriefChart {
  const { t, fmt } = ctx;
  const fair = ctx.input.plan.fairShare;
  const fairRows = fair.rows.filter((r) => r.burdenShare > 0.002 || r.fairShare > 0.01);
  const heavy = heaviest(ctx);
  const what = t(fair.burden === 'cost' ? 'fair.burden.cost' : 'fair.burden.personnel');
  const basis = t(fair.basis === 'gdp' ? 'fair.basis.gdp' : 'fair.basis.budget');
  const title =
    heavy.nations.length === 0
      ? t('chart.fairness.title.even', { what, basis })
      : t('chart.fairness.title', {
          who: fmt.list(heavy.nations.map(ctx.name)),
          n: heavy.nations.length,
          burden: fmt.share(heavy.burden),
          fair: fmt.share(heavy.fair),
          what,
          basis,
        });
  const burdenTitle = t('axis.burdenShare', { what });
  const fairTitle = t('axis.fairShare', { basis });
  return chart(ctx, 'fairness', 'fairness', title, t('chart.fairness.description', { what, basis }), {
    width: 640,
    height: { step: 16 },
    data: {
      values: fairRows.map((r) => ({
        nation: ctx.name(r.nation),
        burden: r.burdenShare,
        fair: r.fairShare,
        personnelYears: r.personnelYears,
        cost: r.costUsd,
      })),
    },
    layer: [
      {
        mark: { type: 'bar', color: SOURCED },
        encoding: {
          y: { field: 'nation', type: 'nominal', sort: '-x', title: null },
          x: { field: 'burden', type: 'quantitative', title: burdenTitle, axis: { format: '.0%' } },
          tooltip: [
            { field: 'nation', title: t('table.nation') },
            { field: 'burden', title: burdenTitle, format: '.1%' },
            { field: 'fair', title: fairTitle, format: '.1%' },
            { field: 'personnelYears', title: t('table.personnelYears'), format: ',.0f' },
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
  });
}

export function calendarChart(ctx: BriefContext, f: ForceFacts): BriefChart {
  const { t, fmt } = ctx;
  const p = ctx.input.plan;
  const calendarValues = p.personnel
    .filter((r) => r.deployed > 0)
    .map((r) => ({
      nation: ctx.name(r.nation),
      period: ctx.periods(r.period),
      order: r.period,
      deployed: Math.round(r.deployed),
      tiedUp: Math.round(r.tiedUp),
    }));
  const deployed = t('axis.personnelDeployed');
  return chart(
    ctx,
    'calendar',
    'calendar',
    t('chart.calendar.title', { personnel: fmt.personnel(f.peakDeployed), when: ctx.periods(f.peakPeriod) }),
    t('chart.calendar.description'),
    {
      width: 560,
      height: { step: 16 },
      data: { values: calendarValues },
      mark: { type: 'rect', stroke: '#fff' },
      encoding: {
        x: {
          field: 'period',
          type: 'ordinal',
          sort: { field: 'order', op: 'min' },
          title: t('axis.period'),
          axis: { labelAngle: -40 },
        },
        y: {
          field: 'nation',
          type: 'nominal',
          title: null,
          sort: { field: 'deployed', op: 'sum', order: 'descending' },
        },
        color: { field: 'deployed', type: 'quantitative', title: deployed, scale: { scheme: 'blues' } },
        tooltip: [
          { field: 'nation', title: t('table.nation') },
          { field: 'period', title: t('axis.period') },
          { field: 'deployed', title: deployed, format: ',' },
          { field: 'tiedUp', title: t('axis.tiedUp'), format: ',' },
        ],
      },
    },
  );
}

export function resilienceChart(ctx: BriefContext): BriefChart | undefined {
  const { t, fmt } = ctx;
  const r = ctx.input.resilience;
  if (r === undefined) return undefined;
  // Only losses that open a gap: a row of zeros says nothing a sentence cannot.
  const cases = r.cases.filter((c) => c.addedShortfall > 1e-9).slice(0, 15);
  const lead = cases[0];
  if (lead === undefined) return undefined;
  const added = t('axis.shortfallAdded');
  return chart(
    ctx,
    'resilience',
    'resilience',
    t('chart.resilience.title', { loss: lossName(ctx, lead), added: fmt.decimal(lead.addedShortfall) }),
    t('chart.resilience.description', { n: cases.length, all: r.cases.length }),
    {
      width: 560,
      height: { step: 18 },
      data: {
        values: cases.map((c) => ({
          loss: lossName(ctx, c),
          added: Number(c.addedShortfall.toFixed(6)),
          personnel: Math.round(c.baselinePeakPersonnel),
        })),
      },
      mark: { type: 'bar', color: SHORT },
      encoding: {
        y: { field: 'loss', type: 'nominal', sort: '-x', title: null, axis: { labelLimit: 320 } },
        x: { field: 'added', type: 'quantitative', title: added },
        tooltip: [
          { field: 'loss', title: t('table.loss') },
          { field: 'added', title: added, format: '.1f' },
          { field: 'personnel', title: t('table.personnelLost'), format: ',' },
        ],
      },
    },
  );
}

/** Outcome at the horizon and ceasefire survival, per case (none without assurance). */
export function assuranceCharts(ctx: BriefContext): BriefChart[] {
  const { t, fmt } = ctx;
  const a = ctx.input.assurance;
  if (a === undefined || a.cases.length === 0) return [];
  const labels = a.cases.map((c) => caseLabel(ctx, c));
  const prose = a.cases.map((c) => caseInProse(ctx, c));
  const caseScale = { domain: labels, range: [...CASE_COLORS] };
  const outcomeValues = a.cases.flatMap((c: CaseResult, ci) =>
    Object.entries(c.outcomes).map(([o, prop], i) => ({
      case: labels[ci] ?? c.label,
      outcome: termName(ctx, o),
      order: i,
      p: prop.p,
      lo: prop.lo,
      hi: prop.hi,
    })),
  );
  const base = a.cases[0]!;
  const other = a.cases[1];
  const caseTitle = t('axis.case');
  const probability = t('axis.probability');
  const outcomesTitle =
    other === undefined
      ? t('chart.outcomes.title.one', { held: fmt.prob(heldOf(base).p), case: prose[0] ?? '' })
      : t('chart.outcomes.title', {
          held: fmt.prob(heldOf(base).p),
          case: prose[0] ?? '',
          other: fmt.prob(heldOf(other).p),
          otherCase: prose[1] ?? '',
        });
  const outcomes = chart(
    ctx,
    'outcomes',
    'assurance',
    outcomesTitle,
    t('chart.outcomes.description', { runs: fmt.count(a.runs) }),
    {
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
                title: probability,
                axis: { format: '.0%' },
                scale: { domain: [0, 1] },
              },
              color: { field: 'case', type: 'nominal', title: caseTitle, scale: caseScale },
              tooltip: [
                { field: 'case', title: caseTitle },
                { field: 'outcome', title: t('axis.outcome') },
                { field: 'p', title: probability, format: '.1%' },
                { field: 'lo', title: t('axis.lo'), format: '.1%' },
                { field: 'hi', title: t('axis.hi'), format: '.1%' },
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
  );
  const survivalValues = a.cases.flatMap((c, ci) =>
    c.survival.ceasefire.days.map((d, i) => ({
      case: labels[ci] ?? c.label,
      day: d,
      s: c.survival.ceasefire.survival[i] ?? null,
      lo: c.survival.ceasefire.lo[i] ?? null,
      hi: c.survival.ceasefire.hi[i] ?? null,
    })),
  );
  const holding = t('axis.stillHolding');
  const survival = chart(
    ctx,
    'survival',
    'assurance',
    t('chart.survival.title', {
      days: fmt.count(a.horizonDays),
      held: fmt.prob(heldOf(base).p),
      case: prose[0] ?? '',
    }),
    t('chart.survival.description'),
    {
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
              title: t('axis.days'),
              scale: { domain: [0, a.horizonDays] },
            },
            y: {
              field: 'lo',
              type: 'quantitative',
              title: holding,
              axis: { format: '.0%' },
              scale: { domain: [0, 1] },
            },
            y2: { field: 'hi' },
            color: { field: 'case', type: 'nominal', title: caseTitle, scale: caseScale },
          },
        },
        {
          mark: { type: 'line', strokeWidth: 2, interpolate: 'step-after' },
          encoding: {
            x: { field: 'day', type: 'quantitative' },
            y: { field: 's', type: 'quantitative' },
            color: { field: 'case', type: 'nominal' },
            tooltip: [
              { field: 'case', title: caseTitle },
              { field: 'day', title: t('axis.days') },
              { field: 's', title: holding, format: '.1%' },
            ],
          },
        },
      ],
    },
  );
  return [outcomes, survival];
}

/**
 * What the sensitivity analyses cost, one sentence each: the tornado's model-runs against its cap and its
 * rows by why they stopped ("Sensitivity: 502,000 model-runs (cap 5,300,000): 21 rows ranked, 6 tied at 2%
 * precision, 2 with no effect on failure."), and the same for Sobol indices when they were run.
 */
export function sensitivityCost(ctx: BriefContext): string[] {
  const { t, fmt } = ctx;
  const a = ctx.input.assurance;
  if (a === undefined) return [];
  const out: string[] = [];
  const tor = a.tornado;
  if (tor !== null) {
    const st = tor.stops;
    const parts = [
      st.separated > 0 ? t('cost.tornado.ranked', { n: st.separated }) : '',
      st.precise > 0
        ? t('cost.tornado.tied', { n: st.precise, precision: fmt.share(tor.rule.relativeHalfWidth) })
        : '',
      st.exact > 0 ? t('cost.tornado.exact', { n: st.exact }) : '',
      st.cap > 0 ? t('cost.tornado.cap', { n: st.cap, runs: fmt.count(tor.rule.maxRuns) }) : '',
    ].filter((x) => x !== '');
    out.push(
      t('cost.tornado', {
        spent: fmt.count(tor.modelRuns),
        cap: fmt.count(tor.fixedModelRuns),
        parts: fmt.list(parts),
      }),
    );
  }
  const so = a.sobol;
  if (so !== undefined && so !== null) {
    const parts = [
      so.stops.precise > 0
        ? t('cost.sobol.precise', { n: so.stops.precise, halfWidth: fmt.index(so.rule.halfWidth) })
        : '',
      so.stops.cap > 0 ? t('cost.sobol.cap', { n: so.stops.cap, runs: fmt.count(so.rule.maxRuns) }) : '',
    ].filter((x) => x !== '');
    out.push(
      t('cost.sobol', {
        spent: fmt.count(so.modelRuns),
        cap: fmt.count(so.fixedModelRuns),
        parts: fmt.list(parts),
      }),
    );
  }
  return out;
}

export function tornadoChart(ctx: BriefContext): BriefChart | undefined {
  const { t, fmt } = ctx;
  const a = ctx.input.assurance;
  if (a === undefined || a.cases.length === 0 || a.tornado === null) return undefined;
  const base = a.tornado.base.ceasefireFailed;
  // Rows that move the risk by at least 0.05 points (the findings' rule); the others are named in the caption.
  const rows = a.tornado.rows
    .filter((r) => !r.inert.includes('ceasefireFailed') && r.swing >= 0.0005)
    .slice(0, 12);
  const lead = rows[0];
  if (lead === undefined) return undefined;
  const low = t('series.low');
  const high = t('series.high');
  const risk = termName(ctx, 'ceasefireFailed');
  const axis = t('axis.failRisk');
  const leadLo = Math.min(lead.low.ceasefireFailed, lead.high.ceasefireFailed);
  const leadHi = Math.max(lead.low.ceasefireFailed, lead.high.ceasefireFailed);
  return chart(
    ctx,
    'tornado',
    'tornado',
    upperFirst(
      t('chart.tornado.title', {
        parameter: tornadoLabel(ctx, lead),
        lo: fmt.prob(leadLo),
        hi: fmt.prob(leadHi),
      }),
    ),
    [
      t('chart.tornado.description', {
        low: fmt.share(a.tornado.lowProbability),
        high: fmt.share(a.tornado.highProbability),
        base: fmt.prob(base),
        risk,
        n: a.tornado.rows.length - rows.length,
      }),
      ...sensitivityCost(ctx),
    ].join(' '),
    {
      width: 560,
      height: { step: 20 },
      layer: [
        {
          data: {
            values: rows.flatMap((r) => [
              {
                parameter: tornadoLabel(ctx, r),
                end: low,
                p: r.low.ceasefireFailed,
                value: r.lowValue,
                swing: r.swing,
              },
              {
                parameter: tornadoLabel(ctx, r),
                end: high,
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
                  axis: { labelLimit: 320 },
                },
                x: { field: 'p', type: 'quantitative', title: axis, axis: { format: '.0%' } },
                detail: { field: 'parameter' },
              },
            },
            {
              mark: { type: 'point', filled: true, size: 70 },
              encoding: {
                y: {
                  field: 'parameter',
                  type: 'nominal',
                  sort: { field: 'swing', order: 'descending' },
                  axis: { labelLimit: 320 },
                },
                x: { field: 'p', type: 'quantitative' },
                shape: {
                  field: 'end',
                  type: 'nominal',
                  title: t('axis.assumptionAt'),
                  scale: { domain: [low, high], range: ['triangle-left', 'triangle-right'] },
                },
                color: {
                  field: 'end',
                  type: 'nominal',
                  title: t('axis.assumptionAt'),
                  scale: { domain: [low, high], range: ['#009E73', SHORT] },
                },
                tooltip: [
                  { field: 'parameter', title: t('axis.parameter') },
                  { field: 'end', title: t('axis.assumptionAt') },
                  { field: 'value', title: t('axis.parameterValue'), format: ',.3~g' },
                  { field: 'p', title: axis, format: '.1%' },
                ],
              },
            },
          ],
        },
        {
          data: { values: [{ base, label: t('chart.tornado.base', { base: fmt.prob(base) }) }] },
          layer: [
            {
              mark: { type: 'rule', strokeDash: [4, 3], color: '#333' },
              encoding: { x: { field: 'base', type: 'quantitative' } },
            },
            {
              mark: { type: 'text', align: 'left', dx: 4, fontSize: 11, color: '#333', baseline: 'top' },
              encoding: {
                x: { field: 'base', type: 'quantitative' },
                y: { value: -14 },
                text: { field: 'label' },
              },
            },
          ],
        },
      ],
    },
  );
}
