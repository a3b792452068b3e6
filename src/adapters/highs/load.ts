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
import type { Highs } from 'highs';

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
  shared ??= import('highs').then((mod) => loaderOf(mod)());
  return shared;
}
