import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { table } from '../render.js';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('scenarios')
    .description('list the built-in scenarios')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const { listScenarios } = await import('../../app/scenario.js');
      const list = listScenarios();
      if (opts.json) return ctx.json(list);
      ctx.out(
        table(
          ['name', 'title', 'as of', 'nations', 'variants'],
          list.map((s) => [s.name, s.title, s.asOf, s.nations, s.variants.join(', ')]),
        ),
      );
    });
}
