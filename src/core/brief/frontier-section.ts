/**
 * The briefing's lead: the deterrence frontier (docs/frontier.md) as a finding, a chart, a table and
 * notes, every text from the message catalogue in the briefing's language. The notes are the one home of
 * the frontier's sentences: the briefing, `bulwark frontier` and the server all show `frontierNotes`.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Proportion } from '../assure/index.js';
import {
  cheapestAtRisk,
  ownCase,
  scalePoints,
  type FrontierPoint,
  type FrontierReport,
} from '../frontier/index.js';
import { isMessageKey, translator, type Translate } from './catalogue.js';
import { chartConfig, VL } from './charts.js';
import type { BriefContext } from './context.js';
import { formatter, type Formatter, type LocaleId } from './locale.js';
import type { BriefChart, Finding, Table } from './types.js';

export interface FrontierBrief {
  readonly finding: Finding;
  readonly chart: BriefChart;
  readonly table: Table;
  /** The answers in words (`frontierNotes`), in the text's language. */
  readonly notes: readonly string[];
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
export type FrontierText = Pick<BriefContext, 't' | 'fmt'> &
  Partial<Pick<BriefContext, 'missionName' | 'variantName'>>;

/** The text context of a language (the server's frontier is English; the CLI's follows --lang). */
export function frontierText(lang: LocaleId = 'en'): FrontierText {
  const fmt: Formatter = formatter(lang);
  const t: Translate = translator(lang, fmt);
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
  text: FrontierText = frontierText(),
  /**
   * The assurance's estimate for the frontier's pledged force (the same force at the same seed, the
   * briefing's base case), quoted instead of the frontier's own when it rests on more runs.
   */
  pledgedRisk?: Proportion,
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
  if (pledged !== undefined) {
    // The assurance's estimate of the same force when it rests on more runs than the frontier's point.
    const assured =
      pledgedRisk !== undefined && pledgedRisk.n > pledged.ceasefireFailed.n ? pledgedRisk : undefined;
    const said = assured ?? pledged.ceasefireFailed;
    parts.push(
      t(
        said.hi <= r.target
          ? 'frontier.pledged.within'
          : said.lo > r.target
            ? 'frontier.pledged.above'
            : 'frontier.pledged.at',
        { personnel: people(pledged.peakPersonnel), risk: risk(said) },
      ) +
        (assured === undefined
          ? ''
          : ` ${t('frontier.pledged.assured', { runs: fmt.count(assured.n), fewer: fmt.count(pledged.ceasefireFailed.n) })}`),
    );
  }
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
        label: frontierPointLabel(text, p),
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
      label: p.kind === 'pledged' ? pledgedLabel : frontierPointLabel(text, p).replace(/ \(.*\)$/, ''),
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
  const chart: BriefChart = {
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
        b === undefined ? t('table.frontier.noneMeets') : frontierPointLabel(text, b),
        b === undefined ? '—' : people(b.peakPersonnel),
        b === undefined ? '—' : fmt.money(b.costUsdPerYear),
        b === undefined ? risk(c.cheapest.lowest.ceasefireFailed) : risk(b.ceasefireFailed),
        one === undefined ? '—' : risk(one.ceasefireFailed),
      ];
    }),
    numeric: [2, 3],
  };
  return { finding, chart, table, notes: frontierNotes(r, text) };
}

/**
 * A point's name in the text's language: a scale of the requirements by its factor, no force, the pledged
 * force, a mission's increment, a named option (its variant's name in the language); else its label.
 */
export function frontierPointLabel(x: FrontierText, p: FrontierPoint): string {
  if ((p.kind === 'scale' || p.kind === 'refine') && p.scale !== null)
    return x.t('frontier.scale', { scale: x.fmt.share(p.scale) });
  if (p.kind === 'none') return x.t('frontier.noForce');
  if (p.kind === 'pledged') return x.t('frontier.mark.pledged');
  if (p.kind === 'mission' && p.mission !== undefined && p.scale !== null)
    return x.t('frontier.point.mission', {
      mission: (x.missionName ?? ((id: string) => id))(p.mission),
      step: x.fmt.share(p.scale - 1),
    });
  const variant = p.kind === 'option' ? x.variantName?.(p.id.replace(/^option:/, '')) : undefined;
  return variant ?? p.label;
}

