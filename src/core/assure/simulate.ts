/**
 * The hot loop: simulates runs [from, to) of every model in a job and returns their partial statistics.
 *
 * Readable model (docs/model.md has the equations): each day t = 1 … T at ladder level ℓ,
 *   λup(ℓ, t) = up[ℓ] · gate(ℓ) · exp(deter[ℓ] · θ · (ρ − D(t) − P(t))),   λdown(ℓ) = down[ℓ],
 *   D(t) = wH · H(t) / Href + wF · F(t) / Fref,   P(t) = wR · R(t) + wG · G · α / (α + β);
 * a move happens on day t with probability 1 − exp(−(λup + λdown)), upwards with share λup / (λup + λdown).
 *
 * Implementation: instead of one uniform per day, each sojourn draws an exponential clock E ~ Exp(1) (by the
 * ziggurat method) and moves on the first day the accumulated hazard Σ (λup + λdown) reaches E. The probability of no move through
 * day t is exp(−Σ λ), exactly the product of the daily probabilities above, so the two are the same process
 * in distribution; the clock needs no random draw and no exp() per day. Because the host's strength grows
 * linearly between events, exp(−deter·θ·wH·H(t)/Href) is updated by one multiplication a day.
 *
 * Everything per day is arithmetic on locals. Events that change deterrence (withdrawals, guarantor
 * decisions, period changes) call `segment`, which recomputes every level's hazard at the current host
 * strength; a move between levels only reads them (and one exp() when the host is growing).
 */
import { TABLE_SIZE } from './distribution.js';
import { perceivedResolve, siteCasualties } from './deterrence.js';
import type { LadderParams, MutableDeterrence } from './ladder-params.js';
import {
  emptyDeterrence,
  fillDeterrence,
  P_CREDIBILITY,
  P_FATALITIES,
  P_RISK,
  P_TOLERANCE,
} from './ladder-params.js';
import { hashUnit, mix32, TWO_POW_MINUS_32, ZIG_FE, ZIG_KE, ZIG_R, ZIG_WE } from './rng.js';
import type { PartialStats } from './partial-stats.js';
import {
  CATEGORIES,
  emptyStats,
  fatalityBin,
  O_COLLAPSE,
  O_CONTAINED,
  O_CONTESTED,
  O_HELD,
  O_RENEWED,
  O_WIDER,
} from './partial-stats.js';

/** A job: models simulated in lockstep on the same run indices (common random numbers). */
export interface Job {
  readonly models: readonly LadderParams[];
  /**
   * Per model, the index of the earlier model (or itself) its `joint` table pairs it with (default: model 0
   * for every model). A chain [0, 0, 1, 2, …] pairs each model with its predecessor (the frontier's
   * neighbours).
   */
  readonly pairedWith?: readonly number[];
}

/** The model each model of a job is paired with; throws on a reference that is not an earlier model. */
export function pairingOf(job: Job): Int32Array {
  const V = job.models.length;
  const out = new Int32Array(V);
  const p = job.pairedWith;
  if (p === undefined) return out;
  if (p.length !== V) throw new RangeError(`pairedWith has ${p.length} entries for ${V} models`);
  for (let v = 0; v < V; v++) {
    const r = p[v]!;
    if (!Number.isSafeInteger(r) || r < 0 || r > v)
      throw new RangeError(`pairedWith[${v}] = ${r}: must be this or an earlier model`);
    out[v] = r;
  }
  return out;
}

const K1 = TABLE_SIZE + 1;

/** Per-model scratch reused across runs of a chunk (no allocation per run or step). */
interface Scratch {
  readonly will: Float64Array;
  readonly tol: Float64Array;
  readonly present: Uint8Array;
  readonly first: Int32Array;
  /** Run state shared with `segment`: see the S_* indices. */
  readonly s: Float64Array;
  /** Per level, from `segment`: λup at the segment start and its daily growth factor. */
  readonly upSeg: Float64Array;
  readonly ratioSeg: Float64Array;
  /** Per level, log(ratioSeg[ℓ]) = −deter[ℓ]·c and ratioSeg[ℓ] − 1 (expm1): the event-driven closed forms. */
  readonly logRatioSeg: Float64Array;
  readonly em1Seg: Float64Array;
  /** The deterrence state of the current segment (rewritten in place). */
  readonly det: MutableDeterrence;
}

