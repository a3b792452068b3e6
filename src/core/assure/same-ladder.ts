/**
 * Whether two compiled models would simulate the same futures: every field of `LadderParams` the hot loop
 * reads is equal (numbers with `Object.is`, so NaN equals NaN and the pinned-parameter sentinel compares;
 * typed and plain arrays element by element), and only the report labels may differ. Two cases with the
 * same model and seed give byte-identical statistics (common random numbers), so "same model" is the
 * exact condition for "same odds" — and the one to report when two cases come out alike.
 */
import type { LadderParams } from './ladder-params.js';

/**
 * Fields for reports only, never read by the simulation loop. Every other field is compared — including
 * fields added to `LadderParams` later, so a new input errs on the side of "different".
 */
export const LADDER_LABEL_FIELDS: readonly (keyof LadderParams)[] = ['nationIds', 'parameters'];

const equalValue = (a: unknown, b: unknown): boolean => {
  if (Object.is(a, b)) return true;
  if (ArrayBuffer.isView(a) && ArrayBuffer.isView(b)) {
    if (a.constructor !== b.constructor) return false;
    const x = a as unknown as ArrayLike<number>;
    const y = b as unknown as ArrayLike<number>;
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) return false;
    return true;
  }
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((v, i) => equalValue(v, b[i]));
  if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    const rb = b as Record<string, unknown>;
    return (
      ka.length === kb.length &&
      ka.every((k) => Object.hasOwn(b, k) && equalValue((a as Record<string, unknown>)[k], rb[k]))
    );
  }
  return false;
};

/**
 * True when `a` and `b` differ in nothing the simulation reads (labels in `LADDER_LABEL_FIELDS` are
 * ignored). Pure; O(size of the models).
 */
export function sameLadder(a: LadderParams, b: LadderParams): boolean {
  const skip = new Set<string>(LADDER_LABEL_FIELDS);
  const keys = new Set([...Object.keys(a), ...Object.keys(b)].filter((k) => !skip.has(k)));
  const ra = a as unknown as Record<string, unknown>;
  const rb = b as unknown as Record<string, unknown>;
  for (const k of keys)
    if (!(Object.hasOwn(a, k) && Object.hasOwn(b, k) && equalValue(ra[k], rb[k]))) return false;
  return true;
}
