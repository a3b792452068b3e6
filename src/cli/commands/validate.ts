import type { Command } from 'commander';
import { formatIssue } from '../../core/shared/index.js';
import type { CliContext } from '../context.js';
import { collect } from '../options.js';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('validate')
    .description('check a scenario file or built-in and report every problem (exit 0 valid, 2 invalid)')
    .argument('<scenario>', 'a YAML/JSON file, a built-in name, or - for stdin')
    .option('--variant <id>', 'also check this variant applied (repeatable)', collect, [])
    .option('--json', 'print JSON')
    .action(async (ref: string, opts: { variant: string[]; json?: boolean }) => {
      const { validateScenario } = await import('../../app/scenario.js');
      const r = validateScenario(ref, opts.variant, () => ctx.readStdin());
      const errors = r.issues.filter((i) => i.severity === 'error');
      const warnings = r.issues.filter((i) => i.severity === 'warning');
      ctx.exitCode = errors.length > 0 ? 2 : 0;
      if (opts.json)
        return ctx.json({ valid: errors.length === 0, hash: r.loaded?.hash ?? null, issues: r.issues });
      for (const i of r.issues) (i.severity === 'error' ? ctx.err : ctx.out)(formatIssue(i));
      const what = `${r.origin.name}${opts.variant.length > 0 ? ` (variants: ${opts.variant.join(', ')})` : ''}`;
      if (errors.length > 0)
        ctx.err(
          `${what}: invalid, ${errors.length} error${errors.length === 1 ? '' : 's'}, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}`,
        );
      else
        ctx.out(
          `${what}: valid${warnings.length > 0 ? ` with ${warnings.length} warning${warnings.length === 1 ? '' : 's'}` : ''} (${r.loaded?.hash.slice(0, 19) ?? ''})`,
        );
    });
}
