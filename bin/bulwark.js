#!/usr/bin/env node
// The `bulwark` executable. Runs the compiled JavaScript in dist/ (built by `npm ci` through the
// `prepare` script) when that build is at least as new as every source file; otherwise — a fresh edit, a
// checkout after the build, no build at all, or BULWARK_FROM_SOURCE=1 — it runs the TypeScript sources
// through tsx, so the result is never stale code (docs/decisions/0001-toolchain.md).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';

const root = new URL('..', import.meta.url);
const built = new URL('dist/cli/main.js', root);
const stamp = new URL('dist/.build-stamp', root);

/** The newest modification time (ms) of any non-test TypeScript file under `dir`. */
function newestSource(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
      newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function buildIsFresh() {
  if (process.env.BULWARK_FROM_SOURCE === '1' || !existsSync(built) || !existsSync(stamp)) return false;
  const builtAt = Number(readFileSync(stamp, 'utf8'));
  return Number.isFinite(builtAt) && newestSource(new URL('src', root).pathname) <= builtAt;
}

const args = process.argv.slice(2);
const help = new URL('dist/cli/help.txt', root);
if (buildIsFresh()) {
  // `bulwark --help` prints the help the build rendered from this same code (scripts/build.mjs), instead of
  // loading every command's module to render it again: about 0.4 s → 0.15 s.
  if (args.length === 1 && (args[0] === '--help' || args[0] === '-h') && existsSync(help))
    process.stdout.write(readFileSync(help, 'utf8'));
  else await import(built.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
