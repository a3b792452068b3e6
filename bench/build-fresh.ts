/** Whether dist/ holds a build of the current sources, for benchmarks that time the built code. */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

/** What bin/bulwark.js checks: the build is used only when no source is newer than it. */
export function buildIsFresh(): boolean {
  const stamp = join(root, 'dist', '.build-stamp');
  if (!existsSync(stamp)) return false;
  const builtAt = Number(readFileSync(stamp, 'utf8'));
  const newest = (dir: string): number =>
    Math.max(
      0,
      ...readdirSync(dir, { withFileTypes: true }).map((e) =>
        e.isDirectory()
          ? newest(join(dir, e.name))
          : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')
            ? statSync(join(dir, e.name)).mtimeMs
            : 0,
      ),
    );
  return newest(join(root, 'src')) <= builtAt;
}
