/**
 * The findings: one headline and a few sentences per question, each from the figures in `facts.ts` or
 * the results passed in, every word from the message catalogue and every number from the formatter, each
 * linking to the section with the table or chart behind it.
 */
import type { CaseResult } from '../assure/index.js';
import type { ShortfallCause } from '../plan/index.js';
import { weakestComponent, type OptionComparison, type RangeShare } from '../scenario/index.js';
import { isMessageKey, type MessageKey } from './catalogue.js';
import type { BriefContext } from './context.js';
import { gapFillers, leadOnlyPeriods, rankGaps, type ForceFacts } from './facts.js';
import type { Finding } from './types.js';

/** Personnel of the force's peak in words: "13,765". */
const peopleOf = (ctx: BriefContext, n: number): string => ctx.fmt.personnel(n);

/** A unit category with its personnel ("land 4,075"); the schema's categories all have a message. */
export function categoryName(ctx: BriefContext, cat: string, personnel: string): string {
  const key = `category.${cat}`;
  return isMessageKey(key) ? ctx.t(key, { personnel }) : `${cat} ${personnel}`;
}

/** The outcome or measure named as the model defines it (docs/model.md, assurance vocabulary). */
export function termName(ctx: BriefContext, term: string): string {
  const key = `term.${term}`;
  return isMessageKey(key) ? ctx.t(key) : term;
}

/** Names, at most `max` of them, then "and 6 others". */
export function nationList(ctx: BriefContext, ids: readonly string[], max = 4): string {
  const names = ids.map(ctx.name);
  if (names.length <= max) return ctx.fmt.list(names);
  return ctx.fmt.list([...names.slice(0, max), ctx.t('list.others', { n: names.length - max })]);
}

/** A cause of a gap in words, from its code and nations (the planner's `ShortfallCause`). */
export function causeText(ctx: BriefContext, c: ShortfallCause): string {
  const key = `cause.${c.code}` as const;
  const who = nationList(ctx, c.nations);
  return isMessageKey(key) ? ctx.t(key, { who, n: c.nations.length }) : c.text;
}

/** The causes of a gap, most direct first, joined (the planner's sentence when it gives no cause). */
export const causesText = (
  ctx: BriefContext,
  row: { readonly causes: readonly ShortfallCause[]; readonly explanation: string },
): string =>
  row.causes.length === 0
    ? row.explanation
    : row.causes.map((c) => causeText(ctx, c)).join(ctx.t('punct.semicolon'));

export function forceFinding(ctx: BriefContext, f: ForceFacts): Finding {
  const { input, t, fmt } = ctx;
  const p = input.plan;
  if (!p.solved)
    return {
      id: 'force',
      headline: t('force.unsolved', { status: p.status }),
      text: p.message ?? t('force.unsolved.text'),
      link: '#coverage',
    };
  const { peakTiedUp, troopTours, distinct } = p.personnelTotals;
  const shape = f.byCategory.map(([c, n]) => categoryName(ctx, c, peopleOf(ctx, n)));
  const parts = [
    input.minStatus === undefined ? '' : t('force.minStatus', { status: t(`status.${input.minStatus}`) }),
    t('force.peak', { personnel: peopleOf(ctx, f.peakDeployed), shape: fmt.list(shape) }),
    t('force.met', { met: f.coveredPeriods, all: f.requirementPeriods, n: p.periods.length }),
    t('force.tiedUp', {
      tied: peopleOf(ctx, peakTiedUp),
      tours: peopleOf(ctx, troopTours),
      people: peopleOf(ctx, distinct),
    }),
    p.personnelTotals.sustainableYears === null
      ? ''
      : t('force.sustain', {
          nation: ctx.name(p.personnelTotals.limitedBy ?? ''),
          years: fmt.decimal(p.personnelTotals.sustainableYears),
        }),
  ];
  return {
    id: 'force',
    headline: t('force.headline', { personnel: peopleOf(ctx, f.peakDeployed), n: f.contributors }),
    text: parts.filter((x) => x !== '').join(' '),
    link: '#coverage',
  };
}

/** A share of an option, or its range over the option's low and high personnel. */
export const shareText = (ctx: BriefContext, r: RangeShare): string => ctx.fmt.shareRange(r.ofHigh, r.ofLow);

