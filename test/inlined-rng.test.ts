/**
 * The simulation loop (`simulateRun` in simulate.ts) inlines its random generator for speed: the seeding of
 * a run's xoshiro128** state, about ten copies of one xoshiro128** step, and the ziggurat Exp(1) draw. These
 * tests take each inlined copy out of the source text, run it, and check that it draws exactly what the
 * readable reference in rng.ts draws (`seedStream`, `xoshiroNext`, `exponentialZiggurat`), for states chosen
 * by fast-check. Every line of `simulateRun` that touches the generator's state must belong to a checked
 * copy, so altering any one copy (a shift, a constant, a dropped line) fails here.
 */
/* eslint-disable @typescript-eslint/no-implied-eval -- the tests run the inlined copies taken from the source text */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  exponentialZiggurat,
  mix32,
  seedStream,
  TWO_POW_MINUS_32,
  xoshiroNext,
  ZIG_FE,
  ZIG_KE,
  ZIG_R,
  ZIG_WE,
} from '../src/core/assure/index.js';

const source = readFileSync(new URL('../src/core/assure/simulate.ts', import.meta.url), 'utf8').split('\n');
const start = source.findIndex((l) => l.startsWith('function simulateRun('));
const end = source.findIndex((l, i) => i > start && l === '}');
/** The lines of simulateRun, with TypeScript's non-null assertions (`a[i]!`) removed so they run as JS. */
const body = source.slice(start, end + 1).map((l) => l.replace(/\]!(?!=)/g, ']'));

