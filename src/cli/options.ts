import { InvalidArgumentError } from 'commander';
import type { ForceSourceChoice } from '../app/index.js';
import { BulwarkError } from '../core/shared/index.js';
import type { CliContext } from './context.js';

/** Commander argument parser for an integer in [min, max]. */
export function intOption(min: number, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min || n > max)
      throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}, got "${value}"`);
    return n;
  };
}

/** Commander argument parser for one of a fixed set of words. */
export function choiceOption<T extends string>(choices: readonly T[]): (value: string) => T {
  return (value) => {
    if (!(choices as readonly string[]).includes(value))
      throw new InvalidArgumentError(`expected one of ${choices.join(', ')}, got "${value}"`);
    return value as T;
  };
}

/** Collects a repeatable option (`--variant a --variant b`) into an array. */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/**
 * The Redis URL of a `--redis [url]` flag: its value, else REDIS_URL (better for passwords, which a
 * command line shows to `ps`). Throws `usage` when neither is given.
 */
export function redisUrlOf(flag: string | true, ctx: CliContext): string {
  const url = flag === true ? ctx.config.redisUrl : flag;
  if (url === undefined)
    throw new BulwarkError(
      'usage',
      '--redis needs a URL (redis://host:port) or the REDIS_URL environment variable',
    );
  return url;
}

/** `--force-from` words and the force sources they choose (docs/force-source.md). */
export const forceFromWords = {
  auto: 'auto',
  pledges: 'pledges',
  'plan-pledged': 'plan:pledges',
  'plan-potential': 'plan:potential',
} as const satisfies Record<string, ForceSourceChoice>;

/** Commander argument parser for `--force-from`: one of `forceFromWords`, as its force source. */
export function forceFromOption(value: string): ForceSourceChoice {
  const word = choiceOption(Object.keys(forceFromWords) as (keyof typeof forceFromWords)[])(value);
  return forceFromWords[word];
}

export const FORCE_FROM_HELP =
  'force each case simulates: auto (the pledged force; for a variant that changes requirements, the planner’s force from committable inventories), pledges, plan-pledged or plan-potential';

/** Commander argument parser for a probability strictly between 0 and 1, as 0.1 or 10%. */
export function probabilityOption(value: string): number {
  const t = value.trim();
  const n = t.endsWith('%') ? Number(t.slice(0, -1)) / 100 : Number(t);
  if (t === '' || !Number.isFinite(n) || n <= 0 || n >= 1)
    throw new InvalidArgumentError(`expected a probability between 0 and 1 (0.1 or 10%), got "${value}"`);
  return n;
}

/** Commander argument parser for a comma-separated list of words (empty items dropped). */
export const listOption = (value: string, previous: string[] = []): string[] => [
  ...previous,
  ...value
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== ''),
];
