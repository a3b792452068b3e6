/**
 * The build's model hash: SHA-256 over the code that computes a chunk — every TypeScript module of
 * `core/assure`, `core/engagement` and `core/shared`, by file name and content. Every chunk carries the
 * producer's hash and a worker refuses a chunk whose hash is not its own: a worker of another build would
 * compute different numbers and merge them silently.
 *
 * The hash is taken over the sources, also when this process runs the compiled `dist/` (which
 * `bin/bulwark.js` uses only when it is as new as every source file), so a compiled worker and a producer
 * running the sources of the same commit agree. Without `src/` beside `dist/` (a copied build), the
 * compiled modules are hashed instead.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const MODEL_DIRS = ['assure', 'engagement', 'shared'] as const;

const isModule = (f: string): boolean =>
  (f.endsWith('.ts') || f.endsWith('.js')) && !f.endsWith('.d.ts') && !/\.test\.[jt]s$/.test(f);

/** `src/core/` when it exists (under tsx it is this module's own tree), else the loaded `core/`. */
function coreRoot(): URL {
  const sources = new URL('../../../src/core/', import.meta.url);
  return import.meta.url.endsWith('.js') && existsSync(sources)
    ? sources
    : new URL('../../core/', import.meta.url);
}

let cached: string | undefined;

/** The model hash of this process's build (hex; computed once). */
export function modelHash(): string {
  if (cached !== undefined) return cached;
  const h = createHash('sha256');
  const core = coreRoot();
  for (const dir of MODEL_DIRS) {
    const path = fileURLToPath(new URL(`${dir}/`, core));
    for (const f of readdirSync(path).filter(isModule).sort()) {
      h.update(`${dir}/${f}\n`);
      h.update(readFileSync(path + f));
      h.update('\n');
    }
  }
  cached = h.digest('hex');
  return cached;
}