/** The component the force covers least, in one sentence. */
function weakestText(ctx: BriefContext, c: OptionComparison): string {
  const k = weakestComponent(c);
  if (k === undefined) return '';
  const { t, fmt } = ctx;
  const parts: string[] = [];
  if (k.personnelNeed !== null && k.personnelShare !== null)
    parts.push(
      t('options.componentPersonnel', {
        share: shareText(ctx, k.personnelShare),
        have: fmt.personnel(k.personnel),
        need:
          k.personnelNeed.low === k.personnelNeed.high
            ? fmt.personnel(k.personnelNeed.low)
            : t('range', {
                low: fmt.personnel(k.personnelNeed.low),
                high: fmt.personnel(k.personnelNeed.high),
              }),
      }),
    );
  if (k.capabilityShare !== null)
    parts.push(
      t('options.componentCapability', {
        share: fmt.share(k.capabilityShare),
        detail: fmt.list(
          k.capabilities.map((x) =>
            t('options.capability', { name: x.name, have: fmt.amount(x.have), need: fmt.amount(x.need) }),
          ),
        ),
      }),
    );
  if (parts.length === 0) return '';
  return t('options.weakest', { component: k.name, option: c.name, detail: fmt.list(parts) });
}

export function optionsFinding(ctx: BriefContext): Finding | undefined {
  const { t, fmt } = ctx;
  const p = ctx.input.plan;
  const fo = p.forceOptions;
  if (!p.solved || fo.comparisons.length === 0) return undefined;
  const totals = fo.comparisons.flatMap((c) =>
    c.personnelShare === null
      ? []
      : [t('options.of', { share: shareText(ctx, c.personnelShare), option: c.name })],
  );
  const withComponents = fo.comparisons.find((c) => c.components.length > 0);
  const first = fo.comparisons[0];
  return {
    id: 'options',
    headline:
      first !== undefined && first.personnelShare !== null
        ? t('options.headline', { share: shareText(ctx, first.personnelShare), option: first.name })
        : t('options.headline.none'),
    text: [
      totals.length > 0
        ? t('options.text', { personnel: fmt.personnel(first?.personnel ?? 0), shares: fmt.list(totals) })
        : '',
      withComponents === undefined ? '' : weakestText(ctx, withComponents),
    ]
      .filter((x) => x !== '')
      .join(' '),
    link: '#options',
  };
}

export function gapsFinding(ctx: BriefContext): Finding {
  const { input, t, fmt } = ctx;
  const s = input.scenario;
  const p = input.plan;
  const gaps = rankGaps(p);
  if (gaps.length === 0)
    return { id: 'gaps', headline: t('gaps.none'), text: t('gaps.none.text'), link: '#coverage' };
  const top = gaps.slice(0, 3).map((g) => {
    const tp = g.typical;
    const row = p.shortfall.find(
      (r) => r.mission === g.mission && r.capability === g.capability && r.period === tp.from,
    );
    return t('gaps.item', {
      mission: ctx.missionName(g.mission),
      capability: ctx.capName(g.capability),
      short: fmt.amount(tp.short),
      required: fmt.amount(tp.required),
      unit: ctx.unitOf(g.capability, tp.required),
      when: ctx.periods(tp.from, tp.to),
      why: row === undefined ? tp.text : causesText(ctx, row),
    });
  });
  const leadOnly = leadOnlyPeriods(p);
  const parts = [t('gaps.text', { gaps: top.join(t('punct.semicolon')) })];
  if (leadOnly.length > 0)
    parts.push(
      t('gaps.leadOnly', { when: fmt.list(leadOnly.map((x) => ctx.periods(x))), n: leadOnly.length }),
    );
  if (input.potential?.solved) {
    const ranked = gapFillers(s, p, input.potential, gaps.slice(0, 3))
      .slice(0, 5)
      .map((r) => ctx.name(r.nation));
    const short = input.potential.shortfall.length;
    parts.push(
      ranked.length === 0
        ? t('gaps.noFillers')
        : short > 0
          ? t('gaps.fillers.short', { who: fmt.list(ranked), n: short })
          : t('gaps.fillers.all', { who: fmt.list(ranked) }),
    );
  }
  return {
    id: 'gaps',
    headline: t('gaps.headline', { n: gaps.length }),
    text: parts.join(' '),
    link: '#gaps',
  };
}

/** The horizon in years. */
export const horizonYears = (ctx: BriefContext): number =>
  (ctx.input.plan.periods.length * ctx.input.scenario.horizon.periodMonths) / 12;

/** The nations carrying most beyond their fair share (at most two), with their combined shares. */
export function heaviest(ctx: BriefContext): { nations: string[]; burden: number; fair: number } {
  const fair = ctx.input.plan.fairShare;
  const heavy = [...fair.rows]
    .filter((r) => r.burdenShare > r.fairShare + 1e-9)
    .sort((a, b) => b.burdenShare - b.fairShare - (a.burdenShare - a.fairShare))
    .slice(0, 2);
  return {
    nations: heavy.map((r) => r.nation),
    burden: heavy.reduce((a, r) => a + r.burdenShare, 0),
    fair: heavy.reduce((a, r) => a + r.fairShare, 0),
  };
}

