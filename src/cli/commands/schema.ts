import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { checkOutputFile, writeOutput } from '../output-paths.js';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('schema')
    .description('print the JSON Schema of scenario files (for editor autocompletion)')
    .option('--out <file>', 'write it to a file instead of stdout')
    .option('--json', 'print JSON (the schema is JSON either way)')
    .action(async (opts: { out?: string }) => {
      const { scenarioJsonSchema } = await import('../../app/scenario.js');
      if (opts.out !== undefined) checkOutputFile('--out', opts.out);
      const schema = scenarioJsonSchema();
      if (opts.out === undefined) return ctx.json(schema);
      writeOutput('--out', opts.out, JSON.stringify(schema, null, 2) + '\n');
      ctx.err(`wrote ${opts.out}`);
    });
}
