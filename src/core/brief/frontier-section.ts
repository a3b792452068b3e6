/**
 * The briefing's lead: the deterrence frontier (docs/frontier.md) as a finding, a chart and a table.
 * Its sentences are the frontier module's own (`frontierFindings`), so the CLI and the briefing agree.
 */
import type { TopLevelSpec } from 'vega-lite';
import {
  costText,
  frontierFindings,
  ownCase,
  personnelText,
  riskText,
  scalePoints,
  type FrontierReport,
} from '../frontier/index.js';
import type { ChartModel, Finding, Table } from './briefing.js';

const VL = 'https://vega.github.io/schema/vega-lite/v6.json';
const FONT = { font: 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif' } as const;
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

export interface FrontierBrief {
  readonly finding: Finding;
  readonly chart: ChartModel;
  readonly table: Table;
  /** The frontier's sentences, for the section's notes. */
  readonly notes: readonly string[];
}

/** Personnel of the largest scaled force tried in a case. */
function largestWithout(r: FrontierReport, caseId: string): number {
  const c = r.cases.find((x) => x.id === caseId);
  return c === undefined ? 0 : Math.max(0, ...scalePoints(c).map((p) => p.peakPersonnel));
}

/**
 * How the chart is laid out: the briefing's (520 × 300 px plot, title inside, legend on the right), or a
 * compact one for phones: no title (the page shows it as text, where it wraps), the legend below, and the
 * marked forces told apart by shape in the legend rather than named beside their points (where neighbours
 * would overprint).
 */
export interface FrontierChartLayout {
  /** Plot width in px (default 520). */
  readonly width?: number;
  /** Plot height in px (default 300). */
  readonly height?: number;
  readonly compact?: boolean;
}

export function frontierBrief(r: FrontierReport, layout: FrontierChartLayout = {}): FrontierBrief {
  const { width = 520, height = 300, compact = false } = layout;
  const own = ownCase(r);
  const target = pct(r.target);
  const sentences = frontierFindings(r);
  const best = own.cheapest.point;
  const pledged = own.points.find((p) => p.kind === 'pledged');
  const worth = r.backstopWorth.find((w) => w.case === own.id);
  const sourced = r.from === 'potential' ? 'from committable inventories' : 'from the pledges';
  const minRuns = Math.min(...r.cases.map((c) => c.runs));
  const scaled = scalePoints(own);
  const largest = scaled[scaled.length - 1];
  const headline =
    best !== undefined
      ? `The cheapest force keeping the risk of failure at or below ${target}${own.cheapest.confident ? '' : ' (on the estimate)'}: ${personnelText(best.peakPersonnel)} personnel (${own.label})`
      : `No force tried keeps the risk of failure at or below ${target} (${own.label})`;
  const parts: string[] = [];
  if (best !== undefined)
    parts.push(
      `Sourced at least cost ${sourced}, ${personnelText(best.peakPersonnel)} personnel at peak (${costText(best.costUsdPerYear)}) keep the chance that the ceasefire fails within the horizon at ${riskText(best.ceasefireFailed)}${own.cheapest.confident ? '' : `: the interval reaches above ${target}, so the target is met on the estimate, not with 95% confidence`}.`,
    );
  if (pledged !== undefined)
    parts.push(
      `The pledged force, ${personnelText(pledged.peakPersonnel)} personnel, gives ${riskText(pledged.ceasefireFailed)}: ${
        pledged.ceasefireFailed.hi <= r.target
          ? 'within the target'
          : pledged.ceasefireFailed.lo > r.target
            ? 'above the target'
            : "at the target within the runs' precision"
      }.`,
    );
  if (worth !== undefined)
    parts.push(
      worth.equivalent !== undefined && worth.extraPersonnel !== null
        ? `Without the backstop, the same risk as the requirements as stated takes ${personnelText(Math.max(0, worth.extraPersonnel))} more personnel (point estimates).`
        : `Without the backstop, no force tried (up to ${personnelText(largestWithout(r, worth.without))} personnel) matches the risk the requirements as stated give with it: the lowest is ${pct(worth.lowestWithout.ceasefireFailed.p)}.`,
    );
  parts.push(
    "The model counts each contributing nation's whole retaliation from its first soldier, so these forces are spread over many nations; the what-if retaliation-by-stake changes the answer (docs/frontier.md §5–6).",
  );
  const finding: Finding = { id: 'frontier', headline, text: parts.join(' '), link: '#frontier' };

  // Chart: one line per backstop case over its scale family (refinements included), the pledged force
  // and the named options as marked points, the target as a rule.
  const values = r.cases.flatMap((c) =>
    [...scalePoints(c), ...c.points.filter((p) => p.kind === 'refine')]
      .sort((a, b) => a.costUsdPerYear - b.costUsdPerYear)
      .map((p) => ({
        case: c.label,
        cost: p.costUsdPerYear / 1e9,
        personnel: p.peakPersonnel,
        p: p.ceasefireFailed.p,
        lo: p.ceasefireFailed.lo,
        hi: p.ceasefireFailed.hi,
        label: p.label,
      })),
  );
  const marks = own.points
    .filter((p) => p.kind === 'pledged' || p.kind === 'option')
    .map((p) => ({
      cost: p.costUsdPerYear / 1e9,
      p: p.ceasefireFailed.p,
      personnel: p.peakPersonnel,
      label: p.kind === 'pledged' ? 'pledged force' : p.label.replace(/ \(.*\)$/, ''),
      kind: p.kind === 'pledged' ? 'pledged force' : 'named option',
    }));
  const title =
    best !== undefined
      ? `At ≤ ${target}${own.cheapest.confident ? '' : ' (estimate)'}: ${personnelText(best.peakPersonnel)} personnel, ${costText(best.costUsdPerYear)} (${own.label})`
      : `No force tried reaches ≤ ${target}`;
  const spec: TopLevelSpec = {
    $schema: VL,
    ...(!compact
      ? {
          title: {
            text: title,
            subtitle: 'P(the ceasefire fails within the horizon) against the cost of the force',
          },
        }
      : {}),
    description:
      'Lines: forces sourced at least cost for scaled requirements, per backstop case; bands: 95% intervals.',
    config: compact
      ? { ...FONT, legend: { orient: 'bottom', direction: 'vertical', labelLimit: 400 } }
      : FONT,
    width,
    height,
    layer: [
      {
        data: { values },
        mark: { type: 'errorband', opacity: 0.2 },
        encoding: {
          x: { field: 'cost', type: 'quantitative', title: 'cost of the force (US$ bn a year)' },
          y: { field: 'lo', type: 'quantitative', title: 'P(ceasefire fails)', axis: { format: '%' } },
          y2: { field: 'hi' },
          color: { field: 'case', type: 'nominal', title: 'backstop case', legend: { labelLimit: 320 } },
        },
      },
      {
        data: { values },
        mark: { type: 'line', point: true },
        encoding: {
          x: { field: 'cost', type: 'quantitative' },
          y: { field: 'p', type: 'quantitative' },
          color: { field: 'case', type: 'nominal' },
          tooltip: [
            { field: 'case' },
            { field: 'label', title: 'force' },
            { field: 'personnel', format: ',.0f' },
            { field: 'cost', title: 'US$ bn a year', format: '.2f' },
            { field: 'p', title: 'P(fail)', format: '.1%' },
            { field: 'lo', format: '.1%' },
            { field: 'hi', format: '.1%' },
          ],
        },
      },
      {
        data: { values: marks },
        mark: { type: 'point', filled: true, size: 90, color: '#000' },
        encoding: {
          x: { field: 'cost', type: 'quantitative' },
          y: { field: 'p', type: 'quantitative' },
          shape: { field: compact ? 'label' : 'kind', type: 'nominal', title: 'marked' },
          tooltip: [
            { field: 'label' },
            { field: 'personnel', format: ',.0f' },
            { field: 'p', format: '.1%' },
          ],
        },
      },
      ...(compact
        ? []
        : [
            {
              data: { values: marks },
              mark: { type: 'text' as const, align: 'left' as const, dx: 7, dy: -7, fontSize: 11 },
              encoding: {
                x: { field: 'cost', type: 'quantitative' as const },
                y: { field: 'p', type: 'quantitative' as const },
                text: { field: 'label' },
              },
            },
          ]),
      {
        data: { values: [{ target: r.target, label: `target ${target}` }] },
        mark: { type: 'rule', strokeDash: [4, 4], color: '#555' },
        encoding: { y: { field: 'target', type: 'quantitative' } },
      },
      {
        data: { values: [{ target: r.target, label: `target ${target}` }] },
        mark: { type: 'text', align: 'right', dy: -6, fontSize: 11, color: '#555' },
        encoding: {
          y: { field: 'target', type: 'quantitative' },
          x: { value: width },
          text: { field: 'label' },
        },
      },
    ],
  };
  const chart: ChartModel = {
    id: 'frontier',
    section: 'frontier',
    title,
    description: `The chance the ceasefire fails within the horizon against the cost of the force, for forces sourced at least cost from scaled requirements (${r.cases.map((c) => c.label).join('; ')}); the pledged force and the named options are marked; the dashed line is the ${target} target.`,
    spec,
  };
  const table: Table = {
    id: 'frontier-table',
    caption: `Answers of the frontier (${minRuns.toLocaleString('en-GB')} or more runs per point, seed ${r.seed}; largest force tried ${largest === undefined ? '—' : personnelText(largest.peakPersonnel)} personnel)`,
    header: [
      'backstop case',
      `cheapest force at ≤ ${target}`,
      'personnel',
      'US$ bn a year',
      'P(fail) (95%)',
      'the requirements as stated',
    ],
    rows: r.cases.map((c) => {
      const b = c.cheapest.point;
      const one = c.points.find((p) => p.scale === 1 && p.kind === 'scale');
      return [
        c.label,
        b === undefined ? 'none tried meets it' : b.label,
        b === undefined ? '—' : personnelText(b.peakPersonnel),
        b === undefined ? '—' : (b.costUsdPerYear / 1e9).toFixed(2),
        b === undefined ? riskText(c.cheapest.lowest.ceasefireFailed) : riskText(b.ceasefireFailed),
        one === undefined ? '—' : riskText(one.ceasefireFailed),
      ];
    }),
    numeric: [2, 3],
  };
  return { finding, chart, table, notes: sentences };
}
