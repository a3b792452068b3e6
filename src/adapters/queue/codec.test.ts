import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../test/helpers.js';
import {
  inlineRunner,
  mergeChunks,
  prepareAssurance,
  runAssurance,
  runChunk,
  summariseAssurance,
  type JobRunner,
  type PartialStats,
} from '../../core/assure/index.js';
import { applyVariants } from '../../core/scenario/index.js';
import { chunkRanges, createChunkMerger } from './chunk-merger.js';
import {
  CodecError,
  decodeJob,
  decodeStats,
  decodeValue,
  encodeJob,
  encodeStats,
  encodeValue,
} from './codec.js';

const base = loadFixture();
const noBackstop = (() => {
  const r = applyVariants(base, ['no-backstop']);
  if (!r.ok) throw new Error('variant');
  return r.value.scenario;
})();
const cases = [
  { id: 'base', label: 'base', scenario: base },
  { id: 'no-backstop', label: 'none', scenario: noBackstop },
];
const prepared = (() => {
  const p = prepareAssurance(cases, { runs: 600, seed: 7, tornadoRuns: 200 });
  if (!p.ok) throw new Error('prepare');
  return p.value;
})();

describe('queue codec', () => {
  it('round-trips typed arrays of every kind bit for bit, NaN and -0 included', () => {
    const v = {
      f: Float64Array.of(NaN, -0, 1e-310, Number.MAX_VALUE, 0.1),
      u: Uint32Array.of(0, 2 ** 32 - 1),
      b: Uint8Array.of(1, 0, 255),
      nested: [{ x: Int32Array.of(-5) }],
      s: 'text',
      n: 0.30000000000000004,
    };
    const back = decodeValue(encodeValue(v)) as typeof v;
    expect(new Uint8Array(back.f.buffer)).toEqual(new Uint8Array(v.f.buffer));
    expect(back.u).toEqual(v.u);
    expect(back.b).toEqual(v.b);
    expect(back.nested[0]!.x).toEqual(v.nested[0]!.x);
    expect(back.s).toBe('text');
    expect(back.n).toBe(0.30000000000000004);
  });

  it('round-trips any Float64Array exactly (property)', () => {
    fc.assert(
      fc.property(fc.float64Array({ maxLength: 300 }), (a) => {
        const back = decodeValue(encodeValue({ a })) as { a: Float64Array };
        expect(Buffer.from(back.a.buffer).equals(Buffer.from(a.buffer, a.byteOffset, a.byteLength))).toBe(
          true,
        );
      }),
    );
  });

  it('refuses non-finite plain numbers and malformed payloads', () => {
    expect(() => encodeValue({ x: NaN })).toThrow(CodecError);
    expect(() => decodeValue('{')).toThrow(CodecError);
    expect(() => decodeValue('{"$ta":"f64","n":3,"z":"AAAA"}')).toThrow(CodecError);
    expect(() => decodeJob('{"models":[]}')).toThrow(/non-empty/);
    expect(() => decodeJob('{"models":[{"levels":7}]}')).toThrow(/typed array/);
    expect(() => decodeStats('[]', prepared.job.models)).toThrow(/2 models/);
  });

  it('a decoded job simulates exactly like the original', () => {
    const job = decodeJob(encodeJob(prepared.job));
    const a = runChunk(prepared.job, 7, 100, 160);
    const b = runChunk(job, 7, 100, 160);
    expect(encodeStats(b)).toBe(encodeStats(a));
  });

  it('decode(encode(chunks)) merges to a byte-identical JSON result', async () => {
    const local = await runAssurance(cases, { runs: 600, seed: 7, tornadoRuns: 200 }, inlineRunner);
    const viaCodec: JobRunner = (job, seed, runs) => {
      const decoded = decodeJob(encodeJob(job));
      const chunks = chunkRanges(runs, 170).map(([from, to]) =>
        decodeStats(encodeStats(runChunk(decoded, seed, from, to)), job.models),
      );
      return Promise.resolve(mergeChunks(job.models, chunks));
    };
    const remote = await runAssurance(cases, { runs: 600, seed: 7, tornadoRuns: 200 }, viaCodec);
    expect(JSON.stringify(remote)).toBe(JSON.stringify(local));
  });
});

describe('chunk merger', () => {
  const ranges = chunkRanges(600, 75);
  const chunks: PartialStats[][] = ranges.map(([f, t]) => runChunk(prepared.job, 7, f, t));
  const expected = JSON.stringify(
    summariseAssurance(prepared, mergeChunks(prepared.job.models, chunks), null),
  );

  it('splits runs into consecutive ranges', () => {
    expect(chunkRanges(10, 4)).toEqual([
      [0, 4],
      [4, 8],
      [8, 10],
    ]);
    expect(chunkRanges(0, 4)).toEqual([]);
  });

  it('gives the in-order merge for any arrival order with duplicates (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(ranges.length - 1), { maxLength: 30 }),
        fc.shuffledSubarray(
          ranges.map((_, i) => i),
          { minLength: ranges.length },
        ),
        (dupes, order) => {
          const m = createChunkMerger(prepared.job.models, ranges.length);
          const fresh = (i: number): PartialStats[] =>
            decodeStats(encodeStats(chunks[i]!), prepared.job.models);
          for (const d of dupes.slice(0, 3)) m.accept(d, fresh(d));
          for (const i of order) m.accept(i, fresh(i));
          for (const d of dupes) expect(m.accept(d, fresh(d))).toBe(false);
          expect(m.complete).toBe(true);
          expect(JSON.stringify(summariseAssurance(prepared, m.result(), null))).toBe(expected);
        },
      ),
      { numRuns: 20 },
    );
  });

  it('refuses a result before every chunk arrived, and out-of-range indices', () => {
    const m = createChunkMerger(prepared.job.models, 2);
    m.accept(1, chunks[1]!);
    expect(m.complete).toBe(false);
    expect(() => m.result()).toThrow(/1 chunks missing/);
    expect(() => m.accept(2, chunks[0]!)).toThrow(RangeError);
  });
});
