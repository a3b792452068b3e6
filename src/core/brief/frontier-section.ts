/**
 * The briefing's lead: the deterrence frontier (docs/frontier.md) as a finding, a chart, a table and
 * notes, every text from the message catalogue in the briefing's language. `notes` keeps the frontier
 * module's own English sentences (`frontierFindings`, what `bulwark frontier` prints and the server
 * returns); the briefing shows `briefNotes`, the same answers from the catalogue.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Proportion } from '../assure/index.js';
import {
  frontierFindings,
  ownCase,
  scalePoints,
  type FrontierPoint,
  type FrontierReport,
} from '../frontier/index.js';
import { isMessageKey, translator, type Translate } from './catalogue.js';
import { chartConfig, VL } from './charts.js';
import type { BriefContext } from './context.js';
import { formatter, type Formatter } from './locale.js';
import type { ChartModel, Finding, Table } from './types.js';

export interface FrontierBrief {
  readonly finding: Finding;
  readonly chart: ChartModel;
  readonly table: Table;
  /** The frontier module's sentences (English, as `bulwark frontier` prints them). */
  readonly notes: readonly string[];
  /** The same answers from the catalogue, in the briefing's language. */
  readonly briefNotes: readonly string[];
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

/** What the frontier section needs of the briefing's context. */
export type FrontierText = Pick<BriefContext, 't' | 'fmt'>;

/** The English text context (the server's and the CLI's frontier). */
function englishText(): FrontierText {
  const fmt: Formatter = formatter('en');
  const t: Translate = translator('en', fmt);
  return { t, fmt };
}

/** A backstop case's name in the briefing's language (by its kind), else the frontier's label. */
export function frontierCaseLabel(x: FrontierText, c: { id: string; label: string }): string {
  const key = `backstop.${c.id}`;
  return isMessageKey(key) ? x.t(key) : c.label;
}