const S_RHO = 0;
const S_ALPHA = 1;
const S_BETA = 2;
const S_HBASE = 3;
const S_TBASE = 4;
const S_GROWTH = 5;
const S_PERIOD = 6;
const S_TOTALW = 7;
const S_EXPOSED = 8;
const S_GROWTH_FACTOR = 9;
const S_EXPOSED_CP = 10;

function makeScratch(m: LadderParams): Scratch {
  let totalW = 0;
  for (let k = 0; k < m.nations; k++) totalW += m.weight[k]!;
  const s = new Float64Array(11);
  s[S_TOTALW] = totalW;
  return {
    will: new Float64Array(m.nations),
    tol: new Float64Array(m.nations),
    present: new Uint8Array(m.nations),
    first: new Int32Array(m.levels),
    s,
    upSeg: new Float64Array(m.levels),
    ratioSeg: new Float64Array(m.levels),
    logRatioSeg: new Float64Array(m.levels),
    em1Seg: new Float64Array(m.levels),
    det: emptyDeterrence(),
  };
}

/** Draw of per-run parameter i: pinned value, else its quantile table at hashUnit(seed, run, key). */
function drawParameter(m: LadderParams, i: number, seed: number, run: number): number {
  const u = hashUnit(seed, run, m.keys[i]!);
  const pinned = m.fixed[i]!;
  if (pinned === pinned) return pinned;
  const x = u * TABLE_SIZE;
  const j = x | 0;
  const lo = m.tables[i * K1 + j]!;
  return lo + (x - j) * (m.tables[i * K1 + j + 1]! - lo);
}

/**
 * Starts a new deterrence segment at the end of day t (after a withdrawal, a guarantor decision or a period
 * change). Closes the host-growth segment: H(t) = Hbase + g · (t − tbase). For every level ℓ writes
 * upSeg[ℓ] = λup(ℓ) at H(t), ratioSeg[ℓ] = its daily growth factor exp(−deter[ℓ]·θ·wH·g/Href) and the log
 * of that factor; s[S_EXPOSED] = exposed personnel present.
 */
function segment(m: LadderParams, sc: Scratch, t: number): void {
  const N = m.nations;
  const s = sc.s;
  const p = s[S_PERIOD]!;
  const base = p * N;
  let tr = 0;
  let ex = 0;
  let exCp = 0;
  for (let k = 0; k < N; k++) {
    if (sc.present[k] === 0) continue;
    tr += m.trainees[base + k]!;
    ex += m.exposed[base + k]!;
    exCp += m.exposedCombat[base + k]!;
  }
  const H = s[S_HBASE]! + s[S_GROWTH]! * (t - s[S_TBASE]!);
  s[S_HBASE] = H;
  s[S_TBASE] = t;
  const g = m.feedback === 1 ? (m.hostPerTrainee * tr) / 365 : 0;
  s[S_GROWTH] = g;
  s[S_EXPOSED] = ex;
  s[S_EXPOSED_CP] = exCp;
  const mu = s[S_ALPHA]! / (s[S_ALPHA]! + s[S_BETA]!);
  // The adversary's expected payoff of testing, from the one deterrence model (deterrence.ts). Without
  // feedback (the exact chain) casualty tolerances stay at their means.
  const U = fillDeterrence(m, sc.det, p, sc.present, H, mu, s[S_RHO]!, m.feedback === 1 ? sc.tol : null);
  const X = m.theta * U;
  const c = (m.theta * m.wHost * g) / m.hostReference;
  s[S_GROWTH_FACTOR] = Math.exp(-c);
  // exp(d·X) and exp(−d·c) for the usual multipliers d = 0 and 1 without calling exp per level (exact:
  // 1·X = X and exp(0) = 1).
  const eX = Math.exp(X);
  const eC = s[S_GROWTH_FACTOR];
  const war = m.guarantorActive === 1 && m.guarantorInHarmsWay === 1;
  for (let l = 0; l < m.levels; l++) {
    // Attacks on the force need exposed personnel; coalition combat becomes war with the guarantor on its
    // own only where the backstop puts the guarantor's forces in harm's way.
    const open = l === 3 || l === 4 ? ex > 0 : l === 5 ? war : true;
    const d = m.deter[l]!;
    const u = open ? m.up[l]! * (d === 1 ? eX : d === 0 ? 1 : Math.exp(d * X)) : 0;
    const r = d === 1 ? eC : d === 0 ? 1 : Math.exp(-d * c);
    // The loop advances only while every hazard is finite and no factor grows it (NaN fails both tests):
    // one check per segment instead of one per day.
    if (!(u + m.down[l]! < Infinity) || !(r >= 0 && r <= 1) || !(eC >= 0 && eC <= 1))
      throw new NonFiniteHazardError(l, t, u, m.down[l]!, r, U);
    sc.upSeg[l] = u;
    sc.ratioSeg[l] = r;
    sc.logRatioSeg[l] = d === 0 ? 0 : -d * c;
    sc.em1Seg[l] = d === 0 ? 0 : Math.expm1(-d * c);
  }
}