export function costFinding(ctx: BriefContext): Finding {
  const { t, fmt } = ctx;
  const p = ctx.input.plan;
  const years = horizonYears(ctx);
  const fair = p.fairShare;
  const heavy = heaviest(ctx);
  const basis = t(fair.basis === 'gdp' ? 'fair.basis.gdp' : 'fair.basis.budget');
  const burden = t(fair.burden === 'cost' ? 'fair.burden.cost' : 'fair.burden.personnel');
  return {
    id: 'cost',
    headline: t('cost.headline', {
      money: fmt.money(p.totalCostUsd / Math.max(years, 1e-9)),
      index: fair.index === null ? t('na') : fmt.index(fair.index),
    }),
    text: [
      t('cost.text', { money: fmt.money(p.totalCostUsd), years: fmt.decimal(years) }),
      heavy.nations.length === 0
        ? ''
        : t('cost.heavy', {
            who: fmt.list(heavy.nations.map(ctx.name)),
            n: heavy.nations.length,
            burden: fmt.share(heavy.burden),
            fair: fmt.share(heavy.fair),
            what: burden,
            basis,
          }),
      t('cost.index'),
    ]
      .filter((x) => x !== '')
      .join(' '),
    link: '#fairness',
  };
}

/** A resilience case in words: a nation's name, or which conditional pledges go. */
export function lossName(ctx: BriefContext, c: { id: string; kind: string }): string {
  if (c.kind === 'nation') return ctx.name(c.id);
  if (c.id === 'conditional') return ctx.t('loss.conditional');
  const cond = c.id.replace(/^conditional:/, '');
  const c2 = ctx.input.scenario.conditions.find((x) => x.id === cond);
  return ctx.t('loss.condition', { condition: c2?.name ?? c2?.description ?? cond });
}

export function resilienceFinding(ctx: BriefContext): Finding | undefined {
  const { t, fmt } = ctx;
  const r = ctx.input.resilience;
  if (r === undefined || r.cases.length === 0) return undefined;
  const top = r.cases.filter((c) => c.addedShortfall > 1e-9).slice(0, 3);
  const conditional = r.cases.find((c) => c.id === 'conditional');
  const lossText = (c: (typeof top)[number]): string => {
    const worst = Object.entries(c.missionCoverage)
      .map(([m, cov]) => ({ m, drop: (r.baselineMissionCoverage[m] ?? 1) - cov }))
      .sort((a, b) => b.drop - a.drop)[0];
    return worst !== undefined && worst.drop > 0.005
      ? t('resilience.loss', {
          loss: lossName(ctx, c),
          mission: ctx.missionName(worst.m),
          from: fmt.share(r.baselineMissionCoverage[worst.m] ?? 1),
          to: fmt.share(c.missionCoverage[worst.m] ?? 0),
        })
      : lossName(ctx, c);
  };
  const lead = top[0];
  return {
    id: 'resilience',
    headline:
      lead === undefined ? t('resilience.none') : t('resilience.headline', { loss: lossName(ctx, lead) }),
    text: [
      lead === undefined
        ? t('resilience.none.text')
        : t('resilience.text', { losses: top.map(lossText).join(t('punct.semicolon')) }),
      conditional === undefined
        ? ''
        : conditional.addedShortfall > 1e-9
          ? t('resilience.conditional', { added: fmt.decimal(conditional.addedShortfall) })
          : t('resilience.conditional.none'),
    ]
      .filter((x) => x !== '')
      .join(' '),
    link: '#resilience',
  };
}

/** The ceasefire-held probability of a case with its interval (1 − P(fail), the interval mirrored). */
export const heldOf = (c: CaseResult): { p: number; lo: number; hi: number } => ({
  p: 1 - c.ceasefireFailed.p,
  lo: 1 - c.ceasefireFailed.hi,
  hi: 1 - c.ceasefireFailed.lo,
});

/** A case's label: the base case by the catalogue, a variant by its scenario label. */
export function caseLabel(ctx: BriefContext, c: { id: string; label: string }): string {
  if (c.label === 'as pledged') return ctx.t('case.asPledged');
  if (c.label === 'committable inventories') return ctx.t('case.committable');
  // A variant's case: the variant's name in the briefing's language (labels.fr, else its name).
  const v = ctx.input.scenario.variants.find((x) => x.id === c.id);
  if (v !== undefined)
    return c.label.endsWith(' (force from committable inventories)')
      ? ctx.t('case.variantPlanned', { variant: v.name })
      : v.name;
  return c.label;
}

