/**
 * The findings: one plain-language sentence group per question, each from the figures in `facts.ts` or
 * the results passed in, each linking to the section with the table or chart behind it.
 */
import type { CaseResult } from '../assure/index.js';
import { summarizeComparison } from '../scenario/index.js';
import type { BriefContext } from './context.js';
import { gapFillers, leadOnlyPeriods, rankGaps, type ForceFacts } from './facts.js';
import { listWords, pct, periodSpan, roughly, usd } from './format.js';
import type { Finding } from './types.js';

export function forceFinding(ctx: BriefContext, f: ForceFacts): Finding {
  const { input, name } = ctx;
  const p = input.plan;
  const { peakTiedUp, troopTours, distinct } = p.personnelTotals;
  const shape = f.byCategory.map(([c, n]) => `${c} ${roughly(n)}`).join(', ');
  return {
    id: 'force',
    headline: p.solved
      ? `The pledged force: about ${roughly(f.peakDeployed)} personnel from ${f.contributors} nations`
      : `No plan could be computed (${p.status})`,
    text: p.solved
      ? (input.minStatus !== undefined ? `Counting only pledges ${input.minStatus} or firmer: ` : '') +
        `Allocated optimally, the pledges on the table put about ${roughly(f.peakDeployed)} personnel in place at the peak (${shape}). ` +
        `They meet ${f.coveredPeriods} of ${f.requirementPeriods} capability requirements across the ${p.periods.length} planning periods in full. ` +
        `Keeping the force there under each nation's rotation rules ties up about ${roughly(peakTiedUp)} personnel (in theatre, preparing and recovering); ` +
        `over the horizon that is about ${roughly(troopTours)} troop-tours served by about ${roughly(distinct)} different people.` +
        (p.personnelTotals.sustainableYears !== null
          ? ` ${name(p.personnelTotals.limitedBy ?? '')} can keep its part for about ${p.personnelTotals.sustainableYears.toFixed(1)} years before its units run out of dwell.`
          : '')
      : (p.message ?? 'The solver returned no solution.'),
    link: '#coverage',
  };
}

/** A share of an option, or its range over the option's low and high personnel. */
export const shareText = (r: { ofLow: number; ofHigh: number }): string =>
  pct(r.ofLow) === pct(r.ofHigh) ? pct(r.ofLow) : `${pct(r.ofHigh)}–${pct(r.ofLow)}`;

export function optionsFinding(ctx: BriefContext): Finding | undefined {
  const p = ctx.input.plan;
  const fo = p.forceOptions;
  if (!p.solved || fo.comparisons.length === 0) return undefined;
  const subject = 'the pledged force';
  const totals = fo.comparisons.flatMap((c) =>
    c.personnelShare === null ? [] : [`${shareText(c.personnelShare)} of ${c.name}`],
  );
  const weakest = fo.comparisons
    .filter((c) => c.components.length > 0)
    .slice(0, 1)
    .flatMap((c) => summarizeComparison(c, subject).slice(1));
  const first = fo.comparisons[0];
  return {
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
  };
}

export function gapsFinding(ctx: BriefContext): Finding {
  const { input, name, missionName, capName } = ctx;
  const s = input.scenario;
  const p = input.plan;
  const gaps = rankGaps(p);
  if (gaps.length === 0)
    return {
      id: 'gaps',
      headline: 'No capability gaps',
      text: 'The pledges cover every requirement in every period.',
      link: '#coverage',
    };
  const top = gaps.slice(0, 3).map((g) => {
    const cap = s.capabilities.find((c) => c.id === g.capability);
    const t = g.typical;
    return `${missionName(g.mission)}: ${capName(g.capability)} short by ${roughly(t.short)} of ${roughly(t.required)} ${cap?.unit ?? ''} in ${periodSpan(t.from, t.to)} (${t.text})`;
  });
  const leadOnly = leadOnlyPeriods(p);
  const early =
    leadOnly.length > 0
      ? ` In ${leadOnly.map((t) => `P${t}`).join(', ')} no requirement is met at all: the planner counts a unit only from the first period that starts after its lead time, and no pledged unit is ready on day 0.`
      : '';
  let fill = '';
  if (input.potential?.solved) {
    const ranked = gapFillers(s, p, input.potential, gaps.slice(0, 3))
      .slice(0, 5)
      .map((r) => name(r.nation));
    const potentialShort = input.potential.shortfall.length;
    fill =
      ranked.length > 0
        ? ` From their committable inventories, ${listWords(ranked)} could fill most of these gaps` +
          (potentialShort > 0
            ? `; even then ${potentialShort} capability-period${potentialShort === 1 ? ' stays' : 's stay'} short.`
            : '; with them every requirement would be met.')
        : ' No coalition member has committable units of the kinds needed.';
  }
  return {
    id: 'gaps',
    headline: `${gaps.length} capability requirement${gaps.length === 1 ? '' : 's'} not fully met`,
    text: `The biggest gaps: ${top.join('; ')}.${early}${fill}`,
    link: '#gaps',
  };
}

