/**
 * The one way Bulwark writes the CLI command that reproduces an analysis: the briefing's appendix and the
 * workspace's runs view both print it, so the same run shows the same command in both places.
 */

/** What a reproduce command names: the command, the scenario file or built-in, variants, seed, runs. */
export interface ReproduceRequest {
  readonly command: 'plan' | 'assure' | 'brief';
  /** A built-in's name, a file's name, or a workspace version's export (`<id>-v<version>.json`). */
  readonly file: string;
  /** Variants compared (assure, brief) or applied (plan), each written as `--variant`. */
  readonly variants?: readonly string[];
  readonly seed?: number | null;
  readonly runs?: number | null;
}

/** `npx bulwark <command> <file> [--variant v]… [--seed n] [--runs n]`. */
export function reproduceCommand(r: ReproduceRequest): string {
  const variants = (r.variants ?? []).map((v) => ` --variant ${v}`).join('');
  const seed = r.seed === undefined || r.seed === null ? '' : ` --seed ${r.seed}`;
  const runs = r.runs === undefined || r.runs === null ? '' : ` --runs ${r.runs}`;
  return `npx bulwark ${r.command} ${r.file}${variants}${seed}${runs}`;
}
