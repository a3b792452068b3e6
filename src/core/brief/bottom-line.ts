/**
 * The bottom line up front: four to six key figures, each with its interval where it has one and a
 * one-line "so what", built from the same facts and formatter as the findings and tables (so a key
 * figure is the number the detail gives).
 */
import { ownCase } from '../frontier/index.js';
import type { BriefContext } from './context.js';
import { gapFillers, rankGaps, type ForceFacts } from './facts.js';
import { caseLabel, heaviest, heldOf, horizonYears, shareText } from './findings.js';
import { frontierCaseLabel } from './frontier-section.js';
import type { KeyFigure } from './types.js';

export function keyFigures(ctx: BriefContext, f: ForceFacts): KeyFigure[] {
  const { t, fmt, input } = ctx;
  const p = input.plan;
  const out: KeyFigure[] = [];
  if (!p.solved) return out;
  const fr = input.frontier;
  const own = fr === undefined ? undefined : ownCase(fr);
  const asStated = own?.points.find((x) => x.kind === 'scale' && x.scale === 1);

  // 1. The force against what the requirements need and against the named options.
  const first = p.forceOptions.comparisons.find((c) => c.personnelShare !== null);
  const against: string[] = [];
  if (asStated !== undefined)
    against.push(
      t('key.force.required', {
        required: fmt.personnel(asStated.peakPersonnel),
        share: fmt.share(f.peakDeployed / Math.max(1, asStated.peakPersonnel)),
      }),
    );
  if (first?.personnelShare != null)
    against.push(t('options.of', { share: shareText(ctx, first.personnelShare), option: first.name }));
  out.push({
    id: 'force',
    label: t('key.force.label'),
    value: t('key.force.value', { personnel: fmt.personnel(f.peakDeployed) }),
    detail: against.length === 0 ? t('key.force.nations', { n: f.contributors }) : fmt.list(against),
    soWhat: t('key.force.soWhat', { met: fmt.count(f.coveredPeriods), all: fmt.count(f.requirementPeriods) }),
    link: '#coverage',
  });

  // 2. The ceasefire with and without the backstop (paired on the same runs).
  const a = input.assurance;
  const base = a?.cases[0];
  if (a !== undefined && base !== undefined) {
    const cmp = a.comparisons[0];
    const other = cmp === undefined ? undefined : a.cases.find((c) => c.id === cmp.id);
    const target = fr?.target;
    out.push({
      id: 'ceasefire',
      label: t('key.ceasefire.label', { days: fmt.count(a.horizonDays), case: caseLabel(ctx, base) }),
      value: fmt.prob(base.ceasefireFailed.p),
      interval: t('interval', {
        lo: fmt.prob(base.ceasefireFailed.lo),
        hi: fmt.prob(base.ceasefireFailed.hi),
      }),
      detail:
        other === undefined || cmp === undefined
          ? t('key.ceasefire.held', { held: fmt.probRange(heldOf(base)) })
          : t('key.ceasefire.other', {
              case: caseLabel(ctx, other),
              risk: fmt.probRange(other.ceasefireFailed),
              diff: fmt.points(cmp.ceasefireFailed.difference),
            }),
      soWhat:
        target === undefined
          ? t('key.ceasefire.soWhat.noTarget', { tripwire: fmt.prob(base.tripwireTested.p) })
          : base.ceasefireFailed.lo > target
            ? t('key.ceasefire.soWhat.above', { target: fmt.prob(target) })
            : base.ceasefireFailed.hi <= target
              ? t('key.ceasefire.soWhat.within', { target: fmt.prob(target) })
              : t('key.ceasefire.soWhat.at', { target: fmt.prob(target) }),
      link: '#assurance',
    });
  }

  // 3. What the backstop is worth, in force (the frontier) or in risk (the paired difference).
  const worth =
    fr === undefined || own === undefined ? undefined : fr.backstopWorth.find((w) => w.case === own.id);
  if (worth !== undefined && own !== undefined) {
    out.push({
      id: 'backstop',
      label: t('key.backstop.label', { case: frontierCaseLabel(ctx, own) }),
      value:
        worth.equivalent !== undefined && worth.extraPersonnel !== null
          ? t('key.backstop.value', { personnel: fmt.personnel(Math.max(0, worth.extraPersonnel)) })
          : t('key.backstop.value.none'),
      detail: t('key.backstop.detail', {
        with: fmt.prob(worth.reference.ceasefireFailed.p),
        without: fmt.probRange(worth.lowestWithout.ceasefireFailed),
      }),
      soWhat: t(worth.equivalent === undefined ? 'key.backstop.soWhat.none' : 'key.backstop.soWhat'),
      link: '#frontier',
    });
  } else if (a !== undefined && a.comparisons[0] !== undefined) {
    const cmp = a.comparisons[0];
    out.push({
      id: 'backstop',
      label: t('key.backstop.label.risk'),
      value: fmt.points(cmp.ceasefireFailed.difference),
      interval: t('interval', {
        lo: fmt.pointsNumber(cmp.ceasefireFailed.lo),
        hi: fmt.pointsNumber(cmp.ceasefireFailed.hi),
      }),
      detail: t('key.backstop.detail.risk'),
      soWhat: t('key.backstop.soWhat.risk'),
      link: '#assurance',
    });
  }

  // 4. The largest gap and who could fill it.
  const gap = rankGaps(p)[0];
  if (gap !== undefined) {
    const fillers =
      input.potential?.solved === true
        ? gapFillers(input.scenario, p, input.potential, [gap])
            .slice(0, 3)
            .map((x) => ctx.name(x.nation))
        : [];
    out.push({
      id: 'gap',
      label: t('key.gap.label'),
      value: t('key.gap.value', {
        mission: ctx.missionName(gap.mission),
        capability: ctx.capName(gap.capability),
      }),
      detail: t('key.gap.detail', {
        short: fmt.amount(gap.typical.short),
        required: fmt.amount(gap.typical.required),
        unit: ctx.unitOf(gap.capability, gap.typical.required),
        when: ctx.periods(gap.typical.from, gap.typical.to),
      }),
      soWhat:
        fillers.length === 0
          ? t('key.gap.soWhat.none')
          : t('key.gap.soWhat', { who: fmt.list(fillers), n: fillers.length }),
      link: '#gaps',
    });
  }

  // 5. Cost per year and fairness.
  const years = horizonYears(ctx);
  const heavy = heaviest(ctx);
  const fair = p.fairShare;
  out.push({
    id: 'cost',
    label: t('key.cost.label'),
    value: t('money.perYear', { money: fmt.money(p.totalCostUsd / Math.max(years, 1e-9)) }),
    detail: t('key.cost.detail', { index: fair.index === null ? t('na') : fmt.index(fair.index) }),
    soWhat:
      heavy.nations.length === 0
        ? t('key.cost.soWhat.even')
        : t('cost.heavy', {
            who: fmt.list(heavy.nations.map(ctx.name)),
            n: heavy.nations.length,
            burden: fmt.share(heavy.burden),
            fair: fmt.share(heavy.fair),
            what: t(fair.burden === 'cost' ? 'fair.burden.cost' : 'fair.burden.personnel'),
            basis: t(fair.basis === 'gdp' ? 'fair.basis.gdp' : 'fair.basis.budget'),
          }),
    link: '#fairness',
  });

  // 6. The cheapest force at the target (the frontier's answer).
  const best = own?.cheapest.point;
  if (fr !== undefined && own !== undefined && best !== undefined)
    out.push({
      id: 'frontier',
      label: t('key.frontier.label', { target: fmt.prob(fr.target), case: frontierCaseLabel(ctx, own) }),
      value: t('key.force.value', { personnel: fmt.personnel(best.peakPersonnel) }),
      // The value is personnel: the risk's interval goes with the risk, not under the headcount.
      detail: t('key.frontier.detail', {
        risk: fmt.probRange(best.ceasefireFailed),
        cost: t('money.perYear', { money: fmt.money(best.costUsdPerYear) }),
      }),
      soWhat: t(own.cheapest.confident ? 'key.frontier.soWhat' : 'key.frontier.soWhat.estimate'),
      link: '#frontier',
    });
  return out;
}