/**
 * Thrown by the simulation when a hazard is not a finite number (or a daily factor is outside [0, 1]): the
 * run could not advance. Scenario validation bounds every input so that this cannot happen
 * (docs/scenario-reference.md, "Bounds"); reaching it means a value outside those bounds got through.
 */
export class NonFiniteHazardError extends RangeError {
  /** Stable code, also at the start of the message (the message is what crosses a worker boundary). */
  readonly code = 'assure.non-finite-hazard';
  constructor(level: number, day: number, up: number, down: number, factor: number, payoff: number) {
    super(
      `assure.non-finite-hazard: ladder level ${level} at day ${day} has hazard up ${up}, down ${down}, daily factor ${factor} (adversary's payoff of testing ${payoff}); a scenario value outside the validated bounds reached the simulation`,
    );
    this.name = 'NonFiniteHazardError';
  }
}

/**
 * Σ_{j=1..k} (u·r^j + d): the hazard accumulated over the next k days of a sojourn whose up hazard is u
 * today and changes by the factor r = e^{lr} a day (r = 1: constant), with down hazard d; em1 = e^{lr} − 1.
 * Geometric sum: u·r·(r^k − 1)/(r − 1) + d·k, written with expm1 so that r close to 1 loses no digits.
 */
export function hazardSum(u: number, d: number, r: number, lr: number, em1: number, k: number): number {
  if (r === 1) return (u + d) * k;
  const a = u * r;
  return (a === 0 ? 0 : (a * Math.expm1(k * lr)) / em1) + d * k;
}

/**
 * The day an exponential clock rings, in closed form (the inverse of the hazard's cumulative sum): the
 * smallest k in 1 … K with hazardSum(u, d, r, lr, em1, k) ≥ need, or 0 when it does not ring within K days.
 * The up hazard never grows (r ≤ 1), so the first day's hazard λ1 = u·r + d is the largest and k is at
 * least ⌈need / λ1⌉: that is the answer for a constant hazard and, when the hazard falls slowly, usually
 * for a geometric one too (checked with the closed-form sum). Otherwise
 * - no down hazard: k = ⌈log(1 − need / A) / log r⌉ with A = u·r/(1 − r), the whole geometric tail;
 * - both: S(x) = A(1 − r^x) + d·x is increasing and concave, so Newton's method from a point below the
 *   root stays below it and converges monotonically; it stops once ⌈x⌉ reaches need.
 * The per-day loop sums the same hazards day by day, so both ring on the same day up to rounding.
 */
export function ringDay(
  need: number,
  u: number,
  d: number,
  r: number,
  lr: number,
  em1: number,
  K: number,
): number {
  const a = u * r;
  const first = a + d;
  if (!(first > 0) || K <= 0) return 0;
  let k = Math.ceil(need / first);
  // Even the largest hazard every day falls short (NaN goes on to ring at once: the run still advances).
  if (k > K) return 0;
  if (!(k >= 1)) k = 1;
  if (r === 1 || a === 0) return k;
  // r^j ≥ 1 + j·lr (e^x ≥ 1 + x): a lower bound of S(k) without exp; the exact sum only when it falls short.
  if (k * first + (a * lr * k * (k + 1)) / 2 >= need || hazardSum(u, d, r, lr, em1, k) >= need) return k;
  const A = -a / em1;
  if (d === 0) {
    if (!(need < A)) return 0;
    k = Math.ceil(Math.log1p(-need / A) / lr);
    return k <= K ? (k >= 1 ? k : 1) : 0;
  }
  // Newton from x = k (below the root: S(k) < need).
  let x = k;
  for (let i = 0; i < 64; i++) {
    const e = Math.exp(x * lr);
    x -= (A * (1 - e) + d * x - need) / (d - A * lr * e);
    const c = Math.ceil(x);
    if (c > K) return hazardSum(u, d, r, lr, em1, K) >= need ? K : 0;
    if (hazardSum(u, d, r, lr, em1, c) >= need) return c > k ? c : k + 1;
    if (c > x) x = c;
  }
  return K;
}

