/**
 * The briefing's charts as Vega-Lite specifications (rendered to SVG by the edge), all in one theme:
 * the font, the Okabe–Ito colours for cases and the accent colours for required and sourced.
 */
import type { CaseResult } from '../assure/index.js';
import { OUTCOME_TERMS } from '../assure/index.js';
import type { BriefContext } from './context.js';
import type { ForceFacts } from './facts.js';
import { pct } from './format.js';
import type { ChartModel, CredibilityBrief } from './types.js';

/** The theme every chart shares. */
export const VL = 'https://vega.github.io/schema/vega-lite/v6.json';
export const FONT = { font: 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif' } as const;
/** Cases keep their order and colour in every chart: the base first, in blue (Okabe–Ito). */
export const CASE_COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00'] as const;

export function credibilityChart(g: CredibilityBrief): ChartModel {
  return {
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
  };
}

export function coverageChart(ctx: BriefContext, f: ForceFacts): ChartModel {
  const p = ctx.input.plan;
  const { coveredPeriods, requirementPeriods: requiredPeriods } = f;
  const reqOrder = new Map<string, number>();
  for (const c of p.coverage) {
    const key = `${c.mission}/${c.capability}`;
    if (!reqOrder.has(key)) reqOrder.set(key, reqOrder.size);
  }
  const coverageValues = p.coverage.flatMap((c) => {
    const label = `${ctx.missionName(c.mission)}: ${ctx.capName(c.capability)}`;
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
  return {
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
  };
}

export function fairnessChart(ctx: BriefContext): ChartModel {
  const { name } = ctx;
  const fair = ctx.input.plan.fairShare;
  const fairRows = fair.rows.filter((r) => r.burdenShare > 0.002 || r.fairShare > 0.01);
  return {
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
  };
}

export function calendarChart(ctx: BriefContext): ChartModel {
  const p = ctx.input.plan;
  const periodLabel = (t: number): string => p.periods.find((x) => x.index === t)?.label ?? `P${t}`;
  const calendarValues = p.personnel
    .filter((r) => r.deployed > 0)
    .map((r) => ({
      nation: r.nation,
      period: periodLabel(r.period),
      order: r.period,
      deployed: Math.round(r.deployed),
      tiedUp: Math.round(r.tiedUp),
    }));
  return {
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
  };
}

export function resilienceChart(ctx: BriefContext): ChartModel | undefined {
  const { name } = ctx;
  if (ctx.input.resilience === undefined) return undefined;
  const cases = ctx.input.resilience.cases.slice(0, 15);
  return {
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
  };
}

/** Outcome at the horizon and ceasefire survival, per case (none without assurance). */
export function assuranceCharts(ctx: BriefContext): ChartModel[] {
  const a = ctx.input.assurance;
  if (a === undefined || a.cases.length === 0) return [];
  const outcomeNames: Record<string, string> = Object.fromEntries(
    Object.entries(OUTCOME_TERMS).map(([k, t]) => [k, t.name]),
  );
  const caseScale = { domain: a.cases.map((c) => c.label), range: [...CASE_COLORS] };
  const outcomeValues = a.cases.flatMap((c: CaseResult) =>
    Object.entries(c.outcomes).map(([o, prop], i) => ({
      case: c.label,
      outcome: outcomeNames[o] ?? o,
      order: i,
      p: prop.p,
      lo: prop.lo,
      hi: prop.hi,
    })),
  );
  const survivalValues = a.cases.flatMap((c) =>
    c.survival.ceasefire.days.map((d, i) => ({
      case: c.label,
      day: d,
      s: c.survival.ceasefire.survival[i] ?? null,
      lo: c.survival.ceasefire.lo[i] ?? null,
      hi: c.survival.ceasefire.hi[i] ?? null,
    })),
  );
  return [
    {
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
    },
    {
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
    },
  ];
}

export function tornadoChart(ctx: BriefContext): ChartModel | undefined {
  const a = ctx.input.assurance;
  if (a === undefined || a.cases.length === 0 || a.tornado === null || a.tornado.rows.length === 0)
    return undefined;
  const base = a.tornado.base.ceasefireFailed;
  const rows = a.tornado.rows.filter((r) => !r.inert.includes('ceasefireFailed')).slice(0, 12);
  return {
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
  };
}