export function frontierBrief(
  r: FrontierReport,
  layout: FrontierChartLayout = {},
  text: FrontierText = englishText(),
): FrontierBrief {
  const { t, fmt } = text;
  const { width = 520, height = 300, compact = false } = layout;
  const own = ownCase(r);
  const ownLabel = frontierCaseLabel(text, own);
  const target = fmt.prob(r.target);
  const best = own.cheapest.point;
  const pledged = own.points.find((p) => p.kind === 'pledged');
  const worth = r.backstopWorth.find((w) => w.case === own.id);
  const minRuns = Math.min(...r.cases.map((c) => c.runs));
  const scaled = scalePoints(own);
  const largest = scaled[scaled.length - 1];
  const risk = (p: Proportion): string => fmt.probRange(p);
  const people = (n: number): string => fmt.personnel(n);
  const perYear = (usd: number): string => t('money.perYear', { money: fmt.money(usd) });
  const headline =
    best !== undefined
      ? t(own.cheapest.confident ? 'frontier.headline' : 'frontier.headline.estimate', {
          target,
          personnel: people(best.peakPersonnel),
          case: ownLabel,
        })
      : t('frontier.headline.none', { target, case: ownLabel });
  const parts: string[] = [];
  if (best !== undefined)
    parts.push(
      t(r.from === 'potential' ? 'frontier.cheapest.potential' : 'frontier.cheapest.pledges', {
        personnel: people(best.peakPersonnel),
        cost: perYear(best.costUsdPerYear),
        risk: risk(best.ceasefireFailed),
      }) + (own.cheapest.confident ? '' : ` ${t('frontier.onEstimate', { target })}`),
    );
  if (pledged !== undefined)
    parts.push(
      t(
        pledged.ceasefireFailed.hi <= r.target
          ? 'frontier.pledged.within'
          : pledged.ceasefireFailed.lo > r.target
            ? 'frontier.pledged.above'
            : 'frontier.pledged.at',
        { personnel: people(pledged.peakPersonnel), risk: risk(pledged.ceasefireFailed) },
      ),
    );
  if (worth !== undefined)
    parts.push(
      worth.equivalent !== undefined && worth.extraPersonnel !== null
        ? t('frontier.worth', { personnel: people(Math.max(0, worth.extraPersonnel)) })
        : t('frontier.worth.none', {
            largest: people(largestWithout(r, worth.without)),
            lowest: fmt.prob(worth.lowestWithout.ceasefireFailed.p),
          }),
    );
  parts.push(t('frontier.caveat'));
  const finding: Finding = { id: 'frontier', headline, text: parts.join(' '), link: '#frontier' };

  const values = r.cases.flatMap((c) =>
    [...scalePoints(c), ...c.points.filter((p) => p.kind === 'refine')]
      .sort((a, b) => a.costUsdPerYear - b.costUsdPerYear)
      .map((p) => ({
        case: frontierCaseLabel(text, c),
        cost: p.costUsdPerYear / 1e9,
        personnel: p.peakPersonnel,
        p: p.ceasefireFailed.p,
        lo: p.ceasefireFailed.lo,
        hi: p.ceasefireFailed.hi,
        label: p.label,
      })),
  );
  const pledgedLabel = t('frontier.mark.pledged');
  const optionLabel = t('frontier.mark.option');
  const marks = own.points
    .filter((p) => p.kind === 'pledged' || p.kind === 'option')
    .map((p) => ({
      cost: p.costUsdPerYear / 1e9,
      p: p.ceasefireFailed.p,
      personnel: p.peakPersonnel,
      label: p.kind === 'pledged' ? pledgedLabel : p.label.replace(/ \(.*\)$/, ''),
      kind: p.kind === 'pledged' ? pledgedLabel : optionLabel,
    }));
  const title =
    best !== undefined
      ? t(own.cheapest.confident ? 'chart.frontier.title' : 'chart.frontier.title.estimate', {
          target,
          personnel: people(best.peakPersonnel),
          cost: perYear(best.costUsdPerYear),
          case: ownLabel,
        })
      : t('chart.frontier.title.none', { target });
  const failAxis = t('axis.failRisk');
  const costAxis = t('axis.costBnPerYear');
  const targetLabel = t('frontier.target', { target });
  const spec = {
    $schema: VL,
    ...(!compact ? { title: { text: title, subtitle: t('chart.frontier.subtitle') } } : {}),
    description: t('chart.frontier.spec'),
    config: compact
      ? { ...chartConfig(text), legend: { orient: 'bottom', direction: 'vertical', labelLimit: 400 } }
      : chartConfig(text),
    width,
    height,
    layer: [
      {
        data: { values },
        mark: { type: 'errorband', opacity: 0.2 },
        encoding: {
          x: { field: 'cost', type: 'quantitative', title: costAxis },
          y: { field: 'lo', type: 'quantitative', title: failAxis, axis: { format: '.0%' } },
          y2: { field: 'hi' },
          color: {
            field: 'case',
            type: 'nominal',
            title: t('axis.backstopCase'),
            legend: { labelLimit: 320 },
          },
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
            { field: 'case', title: t('axis.backstopCase') },
            { field: 'label', title: t('axis.force') },
            { field: 'personnel', title: t('axis.personnelDeployed'), format: ',.0f' },
            { field: 'cost', title: costAxis, format: '.2f' },
            { field: 'p', title: failAxis, format: '.1%' },
            { field: 'lo', title: t('axis.lo'), format: '.1%' },
            { field: 'hi', title: t('axis.hi'), format: '.1%' },
          ],
        },
      },
      {
        data: { values: marks },
        mark: { type: 'point', filled: true, size: 90, color: '#000' },
        encoding: {
          x: { field: 'cost', type: 'quantitative' },
          y: { field: 'p', type: 'quantitative' },
          shape: { field: compact ? 'label' : 'kind', type: 'nominal', title: t('axis.marked') },
          tooltip: [
            { field: 'label', title: t('axis.force') },
            { field: 'personnel', title: t('axis.personnelDeployed'), format: ',.0f' },
            { field: 'p', title: failAxis, format: '.1%' },
          ],
        },
      },
      ...(compact
        ? []
        : [
            {
              data: { values: marks },
              mark: { type: 'text', align: 'left', dx: 7, dy: -7, fontSize: 11 },
              encoding: {
                x: { field: 'cost', type: 'quantitative' },
                y: { field: 'p', type: 'quantitative' },
                text: { field: 'label' },
              },
            },
          ]),
      {
        data: { values: [{ target: r.target, label: targetLabel }] },
        mark: { type: 'rule', strokeDash: [4, 4], color: '#555' },
        encoding: { y: { field: 'target', type: 'quantitative' } },
      },
      {
        data: { values: [{ target: r.target, label: targetLabel }] },
        mark: { type: 'text', align: 'right', dy: -6, fontSize: 11, color: '#555' },
        encoding: {
          y: { field: 'target', type: 'quantitative' },
          x: { value: width },
          text: { field: 'label' },
        },
      },
    ],
  } as TopLevelSpec;
  const chart: ChartModel = {
    id: 'frontier',
    section: 'frontier',
    title,
    description: t('chart.frontier.description', {
      cases: r.cases.map((c) => frontierCaseLabel(text, c)).join(t('punct.semicolon')),
      target,
    }),
    spec,
  };
  const table: Table = {
    id: 'frontier-table',
    caption: t('table.frontier.caption', {
      runs: fmt.count(minRuns),
      seed: String(r.seed),
      largest: largest === undefined ? '—' : people(largest.peakPersonnel),
    }),
    header: [
      t('axis.backstopCase'),
      t('table.frontier.cheapest', { target }),
      t('table.personnel'),
      t('table.costPerYear'),
      t('table.frontier.risk'),
      t('table.frontier.asStated'),
    ],
    rows: r.cases.map((c) => {
      const b = c.cheapest.point;
      const one = c.points.find((p) => p.scale === 1 && p.kind === 'scale');
      return [
        frontierCaseLabel(text, c),
        b === undefined ? t('table.frontier.noneMeets') : pointLabel(text, b),
        b === undefined ? '—' : people(b.peakPersonnel),
        b === undefined ? '—' : fmt.money(b.costUsdPerYear),
        b === undefined ? risk(c.cheapest.lowest.ceasefireFailed) : risk(b.ceasefireFailed),
        one === undefined ? '—' : risk(one.ceasefireFailed),
      ];
    }),
    numeric: [2, 3],
  };
  return { finding, chart, table, notes: frontierFindings(r), briefNotes: frontierNotes(text, r) };
}