/** Simulates run `run` of model m, adds it to `st`, returns its paired category. */
function simulateRun(
  m: LadderParams,
  st: PartialStats,
  sc: Scratch,
  seed: number,
  run: number,
  daily: boolean,
): number {
  const N = m.nations;
  const L = m.levels;
  const T = m.horizonDays;
  const INF = T + 1;
  const s = sc.s;
  const occ = st.occupancy;
  const first = sc.first;
  const down = m.down;
  const upSeg = sc.upSeg;
  const ratioSeg = sc.ratioSeg;
  const logRatioSeg = sc.logRatioSeg;
  const em1Seg = sc.em1Seg;
  const deter = m.deter;
  // Module bindings as locals: imported names are read through module cells on every use.
  const U = TWO_POW_MINUS_32;
  const ke = ZIG_KE;
  const we = ZIG_WE;
  const fe = ZIG_FE;
  const zr = ZIG_R;
  const feedback = m.feedback === 1;

  // Uncertain parameters, drawn once per run from (seed, run, key) only.
  s[S_RHO] = drawParameter(m, P_RISK, seed, run);
  const cred = drawParameter(m, P_CREDIBILITY, seed, run);
  for (let k = 0; k < N; k++) {
    const tol = drawParameter(m, P_TOLERANCE + k, seed, run);
    sc.tol[k] = m.hasTolerance[k] === 1 ? tol : Infinity;
    sc.will[k] = 1;
    sc.present[k] = 1;
  }
  for (let l = 0; l < L; l++) sc.first[l] = -1;
  // The adversary's belief before any trigger: its prior, updated by what the commitment shows of this
  // run's resolve c (none without feedback: the exact chain keeps the prior).
  if (feedback && m.guarantorActive === 1) {
    const [al, be] = perceivedResolve(m.priorAlpha, m.priorBeta, m.visibility, cred);
    s[S_ALPHA] = al;
    s[S_BETA] = be;
  } else {
    s[S_ALPHA] = m.priorAlpha;
    s[S_BETA] = m.priorBeta;
  }
  s[S_HBASE] = m.hostBaseline;
  s[S_TBASE] = 0;
  s[S_GROWTH] = 0;
  s[S_PERIOD] = 0;
  const fatPinned = m.fixed[P_FATALITIES]!;
  const fatOff = P_FATALITIES * K1;

  // xoshiro128** state of this run (splitmix32 from (seed, run)); inlined below.
  let z = mix32((seed ^ mix32((run ^ 0x5bd1e995) >>> 0)) >>> 0);
  z = (z + 0x9e3779b9) | 0;
  let s0 = mix32(z) | 0;
  z = (z + 0x9e3779b9) | 0;
  let s1 = mix32(z) | 0;
  z = (z + 0x9e3779b9) | 0;
  let s2 = mix32(z) | 0;
  z = (z + 0x9e3779b9) | 0;
  let s3 = mix32(z) | 0;
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1;
  let r: number;
  let tt: number;

  let level = 0;
  let maxLevel = 0;
  let fatal = 0;
  let withdrawn = 0;
  let withdrawnWeight = 0;
  let decisionDay = INF;
  let triggered = false;
  let intervened = false;
  let abstained = false;
  let nextPeriod = m.periods > 1 ? m.periodEnds[0]! + 1 : INF;
  let nextSched = nextPeriod;
  let changed = false;
  occ[0]! += 1;

  segment(m, sc, 0);
  let upL = upSeg[0]!;
  let dnL = down[0]!;
  let ratio = ratioSeg[0]!;
  let logRatio = logRatioSeg[0]!;
  let em1 = em1Seg[0]!;
  // hostFac = exp(−c·(t − tbase)), kept by one multiplication a day (no exp() per move). The event-driven
  // loop keeps it at day facDay (hostFac = growth^(facDay − tbase)) and catches up when a move reads it.
  let hostFac = 1;
  let facDay = 0;
  let growth = s[S_GROWTH_FACTOR]!;
  let clock = 0;
  let cum = 0;
  let needClock = true;

  let t = 0;
  for (;;) {
    if (needClock) {
      // A new exponential clock E ~ Exp(1): ziggurat (rng.ts), inlined; the slow path is rare.
      needClock = false;
      r = Math.imul(s1, 5);
      r = Math.imul((r << 7) | (r >>> 25), 9) >>> 0;
      tt = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= tt;
      s3 = (s3 << 11) | (s3 >>> 21);
      let iz = r & 255;
      if (r < ke[iz]!) clock = r * we[iz]!;
      else
        for (;;) {
          if (iz === 0) {
            r = Math.imul(s1, 5);
            r = Math.imul((r << 7) | (r >>> 25), 9) >>> 0;
            tt = s1 << 9;
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= tt;
            s3 = (s3 << 11) | (s3 >>> 21);
            clock = zr - Math.log((r + 0.5) * U);
            break;
          }
          const x = r * we[iz]!;
          r = Math.imul(s1, 5);
          r = Math.imul((r << 7) | (r >>> 25), 9) >>> 0;
          tt = s1 << 9;
          s2 ^= s0;
          s3 ^= s1;
          s1 ^= s2;
          s0 ^= s3;
          s2 ^= tt;
          s3 = (s3 << 11) | (s3 >>> 21);
          if (fe[iz]! + (r + 0.5) * U * (fe[iz - 1]! - fe[iz]!) < Math.exp(-x)) {
            clock = x;
            break;
          }
          r = Math.imul(s1, 5);
          r = Math.imul((r << 7) | (r >>> 25), 9) >>> 0;
          tt = s1 << 9;
          s2 ^= s0;
          s3 ^= s1;
          s1 ^= s2;
          s0 ^= s3;
          s2 ^= tt;
          s3 = (s3 << 11) | (s3 >>> 21);
          iz = r & 255;
          if (r < ke[iz]!) {
            clock = r * we[iz]!;
            break;
          }
        }
    }
    const limit = nextSched <= T ? nextSched - 1 : T;
    // Plain days up to the next scheduled day. Per day (the reference) all of them; event-driven, only the
    // first PROBE_DAYS of them, where most sojourns of a fast ladder end, since a step is cheaper than the
    // closed form; then the rest in one jump. The loop is unrolled by two (one check per two days); the
    // order of operations is that of one day at a time.
    const near = daily || limit - t <= PROBE_DAYS ? limit : t + PROBE_DAYS;
    const from = t;
    while (t + 1 < near) {
      upL *= ratio;
      hostFac *= growth;
      cum += upL + dnL;
      t++;
      if (cum >= clock) break;
      upL *= ratio;
      hostFac *= growth;
      cum += upL + dnL;
      t++;
      if (cum >= clock) break;
    }
    if (t < near && !(cum >= clock)) {
      upL *= ratio;
      hostFac *= growth;
      cum += upL + dnL;
      t++;
    }
    facDay += t - from;
    if (t < limit && !(cum >= clock)) {
      // Event-driven: the day the clock rings among the plain days t + 1 … limit, in closed form (the
      // hazards there are u·r^j + d, j = 1, 2, …): one jump instead of one step per day.
      const K = limit - t;
      const k = ringDay(clock - cum, upL, dnL, ratio, logRatio, em1, K);
      const j = k === 0 ? K : k;
      if (k === 0) cum += hazardSum(upL, dnL, ratio, logRatio, em1, K);
      else cum = clock;
      if (ratio !== 1) upL *= Math.exp(j * logRatio);
      t += j;
    }
    // `!(cum >= clock)`, not `cum < clock`: if cum were ever NaN the day still advances to the horizon.
    if (!(cum >= clock)) {
      if (t >= T) break;
      // Day t + 1 is a scheduled day (period change or guarantor decision).
      t++;
      let refresh = t === decisionDay;
      if (t === nextPeriod) {
        const p: number = s[S_PERIOD] + 1;
        s[S_PERIOD] = p;
        nextPeriod = p < m.periods - 1 ? m.periodEnds[p]! + 1 : INF;
        // A period whose force layout equals the previous one changes no hazard.
        if (m.periodChanges[p] === 1) refresh = true;
      }
      if (t === decisionDay) {
        decisionDay = INF;
        r = Math.imul(s1, 5);
        r = Math.imul((r << 7) | (r >>> 25), 9) >>> 0;
        tt = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= tt;
        s3 = (s3 << 11) | (s3 >>> 21);
        // In the trigger reading any guarantor intervenes beside a force still in place.
        if ((m.trigger === 1 && s[S_EXPOSED]! > 0) || (r + 0.5) * U < cred) {
          // The guarantor intervenes: the adversary's belief in its resolve rises (α + 1).
          s[S_ALPHA] += 1;
          st.guarantor[3]! += 1;
          intervened = true;
          if (level >= 4 && level < L - 1) {
            r = Math.imul(s1, 5);
            r = Math.imul((r << 7) | (r >>> 25), 9) >>> 0;
            tt = s1 << 9;
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= tt;
            s3 = (s3 << 11) | (s3 >>> 21);
            const to = (r + 0.5) * U < m.interventionDeters ? m.detersTo : L - 1;
            st.guarantor[to === L - 1 ? 5 : 4]! += 1;
            occ[t * L + level]! -= 1;
            occ[t * L + to]! += 1;
            level = to;
            while (maxLevel < level) first[++maxLevel] = t;
          }
        } else {
          s[S_BETA] += 1;
          abstained = true;
        }
      }
      nextSched = nextPeriod < decisionDay ? nextPeriod : decisionDay;
      if (refresh) {
        segment(m, sc, t - 1);
        upL = upSeg[level]!;
        dnL = down[level]!;
        ratio = ratioSeg[level]!;
        logRatio = logRatioSeg[level]!;
        em1 = em1Seg[level]!;
        hostFac = 1;
        facDay = t - 1;
        growth = s[S_GROWTH_FACTOR]!;
      }
      if (upL === 0 && dnL === 0 && nextSched === INF) break;
      upL *= ratio;
      hostFac *= growth;
      facDay++;
      cum += upL + dnL;
    }
    if (cum >= clock) {
      r = Math.imul(s1, 5);
      r = Math.imul((r << 7) | (r >>> 25), 9) >>> 0;
      tt = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= tt;
      s3 = (s3 << 11) | (s3 >>> 21);
      const old = level;
      level = (r + 0.5) * U * (upL + dnL) < upL ? level + 1 : level - 1;
      occ[t * L + old]! -= 1;
      occ[t * L + level]! += 1;
      if (level > maxLevel) {
        maxLevel = level;
        first[level] = t;
      }
      if (level > old && (level === 4 || level === 5)) {
        // An attack on the force: fatalities drawn per attack, shared by exposed personnel.
        r = Math.imul(s1, 5);
        r = Math.imul((r << 7) | (r >>> 25), 9) >>> 0;
        tt = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= tt;
        s3 = (s3 << 11) | (s3 >>> 21);
        let f = fatPinned;
        if (f !== f) {
          const x = (r + 0.5) * U * TABLE_SIZE;
          const j = x | 0;
          const lo = m.tables[fatOff + j]!;
          f = lo + (x - j) * (m.tables[fatOff + j + 1]! - lo);
        }
        const exposedNow = s[S_EXPOSED]!;
        // With an engagement block the draw is the attacker's strength against one site (deterrence.ts).
        const deaths =
          m.engagement === 1
            ? Math.round(
                m.killedShare *
                  siteCasualties(
                    exposedNow / m.sites,
                    s[S_EXPOSED_CP]! / m.sites,
                    f,
                    m.attackerEffectiveness,
                    m.defenderEffectiveness,
                    m.attackDays,
                  ),
              )
            : Math.round(f > 0 ? f : 0);
        fatal += deaths;
        if (feedback && deaths > 0 && exposedNow > 0) {
          const base = s[S_PERIOD] * N;
          for (let k = 0; k < N; k++) {
            if (sc.present[k] === 0) continue;
            const share = (deaths * m.exposed[base + k]!) / exposedNow;
            if (share <= 0) continue;
            sc.will[k]! -= share / sc.tol[k]!;
            if (sc.will[k]! <= 0) {
              sc.present[k] = 0;
              changed = true;
              withdrawn++;
              withdrawnWeight += m.weight[k]!;
              st.withdrawnBy[k]! += 1;
            }
          }
        }
        if (feedback && m.guarantorActive === 1 && fatal >= m.fatalityThreshold && decisionDay === INF) {
          decisionDay = t + (m.lagDays >= 1 ? Math.round(m.lagDays) : 1);
          if (decisionDay < nextSched) nextSched = decisionDay;
          triggered = true;
        }
      }
      if (changed) {
        segment(m, sc, t);
        changed = false;
        hostFac = 1;
        facDay = t;
        growth = s[S_GROWTH_FACTOR]!;
      }
      // Hazards of the new level at day t: λup(ℓ) = upSeg[ℓ] · hostFac^deter[ℓ].
      const d = deter[level]!;
      if (!daily && d !== 0 && facDay !== t) {
        const lag = t - facDay;
        if (growth !== 1)
          if (lag <= 16) for (let i = 0; i < lag; i++) hostFac *= growth;
          else hostFac *= Math.pow(growth, lag);
        facDay = t;
      }
      upL =
        d === 0 ? upSeg[level]! : d === 1 ? upSeg[level]! * hostFac : upSeg[level]! * Math.pow(hostFac, d);
      dnL = down[level]!;
      ratio = ratioSeg[level]!;
      logRatio = logRatioSeg[level]!;
      em1 = em1Seg[level]!;
      needClock = true;
      cum = 0;
      // An absorbing level with nothing scheduled: the rest of the horizon is known.
      if (upL === 0 && dnL === 0 && nextSched === INF) break;
    }
  }

  // Outcome at the horizon, most severe first.
  const totalW = s[S_TOTALW]!;
  let outcome: number;
  if (maxLevel >= L - 1) outcome = O_WIDER;
  else if (totalW > 0 && withdrawnWeight > m.collapseShare * totalW) outcome = O_COLLAPSE;
  else if (level >= 3) outcome = O_RENEWED;
  else if (maxLevel >= 4) outcome = O_CONTAINED;
  else if (maxLevel >= 3) outcome = O_CONTESTED;
  else outcome = O_HELD;

  st.runs += 1;
  st.runDays += T;
  st.outcomes[outcome]! += 1;
  for (let l = 0; l <= maxLevel; l++) st.reached[l]! += 1;
  st.finalLevel[level]! += 1;
  const f2 = first[2]!;
  const f3 = first[3]!;
  const f4 = first[4]!;
  const f6 = first[L - 1]!;
  st.firstMinor[f2 < 0 ? INF : f2]! += 1;
  st.firstFailure[f3 < 0 ? INF : f3]! += 1;
  st.firstTripwire[f4 < 0 ? INF : f4]! += 1;
  st.firstWider[f6 < 0 ? INF : f6]! += 1;
  st.fatalities[fatalityBin(fatal)]! += 1;
  st.withdrawals[withdrawn]! += 1;
  if (triggered) st.guarantor[0]! += 1;
  if (intervened) st.guarantor[1]! += 1;
  if (abstained) st.guarantor[2]! += 1;
  return outcome * 2 + (maxLevel >= 3 ? 1 : 0);
}

