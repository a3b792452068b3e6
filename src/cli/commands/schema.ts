import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { scenarioJsonSchema } from '../../app/scenario.js';
import type { CliContext } from '../context.js';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('schema')
    .description('print the JSON Schema of scenario files (for editor autocompletion)')
    .option('--out <file>', 'write it to a file instead of stdout')
    .option('--json', 'print JSON (the schema is JSON either way)')
    .action((opts: { out?: string }) => {
      const schema = scenarioJsonSchema();
      if (opts.out === undefined) return ctx.json(schema);
      writeFileSync(opts.out, JSON.stringify(schema, null, 2) + '\n');
      ctx.err(`wrote ${opts.out}`);
    });
}
