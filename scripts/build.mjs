// Compiles src/ to dist/ with tsc, renders the top-level help (dist/cli/help.txt) and stamps the build, so `bin/bulwark.js` can run compiled JavaScript
// instead of compiling TypeScript at every start (docs/decisions/0001-toolchain.md). Run by `npm ci`
// (the `prepare` script) and by `npm run build`.
//
// The stamp is the time the build started: a source file modified after it makes the build stale, and
// the executable then falls back to the sources (through tsx) rather than run old code.
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let tsc;
try {
  tsc = require.resolve('typescript/bin/tsc');
} catch {
  // A production install without dev dependencies: the sources run through tsx, as before.
  console.error('bulwark build: TypeScript is not installed; the CLI will run from the sources.');
  process.exit(0);
}
const root = new URL('..', import.meta.url);
const started = Date.now();
rmSync(new URL('dist', root), { recursive: true, force: true });
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
// The top-level help, rendered once by the built CLI itself: `bulwark --help` then prints it without loading
// every command's module (bin/bulwark.js; docs/performance.md, "Start-up").
const help = execFileSync(process.execPath, [new URL('dist/cli/main.js', root).pathname, '--help'], {
  cwd: root,
  encoding: 'utf8',
  env: { ...process.env, NO_COLOR: '1', COLUMNS: '' },
});
writeFileSync(new URL('dist/cli/help.txt', root), help);
writeFileSync(new URL('dist/.build-stamp', root), `${started}\n`);