/**
 * How the loop finds the day of the next move: `events` jumps to it in closed form (`ringDay`), `days`
 * steps day by day (the reference, kept as the test oracle). Both draw the same random numbers in the same
 * order, so they agree run by run up to floating-point rounding at a ring-day boundary.
 */
export type Stepping = 'events' | 'days';

/** Days the event-driven loop steps before it jumps (measured: below a dozen steps cost less than a jump). */
const PROBE_DAYS = 8;

/**
 * Runs [from, to) of every model of the job, in lockstep (run i of every model uses the same draws), and
 * returns one `PartialStats` per model. Pure; depends only on (job, seed, from, to) and the stepping.
 */
export function runChunk(
  job: Job,
  seed: number,
  from: number,
  to: number,
  stepping: Stepping = 'events',
): PartialStats[] {
  const stats = job.models.map(emptyStats);
  const scratch = job.models.map(makeScratch);
  const V = job.models.length;
  const ref = pairingOf(job);
  const cats = new Int32Array(V);
  const daily = stepping === 'days';
  for (let run = from; run < to; run++) {
    for (let v = 0; v < V; v++) {
      const st = stats[v]!;
      const cat = simulateRun(job.models[v]!, st, scratch[v]!, seed >>> 0, run, daily);
      cats[v] = cat;
      st.joint[cats[ref[v]!]! * CATEGORIES + cat]! += 1;
      if (v >= 1) st.joint1[cats[1]! * CATEGORIES + cat]! += 1;
    }
  }
  return stats;
}
