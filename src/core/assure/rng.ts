/**
 * Random streams for the Monte Carlo (DESIGN.md §6 "Randomness", STYLE.md habit 7).
 *
 * - `mix32`: the "lowbias32" integer hash (Chris Wellons, hash-prospector, 2018: bias 0.17); a bijection
 *   on 32-bit words, used to derive independent seeds.
 * - `hashUnit(seed, run, key)`: a uniform in (0, 1) that depends only on (seed, run index, parameter key).
 *   Per-run draws of uncertain parameters use it, so a parameter's draw in run i is the same in every
 *   variant and every tornado side (common random numbers), whatever other parameters exist.
 * - `seedStream(seed, run, out)`: the xoshiro128** state of run i, four words of a splitmix32 sequence
 *   started at mix32(seed ⊕ mix32(run)). Never all zero.
 * - xoshiro128** (Blackman and Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS 2021):
 *   the event stream of one run. The hot loop inlines it; `xoshiroNext` is the readable reference used by
 *   tests and by cold code.
 */

/** lowbias32: a 32-bit → 32-bit bijective hash; returns an unsigned 32-bit integer. */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x21f0aaad);
  x ^= x >>> 15;
  x = Math.imul(x, 0x735a2d97);
  x ^= x >>> 15;
  return x >>> 0;
}

/** 2^-32: turns an unsigned 32-bit word into a uniform in [0, 1). */
export const TWO_POW_MINUS_32 = 2.3283064365386963e-10;

/** FNV-1a 32-bit hash of a string (parameter keys such as `tolerance:GBR`). Unsigned. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Uniform in (0, 1) from (seed, run, key) only: (h + 0.5) / 2^32 for a 32-bit hash h. */
export function hashUnit(seed: number, run: number, key: number): number {
  const h = mix32(((mix32((seed ^ 0x3c6ef372) >>> 0) ^ mix32(run >>> 0)) + Math.imul(key, 0x9e3779b9)) >>> 0);
  return (h + 0.5) * TWO_POW_MINUS_32;
}

/** Writes the xoshiro128** state of run `run` under `seed` into `out[0..3]`. */
export function seedStream(seed: number, run: number, out: Uint32Array | Int32Array): void {
  let z = mix32((seed ^ mix32((run ^ 0x5bd1e995) >>> 0)) >>> 0);
  for (let i = 0; i < 4; i++) {
    z = (z + 0x9e3779b9) | 0;
    out[i] = mix32(z);
  }
  if ((out[0]! | out[1]! | out[2]! | out[3]!) === 0) out[0] = 1;
}

/**
 * One step of xoshiro128** on a state held in a 4-word array: returns an unsigned 32-bit word.
 * Reference implementation (the hot loop inlines the same lines).
 */
export function xoshiroNext(s: Uint32Array | Int32Array): number {
  const s0 = s[0]! | 0;
  const s1 = s[1]! | 0;
  let s2 = s[2]! | 0;
  let s3 = s[3]! | 0;
  const m = Math.imul(s1, 5);
  const r = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
  const t = s1 << 9;
  s2 ^= s0;
  s3 ^= s1;
  const n1 = s1 ^ s2;
  const n0 = s0 ^ s3;
  s2 ^= t;
  s3 = (s3 << 11) | (s3 >>> 21);
  s[0] = n0;
  s[1] = n1;
  s[2] = s2;
  s[3] = s3;
  return r;
}

/**
 * Ziggurat tables for Exp(1) variates with 256 layers (G. Marsaglia and W. W. Tsang, "The Ziggurat Method
 * for Generating Random Variables", J. Stat. Software 5(8), 2000, `zigset`). About 98.9% of draws need one
 * 32-bit word, one table lookup and one multiplication; the rest take the exact slow path (`efix`). The hot
 * loop inlines the draw; `exponentialZiggurat` is the readable reference.
 * `ZIG_KE[i]` are integers stored as doubles so that TypeScript and C compare them identically.
 */
export const ZIG_KE = new Float64Array(256);
export const ZIG_WE = new Float64Array(256);
export const ZIG_FE = new Float64Array(256);
/** Right edge of the base layer; beyond it the tail is R + Exp(1) (memorylessness). */
export const ZIG_R = 7.697117470131487;
{
  const m2 = 4294967296;
  let de = ZIG_R;
  let te = de;
  const ve = 3.949659822581572e-3;
  const q = ve / Math.exp(-de);
  ZIG_KE[0] = Math.floor((de / q) * m2);
  ZIG_KE[1] = 0;
  ZIG_WE[0] = q / m2;
  ZIG_WE[255] = de / m2;
  ZIG_FE[0] = 1;
  ZIG_FE[255] = Math.exp(-de);
  for (let i = 254; i >= 1; i--) {
    de = -Math.log(ve / de + Math.exp(-de));
    ZIG_KE[i + 1] = Math.floor((de / te) * m2);
    te = de;
    ZIG_FE[i] = Math.exp(-de);
    ZIG_WE[i] = de / m2;
  }
}

/** One Exp(1) draw by the ziggurat from a xoshiro128** state (reference for the inlined version). */
export function exponentialZiggurat(s: Uint32Array | Int32Array): number {
  let j = xoshiroNext(s);
  let i = j & 255;
  if (j < ZIG_KE[i]!) return j * ZIG_WE[i]!;
  for (;;) {
    if (i === 0) return ZIG_R - Math.log((xoshiroNext(s) + 0.5) * TWO_POW_MINUS_32);
    const x = j * ZIG_WE[i]!;
    const u = (xoshiroNext(s) + 0.5) * TWO_POW_MINUS_32;
    if (ZIG_FE[i]! + u * (ZIG_FE[i - 1]! - ZIG_FE[i]!) < Math.exp(-x)) return x;
    j = xoshiroNext(s);
    i = j & 255;
    if (j < ZIG_KE[i]!) return j * ZIG_WE[i]!;
  }
}
