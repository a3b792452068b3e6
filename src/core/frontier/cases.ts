/**
 * Reading a frontier report: which case is the scenario's own, its scale points, and the price of a risk.
 * The answers in words are the briefing's catalogue (`frontierNotes` in core/brief), read by the
 * briefing, `bulwark frontier` and the server alike.
 */
import type { FrontierCase, FrontierPoint, FrontierReport } from './report.js';

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
