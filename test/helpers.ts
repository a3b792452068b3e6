/** Shared test helpers: load fixtures, run the real executable. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { validate, type Scenario } from '../src/core/scenario/index.js';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const fixture = (name: string): string => join(root, 'test', 'fixtures', name);

/** A fixture scenario parsed and validated; throws if it is invalid (a broken fixture is a test bug). */
export function loadFixture(name = 'minimal.yaml'): Scenario {
  const r = validate(parse(readFileSync(fixture(name), 'utf8')));
  if (!r.ok) throw new Error(`fixture ${name} is invalid: ${JSON.stringify(r.error)}`);
  return r.value.scenario;
}

/** A built-in scenario (scenarios/<name>.yaml) parsed and validated; throws if it is invalid. */
export function loadBuiltin(name: string): Scenario {
  const data: unknown = parse(readFileSync(join(root, 'scenarios', `${name}.yaml`), 'utf8'), {
    maxAliasCount: 1000,
  });
  const r = validate(data);
  if (!r.ok) throw new Error(`built-in ${name} is invalid: ${JSON.stringify(r.error)}`);
  return r.value.scenario;
}

/** A scenario file's data as parsed, before validation: no defaults applied (built-ins use many aliases). */
export function readScenarioData(path: string): unknown {
  return parse(readFileSync(path, 'utf8'), { maxAliasCount: 1000 }) as unknown;
}

export interface RunResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `bin/bulwark.js` as a user would, with the given arguments and optional stdin. */
export function bulwark(
  args: readonly string[],
  input?: string,
  env: Record<string, string> = {},
): RunResult {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'bulwark.js'), ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    timeout: 120_000,
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
