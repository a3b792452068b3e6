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
import { readFile } from 'node:fs/promises';
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
let budgetSet = false;

function setTieringBudget(): void {
  if (!budgetSet && !budgetGiven()) setFlagsFromString(`--wasm-tiering-budget=${WASM_TIERING_BUDGET}`);
  budgetSet = true;
}

/** The process-wide HiGHS runtime (loaded on first call). */
export function loadHighs(): Promise<Highs> {
  setTieringBudget();
  shared ??= import('highs').then((mod) => loaderOf(mod)());
  return shared;
}

/** The WebAssembly JavaScript API, as far as used here (TypeScript declares it only in its DOM library). */
interface WasmApi {
  compile(bytes: Uint8Array): Promise<WasmModule>;
  readonly Instance: new (module: WasmModule, imports: object) => WasmInstance;
}
type WasmModule = { readonly __brand: 'WebAssembly.Module' };
type WasmInstance = { readonly exports: object };
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/**
 * Emscripten's hook for instantiating the module itself (the loader's `instantiateWasm` option, which the
 * package's `InitOptions` type does not declare): it gets the imports and hands the instance to `receive`.
 */
interface InstantiateHook {
  readonly instantiateWasm: (imports: object, receive: (instance: WasmInstance) => void) => object;
}

let compiled: Promise<WasmModule> | undefined;

/**
 * A HiGHS runtime of its own, with its own WebAssembly memory, on the module compiled once per process
 * (so the code V8 has optimised is shared). A WebAssembly memory never shrinks: the process-wide runtime
 * keeps the largest solve's memory (~1 GiB allocated, ~650 MiB resident after a 100× model) to the end,
 * whereas this one's is returned when the runtime is dropped and collected. Costs ~10–30 ms per runtime.
 */
export async function loadOwnHighs(): Promise<Highs> {
  setTieringBudget();
  compiled ??= readFile(new URL(import.meta.resolve('highs/runtime'))).then((bytes) => wasm.compile(bytes));
  const [mod, module] = await Promise.all([import('highs'), compiled]);
  const hook: InstantiateHook = {
    // Synchronous, so that a failure rejects the loader's promise instead of leaving it pending.
    instantiateWasm: (imports, receive) => {
      receive(new wasm.Instance(module, imports));
      return {};
    },
  };
  return loaderOf(mod)(hook);
}
