/**
 * The build's model hash: SHA-256 over the code that computes a chunk — every module of `core/assure`,
 * `core/engagement` and `core/shared` as this process loaded them (`.ts` under tsx, `.js` when built),
 * by file name and content. Every chunk carries the producer's hash and a worker refuses a chunk whose
 * hash is not its own: a worker of another build would compute different numbers and merge them silently.
 * Producers and workers therefore run the same build, in the same form (sources under tsx, or `dist`).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const MODEL_DIRS = ['assure', 'engagement', 'shared'] as const;

const isModule = (f: string): boolean =>
  (f.endsWith('.ts') || f.endsWith('.js')) && !f.endsWith('.d.ts') && !/\.test\.[jt]s$/.test(f);

let cached: string | undefined;

/** The model hash of this process's build (hex; computed once). */
export function modelHash(): string {
  if (cached !== undefined) return cached;
  const h = createHash('sha256');
  for (const dir of MODEL_DIRS) {
    const path = fileURLToPath(new URL(`../../core/${dir}/`, import.meta.url));
    for (const f of readdirSync(path).filter(isModule).sort()) {
      h.update(`${dir}/${f}\n`);
      h.update(readFileSync(path + f));
      h.update('\n');
    }
  }
  cached = h.digest('hex');
  return cached;
}