/** A point's name: a scale of the requirements by its factor, else its label (an option's name). */
function pointLabel(x: FrontierText, p: FrontierPoint): string {
  if ((p.kind === 'scale' || p.kind === 'refine') && p.scale !== null)
    return x.t('frontier.scale', { scale: x.fmt.share(p.scale) });
  if (p.kind === 'none') return x.t('frontier.noForce');
  return p.label;
}

/** Personnel of the largest scaled force tried in a case. */
function largestWithout(r: FrontierReport, caseId: string): number {
  const c = r.cases.find((x) => x.id === caseId);
  return c === undefined ? 0 : Math.max(0, ...scalePoints(c).map((p) => p.peakPersonnel));
}

/** The frontier's answers, one sentence each, in the briefing's language. */
function frontierNotes(x: FrontierText, r: FrontierReport): string[] {
  const { t, fmt } = x;
  const out: string[] = [];
  const target = fmt.prob(r.target);
  const own = ownCase(r);
  const force = (p: FrontierPoint): string =>
    p.peakPersonnel === 0
      ? t('frontier.noForce')
      : t('frontier.force', {
          personnel: fmt.personnel(p.peakPersonnel),
          cost: t('money.perYear', { money: fmt.money(p.costUsdPerYear) }),
        });
  const sp = scalePoints(own);
  const none = sp[0];
  const asStated = sp.find((p) => p.scale === 1);
  const last = sp[sp.length - 1];
  if (none !== undefined && asStated !== undefined && last !== undefined)
    out.push(
      t('frontier.note.buys', {
        case: frontierCaseLabel(x, own),
        none: fmt.probRange(none.ceasefireFailed),
        stated: fmt.probRange(asStated.ceasefireFailed),
        force: force(asStated),
      }) +
        ' ' +
        (last.peakPersonnel > asStated.peakPersonnel + 100
          ? t('frontier.note.largest', { force: force(last), risk: fmt.probRange(last.ceasefireFailed) })
          : t('frontier.note.noLarger')),
    );
  for (const c of r.cases) {
    const ch = c.cheapest;
    out.push(
      ch.found && ch.point !== undefined
        ? t('frontier.note.cheapest', {
            target,
            case: frontierCaseLabel(x, c),
            force: force(ch.point),
            risk: fmt.probRange(ch.point.ceasefireFailed),
          }) + (ch.confident ? '' : ` ${t('frontier.onEstimate', { target })}`)
        : t('frontier.note.noneMeets', {
            target,
            case: frontierCaseLabel(x, c),
            risk: fmt.probRange(ch.lowest.ceasefireFailed),
            force: force(ch.lowest),
          }),
    );
  }
  for (const w of r.backstopWorth) {
    const c = r.cases.find((k) => k.id === w.case);
    const label = c === undefined ? w.case : frontierCaseLabel(x, c);
    out.push(
      w.equivalent !== undefined && w.extraPersonnel !== null && w.extraCostUsdPerYear !== null
        ? t('frontier.note.worth', {
            case: label,
            risk: fmt.prob(w.reference.ceasefireFailed.p),
            force: force(w.equivalent),
            personnel: fmt.personnel(Math.max(0, w.extraPersonnel)),
            cost: t('money.perYear', { money: fmt.money(Math.max(0, w.extraCostUsdPerYear)) }),
          })
        : t('frontier.note.worth.none', {
            case: label,
            risk: fmt.prob(w.reference.ceasefireFailed.p),
            lowest: fmt.probRange(w.lowestWithout.ceasefireFailed),
            force: force(w.lowestWithout),
          }),
    );
  }
  return out;
}
