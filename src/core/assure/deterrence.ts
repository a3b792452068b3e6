/**
 * The deterrence model, in one place, read by both the Monte Carlo (`ladder-params.ts`, `simulate.ts`) and
 * the credibility games (`core/game`). docs/model.md §3 derives it; docs/games.md shows the same numbers as
 * game payoffs.
 *
 * The adversary weighs testing the force (escalating past the ceasefire) by its expected payoff
 *
 *   U = (ρ − D_host) − q_C · (D_force + R) − q_G · W
 *
 * - ρ: what testing is worth to it (risk tolerance, drawn per run); D_host: the host's denial;
 * - D_force + R: what fighting the force costs it — the force's own denial and the coalition's retaliation
 *   beyond the engagement — paid only if the coalition fights (q_C: the chance it does);
 * - W: the guarantor's punishment (power × the backstop kind's weight), paid if the guarantor intervenes
 *   (q_G: the chance it does, as the adversary believes).
 *
 * Whether the coalition fights follows the game's backward induction (docs/games.md §4): against a
 * resolute guarantor it fights iff its audience cost a of abandoning the force is at least its casualty
 * cost k; against an irresolute one iff a ≥ k + L (fighting alone); in the `trigger` reading, once the
 * fatalities of an attack reach the guarantor's threshold, any guarantor intervenes beside a force that
 * fights, and the force fights iff a + h ≥ k. With μ the adversary's belief that the guarantor is resolute:
 *
 *   q_C = μ · [fights | resolute] + (1 − μ) · [fights | irresolute]
 *   q_G = μ + (1 − μ) · [trigger met and the force fights | irresolute]   (0 without a backstop)
 *
 * The Monte Carlo's hazard of each deterrable step is base · exp(d_ℓ · θ · U); the game's adversary tests
 * iff U > 0 at the prior. Both call `testPayoff` below, so they cannot disagree in direction or threshold.
 */

// The closed form itself, not the folder's index: the index also holds the engagement-file schema (zod),
// which the simulation's worker threads must not load (adapters/threads/simulation-thread.ts).
// eslint-disable-next-line no-restricted-imports -- deliberate: see the comment above.
import { squareLawLosses, type Losses } from '../engagement/closed-form.js';

/** The numbers the adversary's choice depends on at one moment (deterrence units unless noted). */
export interface DeterrenceState {
  /** ρ: what testing is worth to the adversary. */
  readonly stakes: number;
  /** D_host: the host's denial. */
  readonly hostDenial: number;
  /** D_force: the force's own denial (its combat power against the host's reference). */
  readonly forceDenial: number;
  /** R: the coalition's retaliation if it fights. */
  readonly retaliation: number;
  /** W: the guarantor's punishment if it intervenes (0 without a backstop). */
  readonly guarantorPunishment: number;
  /** μ: the adversary's belief that the guarantor is resolute, in [0, 1]. */
  readonly belief: number;
  /** a: the coalition's audience cost of abandoning the force (will shares). */
  readonly audienceCost: number;
  /** k: the coalition's cost of the casualties of one attack (will shares). */
  readonly casualtyCost: number;
  /** L: the extra cost of fighting without the guarantor (will shares). */
  readonly aloneCost: number;
  /** h: the cost to the coalition of the host left undefended (will shares). */
  readonly hostLoss: number;
  /** True in the `trigger` reading when an attack's expected fatalities reach the guarantor's threshold. */
  readonly triggered: boolean;
  /** True when there is a backstop (kind ≠ none). */
  readonly backstop: boolean;
}

/** Does the coalition fight an attack on its force, against a resolute and an irresolute guarantor? */
export function coalitionFightsIfResolute(a: number, k: number): boolean {
  return a >= k;
}

export function coalitionFightsIfIrresolute(
  a: number,
  k: number,
  aloneCost: number,
  hostLoss: number,
  triggered: boolean,
): boolean {
  return triggered ? a + hostLoss >= k : a >= k + aloneCost;
}

/**
 * q_C: the probability the coalition fights, for a belief μ in the guarantor's resolve. Without a backstop
 * the coalition knows it fights alone (μ counts as 0).
 */
export function coalitionFightProbability(st: DeterrenceState): number {
  if (st.audienceCost <= 0 && st.casualtyCost <= 0 && st.forceDenial + st.retaliation <= 0) return 0;
  const mu = st.backstop ? st.belief : 0;
  const r = coalitionFightsIfResolute(st.audienceCost, st.casualtyCost) ? 1 : 0;
  const i = coalitionFightsIfIrresolute(
    st.audienceCost,
    st.casualtyCost,
    st.aloneCost,
    st.hostLoss,
    st.triggered && st.backstop,
  )
    ? 1
    : 0;
  return mu * r + (1 - mu) * i;
}

/** q_G: the probability the guarantor intervenes after an attack, as the adversary believes it. */
export function guarantorInterventionProbability(st: DeterrenceState): number {
  if (!st.backstop) return 0;
  const pulled =
    st.triggered &&
    coalitionFightsIfIrresolute(st.audienceCost, st.casualtyCost, st.aloneCost, st.hostLoss, true);
  return pulled ? 1 : st.belief;
}

/** U: the adversary's expected payoff of testing (positive: testing pays). */
export function testPayoff(st: DeterrenceState): number {
  return (
    st.stakes -
    st.hostDenial -
    coalitionFightProbability(st) * (st.forceDenial + st.retaliation) -
    guarantorInterventionProbability(st) * st.guarantorPunishment
  );
}

/**
 * The adversary's belief in the guarantor's resolve before any trigger: its prior Beta(α₀, β₀) updated by
 * `visibility` pseudo-observations of a guarantor of resolve c (what the declared, visible commitment shows:
 * a monitoring mechanism, forces in theatre, a public pledge). Returns (α, β); μ = α / (α + β).
 */
export function perceivedResolve(
  priorAlpha: number,
  priorBeta: number,
  visibility: number,
  credibility: number,
): readonly [number, number] {
  return [priorAlpha + visibility * credibility, priorBeta + visibility * (1 - credibility)];
}

const losses: Losses = { blueLost: 0, redLost: 0 };

/**
 * Casualties of the defenders at one site in an attack: Lanchester's square law (aimed fire, constant
 * coefficients, no reinforcement during the attack; core/engagement, docs/engagement.md) with x the
 * defenders' personnel, y the attackers', a the casualties one attacker inflicts per day and b' = b · C / x₀
 * the attacker casualties per defender per day (b per unit of combat power C at the site). A site with no
 * combat power (b' = 0) loses a·y₀·t, at most x₀. Returns the defenders' casualties in [0, x₀].
 */
export function siteCasualties(
  defenders: number,
  combatPower: number,
  attackers: number,
  attackerEffectiveness: number,
  defenderEffectiveness: number,
  days: number,
): number {
  if (!(defenders > 0) || !(attackers > 0) || !(attackerEffectiveness > 0) || !(days > 0)) return 0;
  const b = (defenderEffectiveness * combatPower) / defenders;
  squareLawLosses(defenders, attackers, attackerEffectiveness, b > 0 ? b : 0, days, losses);
  return Math.min(defenders, Math.max(0, losses.blueLost));
}