const STEP_FIRST = 'r = Math.imul(s1, 5);';
const STEP_LINES = 9;
const SEED_FIRST = /^let z = mix32\(\(seed/;
const SEED_LAST = 'if ((s0 | s1 | s2 | s3) === 0) s0 = 1;';
/** A line that reads or writes the generator's state words s0…s3. */
const TOUCHES_STATE = /\bs[0-3]\b/;

type Step = (s: readonly number[]) => number[];

/** Every inlined xoshiro128** step: the line index where it starts and the step as a function. */
const steps: { line: number; run: Step }[] = body.flatMap((l, i) => {
  if (l.trim() !== STEP_FIRST) return [];
  const code = body.slice(i, i + STEP_LINES).join('\n');
  const run = new Function(
    's',
    `let [s0, s1, s2, s3] = s; let r, tt;\n${code}\nreturn [r >>> 0, s0 >>> 0, s1 >>> 0, s2 >>> 0, s3 >>> 0];`,
  ) as Step;
  return [{ line: i, run }];
});

/** The state after one reference step and the word it returned: [r, s0, s1, s2, s3]. */
function referenceStep(state: readonly number[]): number[] {
  const s = Uint32Array.from(state);
  const r = xoshiroNext(s);
  return [r, ...s];
}

/** The lines from the first line matching `first` to the matching close of the block it opens. */
function block(first: (l: string) => boolean): { from: number; to: number; code: string } {
  const from = body.findIndex((l) => first(l.trim()));
  expect(from, 'the block is in simulateRun').toBeGreaterThan(0);
  let depth = 0;
  for (let i = from; i < body.length; i++) {
    for (const c of body[i]!) {
      if (c === '{') depth++;
      else if (c === '}') depth--;
    }
    if (depth === 0) return { from, to: i, code: body.slice(from, i + 1).join('\n') };
  }
  throw new Error('unbalanced block');
}

const state = fc
  .tuple(
    fc.nat({ max: 0xffffffff }),
    fc.nat({ max: 0xffffffff }),
    fc.nat({ max: 0xffffffff }),
    fc.nat({ max: 0xffffffff }),
  )
  .filter((s) => (s[0] | s[1] | s[2] | s[3]) !== 0);

/** The inverse of x ↦ a·x mod 2^32 for odd a (Newton's iteration on 2-adic numbers). */
function inverseOdd(a: number): number {
  let x = a;
  for (let i = 0; i < 5; i++) x = Math.imul(x, 2 - Math.imul(a, x));
  return x >>> 0;
}
const INV5 = inverseOdd(5);
const INV9 = inverseOdd(9);
/** The word s1 for which xoshiro128**'s next output is r (the output depends only on s1, and bijectively). */
function s1For(r: number): number {
  const m = Math.imul(r, INV9);
  return Math.imul((m >>> 7) | (m << 25), INV5) >>> 0;
}

describe('the generator inlined in the simulation loop draws what rng.ts draws', () => {
  it('finds the inlined copies of the xoshiro128** step', () => {
    // Four in the clock's ziggurat, two in the guarantor's decision, one for a move, one for an attack's
    // fatalities. A copy added or removed changes this count, and the test must be updated with it.
    expect(steps.length).toBe(8);
  });

  it('each inlined xoshiro128** step equals xoshiroNext', () => {
    fc.assert(
      fc.property(state, (s) => {
        const want = referenceStep(s);
        for (const step of steps)
          expect(step.run(s), `the step at simulateRun line ${step.line + 1}`).toEqual(want);
      }),
      { numRuns: 300 },
    );
  });

  it("the run's seeding equals seedStream", () => {
    const from = body.findIndex((l) => SEED_FIRST.test(l.trim()));
    const to = body.findIndex((l, i) => i > from && l.trim() === SEED_LAST);
    expect(from).toBeGreaterThan(0);
    expect(to).toBeGreaterThan(from);
    const seedRun = new Function(
      'mix32',
      'seed',
      'run',
      `${body.slice(from, to + 1).join('\n')}\nreturn [s0 >>> 0, s1 >>> 0, s2 >>> 0, s3 >>> 0];`,
    ) as (mix: typeof mix32, seed: number, run: number) => number[];
    fc.assert(
      fc.property(fc.nat({ max: 0xffffffff }), fc.nat({ max: 50_000_000 }), (seed, run) => {
        const want = new Uint32Array(4);
        seedStream(seed, run, want);
        expect(seedRun(mix32, seed, run)).toEqual([...want]);
      }),
    );
  });

  describe('the inlined ziggurat equals exponentialZiggurat', () => {
    const zig = block((l) => l === 'if (needClock) {');
    const draw = new Function(
      's',
      'ke',
      'we',
      'fe',
      'zr',
      'U',
      `let [s0, s1, s2, s3] = s; let r, tt, clock; let needClock = true;\n${zig.code}\n` +
        'return [clock, s0 >>> 0, s1 >>> 0, s2 >>> 0, s3 >>> 0];',
    ) as (...a: unknown[]) => number[];
    const check = (s: readonly number[]): void => {
      const ref = Uint32Array.from(s);
      const x = exponentialZiggurat(ref);
      const got = draw(s, ZIG_KE, ZIG_WE, ZIG_FE, ZIG_R, TWO_POW_MINUS_32);
      expect(Object.is(got[0], x), `clock ${got[0]} against ${x}`).toBe(true);
      expect(got.slice(1)).toEqual([...ref]);
    };

    it('on any state (almost always the fast path)', () => {
      fc.assert(fc.property(state, check), { numRuns: 300 });
    });

    it('on states whose first word takes the slow path (a wedge, or the tail beyond R)', () => {
      // A first word r with r ≥ KE[r & 255] leaves the fast path; layer 0 is the base and its tail.
      const slow = fc
        .tuple(
          state,
          fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 255 })),
          fc.double({ min: 0, max: 1, noNaN: true }),
        )
        .map(([s, layer, u]) => {
          const lo = ZIG_KE[layer]!;
          const hi = 0xffffff00;
          const top = Math.floor(lo / 256 + u * (hi / 256 - lo / 256));
          const r = (top * 256 + layer) >>> 0;
          return [s[0], s1For(r), s[2], s[3]];
        })
        .filter((s) => {
          const r = xoshiroNext(Uint32Array.from(s));
          return r >= ZIG_KE[r & 255]!;
        });
      fc.assert(fc.property(slow, check), { numRuns: 400 });
    });

    it('the slow-path states above are what they claim', () => {
      const r = 0xfffffe00; // layer 0, far above KE[0]: the tail
      const s = [1, s1For(r), 3, 4];
      expect(xoshiroNext(Uint32Array.from(s))).toBe(r);
      expect(r).toBeGreaterThanOrEqual(ZIG_KE[0]!);
    });
  });

  it('every line of simulateRun that touches the state belongs to a checked copy', () => {
    const covered = new Set<number>();
    for (const step of steps) for (let i = 0; i < STEP_LINES; i++) covered.add(step.line + i);
    const from = body.findIndex((l) => SEED_FIRST.test(l.trim()));
    const to = body.findIndex((l, i) => i > from && l.trim() === SEED_LAST);
    for (let i = from; i <= to; i++) covered.add(i);
    const stray = body
      .map((l, i) => ({ l: l.trim(), i }))
      .filter(({ l, i }) => TOUCHES_STATE.test(l) && !l.startsWith('//') && !covered.has(i));
    expect(stray.map(({ l, i }) => `${i + 1}: ${l}`)).toEqual([]);
  });
});
