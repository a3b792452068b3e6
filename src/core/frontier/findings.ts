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

/** The case whose backstop is the scenario's own (the pledged force's), else the first. */
export function ownCase(r: FrontierReport, ownBackstop: string): FrontierCase {
  return r.cases.find((c) => c.id === ownBackstop) ?? r.cases[0]!;
}

export function frontierFindings(r: FrontierReport): string[] {
  const out: string[] = [];
  const target = pct(r.target);
  const own = ownCase(r, r.ownBackstop);
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
  for (const c of r.cases) {
    const ch = c.cheapest;
    if (ch.found && ch.point !== undefined)
      out.push(
        `Cheapest force keeping the risk at or below ${target} (${c.label}): ${forceText(ch.point)}, ${riskText(ch.point.ceasefireFailed)}${ch.confident ? '' : `; its interval reaches above ${target}, so the target is met on the estimate, not with 95% confidence`}.`,
      );
    else
      out.push(
        `No force tried keeps the risk at or below ${target} (${c.label}): the lowest is ${riskText(ch.lowest.ceasefireFailed)} at ${forceText(ch.lowest)}.`,
      );
  }
  const pledged = own.points.find((p) => p.kind === 'pledged');
  if (pledged !== undefined) {
    const eq = cheapestAtRisk(own, pledged.ceasefireFailed.p);
    out.push(
      `The pledged force (${forceText(pledged)}; ${own.label}) gives ${riskText(pledged.ceasefireFailed)}; ${
        eq === undefined
          ? 'no cheaper force tried is as safe.'
          : eq.costUsdPerYear < pledged.costUsdPerYear
            ? `a force sourced to the requirements reaches that risk with ${forceText(eq)}.`
            : 'it is on the frontier: no cheaper force tried is as safe.'
      }`,
    );
  }
  for (const w of r.backstopWorth) {
    const label = r.cases.find((c) => c.id === w.case)?.label ?? w.case;
    if (w.equivalent !== undefined && w.extraPersonnel !== null && w.extraCostUsdPerYear !== null)
      out.push(
        `What the backstop is worth (${label}): without it, the risk of the requirements as stated with it (${pct(w.reference.ceasefireFailed.p)}) takes ${forceText(w.equivalent)}: ${w.extraPersonnel >= 0 ? `${personnelText(w.extraPersonnel)} more personnel and ${costText(Math.max(0, w.extraCostUsdPerYear))} more` : 'no more force'}.`,
      );
    else
      out.push(
        `What the backstop is worth (${label}): no force tried without it matches its risk with the requirements as stated (${pct(w.reference.ceasefireFailed.p)}); the lowest without it is ${riskText(w.lowestWithout.ceasefireFailed)} at ${forceText(w.lowestWithout)}.`,
      );
  }
  const mv = r.missions
    .filter((m) => m.case === own.id && m.pointsPerBillion !== null)
    .sort((a, b) => (b.pointsPerBillion ?? 0) - (a.pointsPerBillion ?? 0));
  if (mv.length > 0) {
    const sure = mv.filter((m) => m.ceasefireFailed.hi < 0);
    const unsure = mv.filter((m) => !(m.ceasefireFailed.hi < 0));
    out.push(
      `Which increment buys most (${own.label}; each mission's requirements raised by ${pct(mv[0]!.factor - 1)}): ${
        sure.length === 0
          ? 'none lowers the risk measurably'
          : sure
              .map(
                (m) =>
                  `${m.mission} ${(-m.ceasefireFailed.difference * 100).toFixed(2)} points for ${costText(m.addedCostUsdPerYear)} (${(m.pointsPerBillion ?? 0).toFixed(1)} points per $bn)`,
              )
              .join('; ')
      }${unsure.length === 0 ? '' : `; no measurable change from ${unsure.map((m) => m.mission).join(', ')}`}.`,
    );
  }
  if (r.robustness !== null) {
    const rc = r.cases.find((c) => c.id === r.robustness!.case);
    const fam = rc === undefined ? [] : scalePoints(rc);
    const at = (scale: number | null): string => {
      if (scale === null) return 'no force tried';
      const p = fam.find((x) => x.scale === scale);
      return p === undefined ? `×${scale}` : p.peakPersonnel === 0 ? 'no force at all' : forceText(p);
    };
    const [lo, mid, hi] = r.robustness.levels;
    if (lo !== undefined && mid !== undefined && hi !== undefined)
      out.push(
        `Against what we do not know about the adversary (${rc?.label ?? r.robustness.case}): to keep the risk at or below ${target}, a cautious adversary (risk tolerance at its 10th percentile) needs ${at(lo.cheapestScale)}, a typical one (median) ${at(mid.cheapestScale)}, a bold one (90th percentile) ${at(hi.cheapestScale)}.`,
      );
  }
  return out;
}
