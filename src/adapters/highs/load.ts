/**
 * Loads the HiGHS WebAssembly runtime once per process and shares it. Loading takes ~100 ms (more under
 * load); every solve after that is synchronous. The package itself is imported on the first call, so a
 * command that never solves (`validate`, `--help`) does not load its 170 KB of JavaScript.
 *
 * Interop shim: `highs` is a CommonJS package with an ESM build. At run time Node resolves the ESM
 * build, whose default export is the loader; but its single `types.d.ts` is read as CommonJS under
 * `module: NodeNext`, so TypeScript types the default import as the module object. We take the
 * function from wherever it is and give it the declared loader type.
 */
import { setFlagsFromString } from 'node:v8';
import type { Highs } from 'highs';

/**
 * V8 compiles WebAssembly twice: at once with its baseline compiler (Liftoff), then, in the background,
 * each function again with its optimising compiler (TurboFan) once it has run a "budget" of about
 * 1.8 MB of code. HiGHS is a large module: one short solve spends the default budget of hundreds of
 * functions, whose optimised compiles then compete for the cores and hold the process at exit (Node
 * waits for them): `plan ukraine-2025 --json` spent 150–250 ms after its output waiting for them.
 * With a budget 50× larger only the functions of a long solve tier up; those reach any budget within
 * milliseconds, so long solves keep their optimised code (docs/performance.md, "Start-up").
 */
const WASM_TIERING_BUDGET = 90_000_000;

/** True when the user set the budget themselves (`node --wasm-tiering-budget=…`, or in NODE_OPTIONS). */
const budgetGiven = (): boolean =>
  [...process.execArgv, ...(process.env['NODE_OPTIONS'] ?? '').split(/\s+/)].some((a) =>
    a.startsWith('--wasm-tiering-budget'),
  );

type Loader = (options?: object) => Promise<Highs>;

function loaderOf(mod: unknown): Loader {
  if (typeof mod === 'function') return mod as Loader;
  const inner = (mod as { default?: unknown } | null)?.default;
  if (typeof inner === 'function') return inner as Loader;
  throw new Error('the "highs" package exports no loader function');
}

let shared: Promise<Highs> | undefined;

/** The process-wide HiGHS runtime (loaded on first call). */
export function loadHighs(): Promise<Highs> {
  if (shared === undefined && !budgetGiven())
    setFlagsFromString(`--wasm-tiering-budget=${WASM_TIERING_BUDGET}`);
  shared ??= import('highs').then((mod) => loaderOf(mod)());
  return shared;
}
