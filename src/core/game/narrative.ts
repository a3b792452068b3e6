/**
 * Plain words for equilibria and thresholds, shared by the CLI and the briefing. Pure string building.
 */
import type { Play } from './backward-induction.js';
import type { CurvePoint, TestPayoffs } from './thresholds.js';
import type { CredibilityParams, TemplateKind } from './templates.js';

/** "12%" with up to one decimal; "never" for null thresholds. */
export function percent(x: number | null): string {
  if (x === null) return 'never';
  const p = Math.round(x * 1000) / 10;
  return `${p}%`;
}

const num = (x: number): string => String(Math.round(x * 1000) / 1000);

/** A difference of probabilities in percentage points. */
const points = (x: number): string => `${Math.round(x * 1000) / 10} percentage points`;

/** One play in words: "nature draws Resolute (40%); Adversary: Test; Coalition: Fight; … → label". */
export function describePlay(play: Play, players: readonly string[]): string {
  const steps = play.steps.map((s) =>
    s.player === 'chance'
      ? `nature draws ${s.action} (${percent(s.probability ?? 0)})`
      : `${s.player}: ${s.action}`,
  );
  const payoffs = players.map((p, i) => `${p} ${num(play.payoffs[i] ?? 0)}`).join(', ');
  const label = play.label === '' ? '' : ` — ${play.label}`;
  return `${steps.join('; ')}${label} (payoffs: ${payoffs})`;
}

export interface ThresholdFinding {
  readonly kind: TemplateKind;
  readonly threshold: number | null;
  readonly prior: number;
  readonly payoffs: TestPayoffs;
}

/**
 * The threshold finding in a few sentences: what credibility the backstop needs, whether the adversary's
 * belief reaches it, and why (what the force does against each type of guarantor).
 */
export function explainThreshold(f: ThresholdFinding, p: CredibilityParams): string[] {
  const out: string[] = [];
  const what = f.kind === 'backstop-only' ? 'testing the backstop' : 'testing the force';
  if (f.threshold === null)
    out.push(
      `Testing pays whatever the guarantor's resolve: even a certainly resolute guarantor does not make ${what} unprofitable.`,
    );
  else if (f.threshold === 0)
    out.push(`${capitalise(what)} does not pay at any credibility: the force deters by itself.`);
  else
    out.push(
      `${capitalise(what)} stops paying once the adversary believes the guarantor resolute with probability ${percent(f.threshold)} or more.`,
    );
  if (f.threshold !== null) {
    const gap = f.prior - f.threshold;
    out.push(
      Math.abs(gap) < 1e-9
        ? `The adversary's belief (${percent(f.prior)}) sits exactly on the threshold: it is indifferent, and holds only by the tie rule.`
        : gap > 0
          ? `The adversary's belief (${percent(f.prior)}) is above it: the adversary holds (margin ${points(gap)}).`
          : `The adversary's belief (${percent(f.prior)}) is below it: the adversary tests (short by ${points(-gap)}).`,
    );
  } else out.push(`The adversary tests (belief ${percent(f.prior)}).`);
  if (f.payoffs.fightsIfResolute !== undefined) {
    const r = f.payoffs.fightsIfResolute ? 'fights' : 'withdraws';
    const i = f.payoffs.fightsIfIrresolute === true ? 'fights' : 'withdraws';
    const does =
      r === i
        ? `${r} whether or not the guarantor is resolute`
        : `${r} when the guarantor is resolute and ${i} when it is not`;
    out.push(
      `If tested, the force ${does} (audience cost of abandoning it ${num(p.audienceCost)} against casualty cost ${num(p.casualtyCost)}, or ${num(p.casualtyCost + p.aloneCost)} fighting alone).`,
    );
  }
  out.push(
    `Testing earns the adversary ${num(f.payoffs.resolute)} against a resolute guarantor and ${num(f.payoffs.irresolute)} against an irresolute one (stakes ${num(p.stakes)}, punishment ${num(p.punishment)}${f.kind === 'backstop-only' ? '' : `, the force's denial ${num(p.denial)} and the coalition's retaliation ${num(p.retaliation)} if it fights`}).`,
  );
  return out;
}

/** How a curve moves, in one sentence; `what` names the x axis ("force multiplier"). */
export function describeCurve(points: readonly CurvePoint[], what: string): string {
  const first = points[0];
  const last = points[points.length - 1];
  if (first === undefined || last === undefined) return '';
  const range = `${what} from ${num(first.x)} to ${num(last.x)}`;
  const steps = points.filter((pt, i) => i > 0 && pt.threshold !== points[i - 1]?.threshold).length;
  if (steps === 0) return `The threshold stays at ${percent(first.threshold)} for ${range}.`;
  return `For ${range}, the threshold moves from ${percent(first.threshold)} to ${percent(last.threshold)}.`;
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
