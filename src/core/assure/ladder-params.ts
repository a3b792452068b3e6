/**
 * The flat block of numbers and typed arrays a scenario compiles to (`compileLadder`, compile-ladder.ts) and
 * the operations on it that the hot loop and its variants use. The hot loop (`simulate.ts`) reads only this
 * block. It is structured-cloneable, so worker threads receive it as is; this module imports nothing from
 * the scenario schema, so a worker thread does not load it (adapters/threads/simulation-thread.ts). Equations and
 * units: docs/model.md.
 */
import { siteCasualties, testPayoff, type DeterrenceState } from './deterrence.js';
import { TABLE_SIZE } from './distribution.js';

/** Index of the adversary's risk tolerance ρ among the uncertain parameters. */
export const P_RISK = 0;
/** Index of the guarantor's credibility c. */
export const P_CREDIBILITY = 1;
/**
 * Index of the per-attack draw (drawn per attack, not per run): the attacker's strength when the scenario
 * has an `assurance.attack` engagement, else the fatalities of the attack.
 */
export const P_FATALITIES = 2;
/** Index of the first nation's casualty tolerance; nation k is at P_TOLERANCE + k. */
export const P_TOLERANCE = 3;

/** One uncertain parameter, for reports. */
export interface UncertainParameter {
  /** Stable key, also the hash key of its random draw: `riskTolerance`, `credibility`, `tolerance:GBR`, … */
  readonly key: string;
  readonly label: string;
  /** False when the scenario gives it no spread (fixed value or absent): tornado skips it. */
  readonly uncertain: boolean;
}

export interface LadderParams {
  /** Ladder levels L (7). */
  readonly levels: number;
  /** Simulated days T. */
  readonly horizonDays: number;
  /** Base up and down hazards per level, per day, and the per-level deterrence multiplier. */
  readonly up: Float64Array;
  readonly down: Float64Array;
  readonly deter: Float64Array;
  readonly theta: number;
  readonly wHost: number;
  readonly wForce: number;
  readonly wRetaliation: number;
  readonly wGuarantor: number;
  /** Host strength H0, strength per trainee, and H_ref. */
  readonly hostBaseline: number;
  readonly hostPerTrainee: number;
  readonly hostReference: number;
  /** F_ref. */
  readonly forceReference: number;
  /** R_k: the coalition retaliation nation k brings while present at full stake (see `retaliationStake`). */
  readonly retaliationBy: Float64Array;
  /** Personnel at which a contributor brings half its R_k (0: all of it from the first soldier). */
  readonly retaliationStake: number;
  /** 1 when the guarantor offers a backstop (kind ≠ none). */
  readonly guarantorActive: number;
  /** G_eff = power × kinds[kind].weight. */
  readonly guarantorPower: number;
  /** 1 when the backstop kind puts the guarantor's forces in harm's way (coalition combat can become war). */
  readonly guarantorInHarmsWay: number;
  /** Pseudo-observations of the guarantor's resolve the commitment shows before any trigger. */
  readonly visibility: number;
  /** 1: the tripwire as an automatic trigger; 0: a costly signal (assurance.tripwire). */
  readonly trigger: number;
  /** Audience cost per person deployed, aloneMultiplier, hostLoss (will shares; assurance.commitment). */
  readonly audiencePerPerson: number;
  readonly aloneMultiplier: number;
  readonly hostLoss: number;
  /** 1: an attack is an engagement (P_FATALITIES draws the attacker's strength); 0: fatalities drawn directly. */
  readonly engagement: number;
  readonly attackDays: number;
  readonly attackerEffectiveness: number;
  readonly defenderEffectiveness: number;
  readonly killedShare: number;
  /** In-host sites among which the exposed force is spread (an attack strikes one). */
  readonly sites: number;
  /** Probability midpoints' quantiles of the per-attack draw (expected fatalities by quadrature). */
  readonly attackNodes: Float64Array;
  /** Mean fatalities of one attack when they are drawn directly (no engagement block). */
  readonly attackMean: number;
  /** Expected fatalities of one attack with every nation present, per period. */
  readonly expectedFatalities: Float64Array;
  readonly lagDays: number;
  readonly fatalityThreshold: number;
  readonly interventionDeters: number;
  readonly detersTo: number;
  readonly priorAlpha: number;
  readonly priorBeta: number;
  readonly collapseShare: number;
  /** Nations in the force N and periods P. */
  readonly nations: number;
  readonly periods: number;
  /**
   * Last simulation day (1-based) of each period p = 0 … P − 1, on the scenario's calendar (the planner's
   * days): day t is in the first period with t ≤ periodEnds[p]; after the last period the last one holds.
   */
  readonly periodEnds: Int32Array;
  /** Per period p and nation k at [p * N + k]. */
  readonly personnel: Float64Array;
  readonly exposed: Float64Array;
  readonly combat: Float64Array;
  readonly exposedCombat: Float64Array;
  readonly trainees: Float64Array;
  /** Peak personnel of nation k (its weight in "most of the force"). */
  readonly weight: Float64Array;
  /** 1 when period p's force layout differs from period p − 1's (period 0: 1). */
  readonly periodChanges: Uint8Array;
  /** Quantile tables, parameter i at [i * (TABLE_SIZE + 1)]. */
  readonly tables: Float64Array;
  /** Hash key of each parameter's per-run draw. */
  readonly keys: Uint32Array;
  /** Pinned value of each parameter, NaN when drawn (tornado pins one at a time). */
  readonly fixed: Float64Array;
  /** 1 when nation k has a casualty tolerance (else it never withdraws). */
  readonly hasTolerance: Uint8Array;
  /** Mean casualty tolerance of nation k (Infinity without one): the games' and the exact chain's value. */
  readonly meanTolerance: Float64Array;
  /** 1: full model; 0: no belief updates, no withdrawals, no host growth, no guarantor decisions. */
  readonly feedback: number;
  /** Labels for reports (not read by the loop). */
  readonly nationIds: readonly string[];
  readonly parameters: readonly UncertainParameter[];
}

