/**
 * The frontier's answers in plain words, one sentence per question (docs/frontier.md): read by the CLI
 * and the briefing, so both say the same thing with the same numbers.
 */
import type { Proportion } from '../assure/index.js';
import type { FrontierCase, FrontierPoint, FrontierReport } from './report.js';

/** 12,300: personnel to the nearest hundred (the planner's fractional units are averages). */
export const personnelText = (n: number): string => (Math.round(n / 100) * 100).toLocaleString('en-GB');
/** $1.9bn a year. */
export const costText = (usdPerYear: number): string =>
  usdPerYear >= 1e9
    ? `$${(usdPerYear / 1e9).toFixed(1)}bn a year`
    : `$${Math.round(usdPerYear / 1e6).toLocaleString('en-GB')}m a year`;
/** 7.2% (6.9–7.6%): a probability with its 95% interval. */
export const riskText = (p: Proportion): string =>
  `${(p.p * 100).toFixed(1)}% (${(p.lo * 100).toFixed(1)}–${(p.hi * 100).toFixed(1)}%)`;
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

const forceText = (p: FrontierPoint): string =>
  p.peakPersonnel === 0
    ? 'no force'
    : `${personnelText(p.peakPersonnel)} personnel at peak, ${costText(p.costUsdPerYear)}`;

/** The scale points of a case, ascending. */
export const scalePoints = (c: FrontierCase): FrontierPoint[] =>
  c.points.filter((p) => p.kind === 'scale' || p.kind === 'none');

/** The cheapest efficient point at or below a risk (the frontier's price of that risk), if any. */
export function cheapestAtRisk(c: FrontierCase, risk: number): FrontierPoint | undefined {
  return c.points
    .filter((p) => p.efficient && p.kind !== 'pledged' && p.ceasefireFailed.p <= risk)
    .sort((a, b) => a.costUsdPerYear - b.costUsdPerYear)[0];
}

/** The case whose backstop is the scenario's own, unchanged (the pledged force's), else the first. */
export function ownCase(r: FrontierReport): FrontierCase {
  return r.cases.find((c) => c.own) ?? r.cases[0]!;
}