/** Personnel of the largest scaled force tried in a case. */
function largestWithout(r: FrontierReport, caseId: string): number {
  const c = r.cases.find((x) => x.id === caseId);
  return c === undefined ? 0 : Math.max(0, ...scalePoints(c).map((p) => p.peakPersonnel));
}

/**
 * The frontier's answers, one sentence per question (docs/frontier.md), in the text's language: what
 * force buys, the cheapest force per backstop case, the pledged force, what the backstop is worth, which
 * mission's increment buys most, and the frontier against cautious, typical and bold adversaries. The one
 * home of these sentences: the briefing shows them, `bulwark frontier` prints them and the server returns
 * them (`FrontierBrief.notes`).
 */
export function frontierNotes(r: FrontierReport, x: FrontierText = frontierText()): string[] {
  const { t, fmt } = x;
  const missionName = x.missionName ?? ((id: string) => id);
  const out: string[] = [];
  const target = fmt.prob(r.target);
  const own = ownCase(r);
  const ownLabel = frontierCaseLabel(x, own);
  const perYear = (usd: number): string => t('money.perYear', { money: fmt.money(usd) });
  const force = (p: FrontierPoint): string =>
    p.peakPersonnel === 0
      ? t('frontier.noForce')
      : t('frontier.force', { personnel: fmt.personnel(p.peakPersonnel), cost: perYear(p.costUsdPerYear) });
  const personnel = (p: FrontierPoint): string =>
    p.peakPersonnel === 0
      ? t('frontier.noForce')
      : t('frontier.personnel', { personnel: fmt.personnel(p.peakPersonnel) });
  const range = (rg: { readonly above?: FrontierPoint; readonly below?: FrontierPoint }): string =>
    rg.below === undefined
      ? ''
      : ` ${
          rg.above === undefined
            ? t('frontier.note.range.below', { below: personnel(rg.below) })
            : t('frontier.note.range.between', { above: personnel(rg.above), below: personnel(rg.below) })
        }`;
  const sp = scalePoints(own);
  const none = sp[0];
  const asStated = sp.find((p) => p.scale === 1);
  const last = sp[sp.length - 1];
  if (none !== undefined && asStated !== undefined && last !== undefined)
    out.push(
      t('frontier.note.buys', {
        case: ownLabel,
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
          }) +
            (ch.confident ? '' : ` ${t('frontier.onEstimate', { target })}`) +
            range(ch.range)
        : t('frontier.note.noneMeets', {
            target,
            case: frontierCaseLabel(x, c),
            risk: fmt.probRange(ch.lowest.ceasefireFailed),
            force: force(ch.lowest),
          }),
    );
  }
  const pledged = own.points.find((p) => p.kind === 'pledged');
  if (pledged !== undefined) {
    const eq = cheapestAtRisk(own, pledged.ceasefireFailed.p);
    const what = (p: FrontierPoint): string =>
      p.kind === 'option'
        ? t('frontier.what.option', { name: frontierPointLabel(x, p) })
        : p.kind === 'mission'
          ? t('frontier.what.mission', { name: frontierPointLabel(x, p) })
          : t('frontier.what.scaled');
    out.push(
      `${t('frontier.note.pledged', {
        n: pledged.nations,
        force: force(pledged),
        case: ownLabel,
        risk: fmt.probRange(pledged.ceasefireFailed),
      })} ${
        pledged.efficient
          ? t('frontier.note.pledged.efficient')
          : eq !== undefined && eq.costUsdPerYear < pledged.costUsdPerYear
            ? t('frontier.note.pledged.cheaper', { what: what(eq), force: force(eq), n: eq.nations })
            : t('frontier.note.pledged.safer')
      }`,
    );
  }
  for (const w of r.backstopWorth) {
    const c = r.cases.find((k) => k.id === w.case);
    const label = c === undefined ? w.case : frontierCaseLabel(x, c);
    const risk = fmt.prob(w.reference.ceasefireFailed.p);
    out.push(
      w.equivalent !== undefined && w.extraPersonnel !== null && w.extraCostUsdPerYear !== null
        ? (w.extraPersonnel >= 0
            ? t('frontier.note.worth', {
                case: label,
                risk,
                force: force(w.equivalent),
                personnel: fmt.personnel(w.extraPersonnel),
                cost: perYear(Math.max(0, w.extraCostUsdPerYear)),
              })
            : t('frontier.note.worth.noMore', { case: label, risk, force: force(w.equivalent) })) +
            range(w.range)
        : t('frontier.note.worth.none', {
            case: label,
            risk,
            lowest: fmt.probRange(w.lowestWithout.ceasefireFailed),
            force: force(w.lowestWithout),
          }),
    );
  }
  const all = r.missions.filter((m) => m.case === own.id);
  const mv = all
    .filter((m) => m.pointsPerBillion !== null)
    .sort((a, b) => (b.pointsPerBillion ?? 0) - (a.pointsPerBillion ?? 0));
  if (all.length > 0 && mv.length === 0)
    out.push(t('frontier.note.increments.unsourceable', { case: ownLabel }));
  if (mv.length > 0) {
    const names = (ms: readonly { mission: string }[]): string =>
      fmt.list(ms.map((m) => missionName(m.mission)));
    const lowers = mv.filter((m) => m.ceasefireFailed.hi < 0);
    const raises = mv.filter((m) => m.ceasefireFailed.lo > 0);
    const level = mv.filter((m) => !(m.ceasefireFailed.hi < 0) && !(m.ceasefireFailed.lo > 0));
    const unsourced = all.filter((m) => m.pointsPerBillion === null);
    const parts = [
      lowers.length === 0
        ? t('frontier.note.increment.noneLowers')
        : lowers
            .map((m) =>
              t('frontier.note.increment.lowers', {
                mission: missionName(m.mission),
                points: fmt.pointsSize(m.ceasefireFailed.difference),
                cost: perYear(m.addedCostUsdPerYear),
                perBn: fmt.decimal(m.pointsPerBillion ?? 0),
              }),
            )
            .join(t('punct.semicolon')),
      ...(raises.length === 0
        ? []
        : [t('frontier.note.increment.raise', { n: raises.length, missions: names(raises) })]),
      ...(level.length === 0 ? [] : [t('frontier.note.increment.noChange', { missions: names(level) })]),
      ...(unsourced.length === 0
        ? []
        : [t('frontier.note.increment.unsourced', { missions: names(unsourced) })]),
    ];
    out.push(
      t('frontier.note.increments', {
        case: ownLabel,
        factor: fmt.share(mv[0]!.factor - 1),
        parts: parts.join(t('punct.semicolon')),
      }),
    );
  }
  const rob = r.robustness;
  if (rob !== null) {
    const rc = r.cases.find((c) => c.id === rob.case);
    const fam = rc === undefined ? [] : scalePoints(rc);
    const [lo, mid, hi] = rob.levels;
    const at = (l: (typeof rob.levels)[number]): string => {
      if (l.cheapestScale === null)
        return t('frontier.note.robust.beyond', {
          lowest: fmt.prob(Math.min(...l.points.map((p) => p.ceasefireFailed.p))),
        });
      const p = fam.find((q) => q.scale === l.cheapestScale);
      return p === undefined
        ? t('frontier.scale', { scale: fmt.share(l.cheapestScale) })
        : p.peakPersonnel === 0
          ? t('frontier.note.robust.noForce')
          : force(p);
    };
    if (lo !== undefined && mid !== undefined && hi !== undefined)
      out.push(
        t('frontier.note.robust', {
          case: rc === undefined ? rob.case : frontierCaseLabel(x, rc),
          target,
          cautious: at(lo),
          typical: at(mid),
          bold: at(hi),
        }),
      );
  }
  return out;
}