/**
 * Expected fatalities of one attack on a site with `defenders` personnel and `combatPower`: the mean over
 * the per-attack draw's quadrature nodes of killedShare × the site's casualties (engagement), or the mean
 * of the fatalities draw itself when there is no engagement block.
 */
export function meanAttackFatalities(
  e: {
    readonly on: number;
    readonly days: number;
    readonly a: number;
    readonly b: number;
    readonly killed: number;
    readonly mean: number;
  },
  nodes: Float64Array,
  defenders: number,
  combatPower: number,
): number {
  if (e.on !== 1) return defenders > 0 ? e.mean : 0;
  let sum = 0;
  for (let j = 0; j < nodes.length; j++)
    sum += e.killed * siteCasualties(defenders, combatPower, nodes[j]!, e.a, e.b, e.days);
  return nodes.length > 0 ? sum / nodes.length : 0;
}

/** The same model with parameter `index` pinned at `value` (tornado sides, exact checks). */
export function pinParameter(m: LadderParams, index: number, value: number): LadderParams {
  const fixed = Float64Array.from(m.fixed);
  fixed[index] = value;
  return { ...m, fixed };
}

/** Salt that turns a parameter's draw into an independent one (Sobol's second sample B). */
export const RESAMPLE_SALT = 0x6a09e667;

/**
 * The same model with the per-run draws of the parameters in `indices` taken from an independent sample
 * (their hash keys salted): Saltelli's matrices B (all parameters) and A_B^(i) (parameter i only).
 */
export function resampleParameters(m: LadderParams, indices: readonly number[]): LadderParams {
  const keys = Uint32Array.from(m.keys);
  for (const i of indices) keys[i] = (keys[i]! ^ RESAMPLE_SALT) >>> 0;
  return { ...m, keys };
}