/**
 * A case's name inside a sentence: the base case's phrase ("as pledged") as it is, a variant's name
 * quoted as a name ("under “No US backstop”"), so a name that starts with a capital never reads as the
 * start of a sentence.
 */
export function caseInProse(ctx: BriefContext, c: { id: string; label: string }): string {
  const name = caseLabel(ctx, c);
  return ctx.input.scenario.variants.some((v) => v.id === c.id) ? ctx.t('case.named', { name }) : name;
}

/** The assurance finding and, when an assumption moves the risk, the assumptions finding. */
export function assuranceFindings(ctx: BriefContext): Finding[] {
  const { t, fmt } = ctx;
  const a = ctx.input.assurance;
  if (a === undefined || a.cases.length === 0) return [];
  const out: Finding[] = [];
  const base = a.cases[0] as CaseResult;
  const diffs = a.comparisons.map((cmp) => {
    const c = a.cases.find((x) => x.id === cmp.id) ?? base;
    return t('assurance.compare', {
      case: caseLabel(ctx, c),
      held: fmt.probRange(heldOf(c)),
      diff: fmt.points(-cmp.ceasefireFailed.difference),
      lo: fmt.pointsNumber(-cmp.ceasefireFailed.hi),
      hi: fmt.points(-cmp.ceasefireFailed.lo),
    });
  });
  out.push({
    id: 'assurance',
    headline: t('assurance.headline', {
      held: fmt.prob(heldOf(base).p),
      days: fmt.count(a.horizonDays),
      runs: fmt.count(a.runs),
    }),
    text: [
      t('assurance.text', {
        case: caseLabel(ctx, base),
        days: fmt.count(a.horizonDays),
        held: fmt.probRange(heldOf(base)),
        tripwire: fmt.probRange(base.tripwireTested),
        war: fmt.probRange(base.widerWar),
      }),
      diffs.length === 0 ? '' : t('assurance.compared', { comparisons: diffs.join(t('punct.semicolon')) }),
    ]
      .filter((x) => x !== '')
      .join(' '),
    link: '#assurance',
  });
  if (a.tornado !== null && a.tornado.rows.some((r) => r.swing >= 0.0005)) {
    const top = a.tornado.rows.filter((r) => r.swing >= 0.0005).slice(0, 3);
    out.push({
      id: 'assumptions',
      headline: t('assumptions.headline', { parameter: tornadoLabel(ctx, top[0] ?? { key: '', label: '' }) }),
      text: t('assumptions.text', {
        low: fmt.share(a.tornado.lowProbability),
        high: fmt.share(a.tornado.highProbability),
        list: fmt.list(
          top.map((r) =>
            t('assumptions.item', { parameter: tornadoLabel(ctx, r), swing: fmt.pointsSize(r.swing) }),
          ),
        ),
      }),
      link: '#tornado',
    });
  }
  return out;
}

/** A sensitivity parameter's name: the catalogue's by its key, else the model's label. */
export function tornadoLabel(ctx: BriefContext, r: { key: string; label: string }): string {
  if (r.key.startsWith('tolerance:'))
    return ctx.t('parameter.tolerance', { nation: ctx.name(r.key.slice('tolerance:'.length)) });
  const key = `parameter.${r.key}`;
  return isMessageKey(key) ? ctx.t(key) : r.label;
}

export function credibilityFinding(ctx: BriefContext): Finding | undefined {
  const { t, fmt } = ctx;
  const g = ctx.input.credibility;
  if (g === undefined) return undefined;
  const deters = g.threshold !== null && g.prior >= g.threshold;
  const level = (x: number | null): string => (x === null ? t('credibility.unreachable') : fmt.prob(x));
  const curve = g.forceCurve.filter((pt) => pt.threshold !== null);
  const first = g.forceCurve[0];
  const last = g.forceCurve[g.forceCurve.length - 1];
  return {
    id: 'credibility',
    headline:
      g.threshold === null
        ? t('credibility.never')
        : t('credibility.headline', { threshold: fmt.prob(g.threshold), prior: fmt.prob(g.prior) }),
    text: [
      t(deters ? 'credibility.deters' : 'credibility.pays'),
      t('credibility.compare', { without: level(g.backstopOnly), trigger: level(g.automaticTrigger) }),
      first !== undefined && last !== undefined && curve.length > 0
        ? t('credibility.curve', {
            from: level(first.threshold),
            to: level(last.threshold),
            fromPersonnel: fmt.personnel(first.personnel),
            toPersonnel: fmt.personnel(last.personnel),
          })
        : '',
    ]
      .filter((x) => x !== '')
      .join(' '),
    link: '#credibility',
  };
}

export type { MessageKey };