export function frontierFindings(r: FrontierReport): string[] {
  const out: string[] = [];
  const target = pct(r.target);
  const own = ownCase(r);
  const sp = scalePoints(own);
  const none = sp[0];
  const asStated = sp.find((p) => p.scale === 1);
  const last = sp[sp.length - 1];
  if (none !== undefined && asStated !== undefined && last !== undefined)
    out.push(
      `What force buys (${own.label}): the chance the ceasefire fails within the horizon is ${riskText(none.ceasefireFailed)} with no force and ${riskText(asStated.ceasefireFailed)} with the requirements as stated (${forceText(asStated)})${
        last.peakPersonnel > asStated.peakPersonnel + 100
          ? `; the largest force tried (${forceText(last)}) gives ${riskText(last.ceasefireFailed)}`
          : `; no larger force can be sourced`
      }.`,
    );
  const rangeText = (range: { above?: FrontierPoint; below?: FrontierPoint }): string =>
    range.above !== undefined && range.below !== undefined
      ? ` The runs place it between ${range.above.peakPersonnel === 0 ? 'no force' : `${personnelText(range.above.peakPersonnel)} personnel`} (clearly above the target) and ${personnelText(range.below.peakPersonnel)} personnel (clearly below).`
      : range.below !== undefined
        ? ` The runs place it at or below ${personnelText(range.below.peakPersonnel)} personnel (clearly below the target).`
        : '';
  for (const c of r.cases) {
    const ch = c.cheapest;
    if (ch.found && ch.point !== undefined)
      out.push(
        `Cheapest force keeping the risk at or below ${target} (${c.label}): ${forceText(ch.point)}, ${riskText(ch.point.ceasefireFailed)}${ch.confident ? '' : `; its interval reaches above ${target}, so the target is met on the estimate, not with 95% confidence`}.${rangeText(ch.range)}`,
      );
    else
      out.push(
        `No force tried keeps the risk at or below ${target} (${c.label}): the lowest is ${riskText(ch.lowest.ceasefireFailed)} at ${forceText(ch.lowest)}.`,
      );
  }
  const pledged = own.points.find((p) => p.kind === 'pledged');
  if (pledged !== undefined) {
    const eq = cheapestAtRisk(own, pledged.ceasefireFailed.p);
    const what = (p: FrontierPoint): string =>
      p.kind === 'option'
        ? `the named option "${p.label}"`
        : p.kind === 'mission'
          ? `"${p.label}"`
          : 'a force sourced to scaled requirements';
    out.push(
      `The pledged force (${forceText(pledged)}, from ${pledged.nations} nations; ${own.label}) gives ${riskText(pledged.ceasefireFailed)}; ${
        pledged.efficient
          ? 'it is on the frontier: no force tried is cheaper and as safe.'
          : eq !== undefined && eq.costUsdPerYear < pledged.costUsdPerYear
            ? `${what(eq)} reaches that risk with ${forceText(eq)}, from ${eq.nations} nations.`
            : 'a force tried is as cheap and safer.'
      }`,
    );
  }
  for (const w of r.backstopWorth) {
    const label = r.cases.find((c) => c.id === w.case)?.label ?? w.case;
    if (w.equivalent !== undefined && w.extraPersonnel !== null && w.extraCostUsdPerYear !== null)
      out.push(
        `What the backstop is worth (${label}): without it, the risk of the requirements as stated with it (${pct(w.reference.ceasefireFailed.p)}) takes ${forceText(w.equivalent)}: ${w.extraPersonnel >= 0 ? `${personnelText(w.extraPersonnel)} more personnel and ${costText(Math.max(0, w.extraCostUsdPerYear))} more` : 'no more force'} (point estimates; Monte Carlo error in both).${rangeText(w.range)}`,
      );
    else
      out.push(
        `What the backstop is worth (${label}): no force tried without it matches its risk with the requirements as stated (${pct(w.reference.ceasefireFailed.p)}); the lowest without it is ${riskText(w.lowestWithout.ceasefireFailed)} at ${forceText(w.lowestWithout)}.`,
      );
  }
  const all = r.missions.filter((m) => m.case === own.id);
  const mv = all
    .filter((m) => m.pointsPerBillion !== null)
    .sort((a, b) => (b.pointsPerBillion ?? 0) - (a.pointsPerBillion ?? 0));
  if (all.length > 0 && mv.length === 0)
    out.push(
      `Which increment buys most (${own.label}): none can be sourced — raising any mission's requirements adds no force (supply exhausted).`,
    );
  if (mv.length > 0) {
    const lowers = mv.filter((m) => m.ceasefireFailed.hi < 0);
    const raises = mv.filter((m) => m.ceasefireFailed.lo > 0);
    const none = mv.filter((m) => !(m.ceasefireFailed.hi < 0) && !(m.ceasefireFailed.lo > 0));
    const unsourced = all.filter((m) => m.pointsPerBillion === null).map((m) => m.mission);
    const sentence = [
      lowers.length === 0
        ? 'none lowers the risk measurably'
        : lowers
            .map(
              (m) =>
                `${m.mission} ${(-m.ceasefireFailed.difference * 100).toFixed(2)} points for ${costText(m.addedCostUsdPerYear)} (${(m.pointsPerBillion ?? 0).toFixed(1)} points per $bn)`,
            )
            .join('; '),
      ...(raises.length === 0
        ? []
        : [
            `${raises.map((m) => m.mission).join(', ')} measurably raise${raises.length === 1 ? 's' : ''} it`,
          ]),
      ...(none.length === 0 ? [] : [`no measurable change from ${none.map((m) => m.mission).join(', ')}`]),
      ...(unsourced.length === 0 ? [] : [`${unsourced.join(', ')} could not be raised (supply exhausted)`]),
    ].join('; ');
    out.push(
      `Which increment buys most (${own.label}; each mission's requirements raised by ${pct(mv[0]!.factor - 1)}): ${sentence}.`,
    );
  }
  if (r.robustness !== null) {
    const rc = r.cases.find((c) => c.id === r.robustness!.case);
    const fam = rc === undefined ? [] : scalePoints(rc);
    const at = (scale: number | null, lowest: number): string => {
      if (scale === null) return `more than any force tried (the lowest is ${pct(lowest)})`;
      const p = fam.find((x) => x.scale === scale);
      return p === undefined ? `×${scale}` : p.peakPersonnel === 0 ? 'no force at all' : forceText(p);
    };
    const [lo, mid, hi] = r.robustness.levels;
    const lowestOf = (l: (typeof r.robustness.levels)[number]): number =>
      Math.min(...l.points.map((p) => p.ceasefireFailed.p));
    if (lo !== undefined && mid !== undefined && hi !== undefined)
      out.push(
        `Against what we do not know about the adversary (${rc?.label ?? r.robustness.case}): to keep the risk at or below ${target}, a cautious adversary (risk tolerance at its 10th percentile) needs ${at(lo.cheapestScale, lowestOf(lo))}, a typical one (median) ${at(mid.cheapestScale, lowestOf(mid))}, a bold one (90th percentile) ${at(hi.cheapestScale, lowestOf(hi))}.`,
      );
  }
  return out;
}