/** Quantile of uncertain parameter `index` at probability p, read from its table (what the loop samples). */
export function parameterQuantile(m: LadderParams, index: number, p: number): number {
  const off = index * (TABLE_SIZE + 1);
  const x = p * TABLE_SIZE;
  const i = Math.min(TABLE_SIZE - 1, Math.floor(x));
  const lo = m.tables[off + i]!;
  return lo + (x - i) * (m.tables[off + i + 1]! - lo);
}

/** A `DeterrenceState` that `fillDeterrence` rewrites in place (no allocation per event in the loop). */
export type MutableDeterrence = { -readonly [K in keyof DeterrenceState]: DeterrenceState[K] };

export function emptyDeterrence(): MutableDeterrence {
  return {
    stakes: 0,
    hostDenial: 0,
    forceDenial: 0,
    retaliation: 0,
    guarantorPunishment: 0,
    belief: 0,
    audienceCost: 0,
    casualtyCost: 0,
    aloneCost: 0,
    hostLoss: 0,
    triggered: false,
    backstop: false,
  };
}

/**
 * The deterrence state of model m in period p (0-based) for the nations present (`present[k]` = 1; null:
 * all), host strength H, belief μ, risk tolerance ρ and casualty tolerances `tol` (null: their means).
 * Writes `st` and returns the adversary's expected payoff of testing U (deterrence.ts).
 */
export function fillDeterrence(
  m: LadderParams,
  st: MutableDeterrence,
  p: number,
  present: Uint8Array | null,
  H: number,
  mu: number,
  rho: number,
  tol: Float64Array | null,
): number {
  const N = m.nations;
  const base = p * N;
  let F = 0;
  let ex = 0;
  let exCp = 0;
  let pers = 0;
  let R = 0;
  let tolW = 0;
  let tolSum = 0;
  let all = true;
  for (let k = 0; k < N; k++) {
    if (present !== null && present[k] === 0) {
      all = false;
      continue;
    }
    F += m.combat[base + k]!;
    ex += m.exposed[base + k]!;
    exCp += m.exposedCombat[base + k]!;
    const n = m.personnel[base + k]!;
    pers += n;
    if (n > 0)
      R +=
        m.retaliationStake > 0 ? (m.retaliationBy[k]! * n) / (n + m.retaliationStake) : m.retaliationBy[k]!;
    const t = tol === null ? m.meanTolerance[k]! : tol[k]!;
    if (n > 0 && t < Infinity) {
      tolW += n;
      tolSum += n * t;
    }
  }
  const fat = all
    ? m.expectedFatalities[p]!
    : meanAttackFatalities(
        {
          on: m.engagement,
          days: m.attackDays,
          a: m.attackerEffectiveness,
          b: m.defenderEffectiveness,
          killed: m.killedShare,
          mean: m.attackMean,
        },
        m.attackNodes,
        ex / m.sites,
        exCp / m.sites,
      );
  const k = tolW > 0 && tolSum > 0 ? fat / (tolSum / tolW) : 0;
  st.stakes = rho;
  st.hostDenial = (m.wHost * H) / m.hostReference;
  st.forceDenial = ex > 0 || F > 0 ? (m.wForce * F) / m.forceReference : 0;
  st.retaliation = pers > 0 ? m.wRetaliation * R : 0;
  st.guarantorPunishment = m.wGuarantor * m.guarantorPower;
  st.belief = mu;
  st.audienceCost = m.audiencePerPerson * pers;
  st.casualtyCost = k;
  st.aloneCost = m.aloneMultiplier * k;
  st.hostLoss = m.hostLoss;
  st.triggered = m.trigger === 1 && m.guarantorActive === 1 && ex > 0 && fat >= m.fatalityThreshold;
  st.backstop = m.guarantorActive === 1;
  return testPayoff(st);
}
