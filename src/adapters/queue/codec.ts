/**
 * Lossless JSON codec for what crosses the queue: compiled jobs (`Job`, models full of typed arrays, NaN in
 * `fixed`) and chunk results (`PartialStats[]`). BullMQ payloads and Redis values are strings, so every
 * typed array becomes `{ "$ta": kind, "z": base64(deflateRaw(bytes)) }`: the exact bytes, little-endian as
 * in memory, compressed (histograms are mostly zeros). Plain numbers, strings, booleans, arrays and objects
 * pass through JSON, which round-trips every finite double exactly; non-finite plain numbers are refused
 * (JSON would turn them into null).
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import {
  STATS_ARRAY_FIELDS,
  pairingOf,
  type Job,
  type LadderParams,
  type PartialStats,
} from '../../core/assure/index.js';

const KINDS = {
  f64: Float64Array,
  f32: Float32Array,
  u32: Uint32Array,
  i32: Int32Array,
  u16: Uint16Array,
  i16: Int16Array,
  u8: Uint8Array,
  i8: Int8Array,
} as const;
type Kind = keyof typeof KINDS;
type Typed = InstanceType<(typeof KINDS)[Kind]>;

const kindOf = (v: ArrayBufferView): Kind | undefined =>
  (Object.keys(KINDS) as Kind[]).find((k) => v instanceof KINDS[k]);

/** Error thrown for data that is not what the codec wrote (a poison payload). */
export class CodecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CodecError';
  }
}

function toPlain(v: unknown, path: string): unknown {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new CodecError(`${path}: non-finite number ${v}`);
    return v;
  }
  if (ArrayBuffer.isView(v)) {
    const kind = kindOf(v);
    if (kind === undefined) throw new CodecError(`${path}: unsupported typed array`);
    const bytes = Buffer.from(v.buffer, v.byteOffset, v.byteLength);
    return { $ta: kind, n: (v as Typed).length, z: deflateRawSync(bytes).toString('base64') };
  }
  if (Array.isArray(v)) return v.map((x, i) => toPlain(x, `${path}[${i}]`));
  if (typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = toPlain(x, `${path}.${k}`);
    return out;
  }
  throw new CodecError(`${path}: cannot encode ${typeof v}`);
}

function fromPlain(v: unknown, path: string): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x, i) => fromPlain(x, `${path}[${i}]`));
  const o = v as Record<string, unknown>;
  if ('$ta' in o) {
    const kind = o['$ta'];
    const n = o['n'];
    const z = o['z'];
    if (typeof kind !== 'string' || !(kind in KINDS) || typeof z !== 'string' || !Number.isSafeInteger(n))
      throw new CodecError(`${path}: malformed typed array`);
    const Ctor = KINDS[kind as Kind];
    let bytes: Buffer;
    try {
      bytes = inflateRawSync(Buffer.from(z, 'base64'));
    } catch {
      throw new CodecError(`${path}: corrupt typed array data`);
    }
    if (bytes.byteLength !== (n as number) * Ctor.BYTES_PER_ELEMENT)
      throw new CodecError(`${path}: typed array has ${bytes.byteLength} bytes, expected ${String(n)} items`);
    // Copy into a fresh, aligned buffer owned by the array.
    const out = new Ctor(n as number);
    new Uint8Array(out.buffer).set(bytes);
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(o)) out[k] = fromPlain(x, `${path}.${k}`);
  return out;
}

/** Any value of plain data and typed arrays → a JSON string. Throws `CodecError` on what JSON cannot hold. */
export function encodeValue(v: unknown): string {
  return JSON.stringify(toPlain(v, '$'));
}

/** Inverse of `encodeValue`. Throws `CodecError` on malformed input. Shapes are checked by the callers. */
export function decodeValue(text: string): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new CodecError('not JSON');
  }
  return fromPlain(parsed, '$');
}

export const encodeJob = (job: Job): string => encodeValue(job);

/** Fields of `LadderParams` the hot loop reads as typed arrays, checked on decode. */
const MODEL_ARRAYS = [
  'up',
  'down',
  'deter',
  'personnel',
  'exposed',
  'combat',
  'trainees',
  'weight',
  'tables',
  'keys',
  'fixed',
  'hasTolerance',
] as const;

/** Decodes a compiled job, checking that each model has its typed arrays. Throws `CodecError`. */
export function decodeJob(text: string): Job {
  const v = decodeValue(text) as { models?: unknown };
  if (v === null || typeof v !== 'object' || !Array.isArray(v.models) || v.models.length === 0)
    throw new CodecError('a job needs a non-empty list of models');
  v.models.forEach((m: unknown, i) => {
    if (m === null || typeof m !== 'object') throw new CodecError(`models[${i}] is not an object`);
    const rec = m as Record<string, unknown>;
    for (const f of MODEL_ARRAYS)
      if (!ArrayBuffer.isView(rec[f])) throw new CodecError(`models[${i}].${f} is not a typed array`);
    if (!Number.isSafeInteger(rec['horizonDays']) || !Number.isSafeInteger(rec['levels']))
      throw new CodecError(`models[${i}] has no horizon or levels`);
  });
  try {
    pairingOf(v as Job);
  } catch (e) {
    throw new CodecError(e instanceof Error ? e.message : String(e));
  }
  return v as Job;
}

export const encodeStats = (stats: readonly PartialStats[]): string => encodeValue(stats);

/**
 * Decodes a chunk's statistics and checks them against the job's models (one per model, arrays of the
 * lengths `emptyStats` gives). Throws `CodecError`.
 */
export function decodeStats(text: string, models: readonly LadderParams[]): PartialStats[] {
  const v = decodeValue(text);
  if (!Array.isArray(v) || v.length !== models.length)
    throw new CodecError(`expected statistics for ${models.length} models`);
  return v.map((s: unknown, i) => {
    const rec = s as Record<string, unknown>;
    if (rec === null || typeof rec !== 'object') throw new CodecError(`stats[${i}] is not an object`);
    if (typeof rec['runs'] !== 'number' || typeof rec['runDays'] !== 'number')
      throw new CodecError(`stats[${i}] has no run counts`);
    for (const f of STATS_ARRAY_FIELDS)
      if (!(rec[f] instanceof Float64Array)) throw new CodecError(`stats[${i}].${f} is not a Float64Array`);
    return rec as unknown as PartialStats;
  });
}