export function costFinding(ctx: BriefContext): Finding {
  const { input, name } = ctx;
  const s = input.scenario;
  const p = input.plan;
  const years = (p.periods.length * s.horizon.periodMonths) / 12;
  const fair = p.fairShare;
  // The nations carrying most beyond their fair share (at most two).
  const heavy = [...fair.rows]
    .filter((r) => r.burdenShare > r.fairShare + 1e-9)
    .sort((a, b) => b.burdenShare - b.fairShare - (a.burdenShare - a.fairShare))
    .slice(0, 2);
  const heavyBurden = heavy.reduce((a, r) => a + r.burdenShare, 0);
  const heavyFair = heavy.reduce((a, r) => a + r.fairShare, 0);
  return {
    id: 'cost',
    headline: `Cost: about ${usd(p.totalCostUsd / Math.max(years, 1e-9))} a year; fairness index ${fair.index === null ? 'n/a' : fair.index.toFixed(2)}`,
    text:
      `The force costs about ${usd(p.totalCostUsd)} over ${years.toFixed(1)} years (incremental deployment cost). ` +
      (heavy.length > 0
        ? `${listWords(heavy.map((r) => name(r.nation)))} ${heavy.length === 1 ? 'carries' : 'carry'} ${pct(heavyBurden)} of the ${fair.burden === 'cost' ? 'cost' : 'personnel'} against ${pct(heavyFair)} of the contributors' ${fair.basis === 'gdp' ? 'GDP' : 'defence spending'}` +
          ` (index 1 = shares exactly in proportion, 0 = one nation carries what others should).`
        : ''),
    link: '#fairness',
  };
}

/** A resilience case in words: a nation's name, or which conditional pledges go. */
export function lossName(ctx: BriefContext, c: { id: string; kind: string }): string {
  if (c.kind === 'nation') return ctx.name(c.id);
  if (c.id === 'conditional') return 'every conditional pledge';
  const cond = c.id.replace(/^conditional:/, '');
  const desc = ctx.input.scenario.conditions.find((x) => x.id === cond)?.description;
  return `the pledges conditional on ${desc === undefined ? cond : `“${desc}”`}`;
}

export function resilienceFinding(ctx: BriefContext): Finding | undefined {
  const r = ctx.input.resilience;
  if (r === undefined || r.cases.length === 0) return undefined;
  const top = r.cases.filter((c) => c.addedShortfall > 1e-9).slice(0, 3);
  const conditional = r.cases.find((c) => c.id === 'conditional');
  const lossText = (c: (typeof top)[number]): string => {
    const worst = Object.entries(c.missionCoverage)
      .map(([m, cov]) => ({ m, drop: (r.baselineMissionCoverage[m] ?? 1) - cov }))
      .sort((a, b) => b.drop - a.drop)[0];
    return `${lossName(ctx, c)}${worst !== undefined && worst.drop > 0.005 ? ` (${ctx.missionName(worst.m)} coverage falls by ${pct(worst.drop)})` : ''}`;
  };
  return {
    id: 'resilience',
    headline:
      top.length > 0
        ? `Most damaging loss: ${top[0] === undefined ? '' : lossName(ctx, top[0])}`
        : 'No single loss adds a gap',
    text:
      (top.length > 0
        ? `Re-planning without each nation in turn, and without the pledges that depend on a condition, the losses that open the largest new gaps are: ${top.map(lossText).join('; ')}.`
        : 'Re-planning without each nation in turn opens no new gap: other pledges cover every loss.') +
      (conditional !== undefined
        ? ` Without every conditional pledge (those that depend on the backstop or another condition), ${conditional.addedShortfall > 1e-9 ? `the priority-weighted shortfall grows by ${conditional.addedShortfall.toFixed(1)} requirement-years` : 'no new gap opens'}.`
        : ''),
    link: '#resilience',
  };
}

/** The assurance finding and, when an assumption moves the risk, the assumptions finding. */
export function assuranceFindings(ctx: BriefContext): Finding[] {
  const a = ctx.input.assurance;
  if (a === undefined || a.cases.length === 0) return [];
  const out: Finding[] = [];
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
  out.push({
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
    out.push({
      id: 'assumptions',
      headline: `The assumption that matters most: ${top[0]?.label ?? ''}`,
      text:
        `Moving each uncertain assumption from its ${pct(a.tornado.lowProbability)} to its ${pct(a.tornado.highProbability)} quantile, and each assumed constant from half to one and a half times its value, with the rest as in the scenario, ` +
        `the probability the ceasefire fails moves most with ${listWords(top.map((r) => `${r.label} (${(r.swing * 100).toFixed(1)} points)`))}.`,
      link: '#tornado',
    });
  }
  return out;
}

export function credibilityFinding(ctx: BriefContext): Finding | undefined {
  const g = ctx.input.credibility;
  if (g === undefined) return undefined;
  const deters = g.threshold !== null && g.prior >= g.threshold;
  return {
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
  };
}
