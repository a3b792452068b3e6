/**
 * The `bulwark` command line. Errors are rendered here and only here: user errors (bad input, bad flags)
 * exit 2 with a message naming file:line:col and the field; internal errors exit 1.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { readConfig, type Config } from '../config/index.js';
import { BulwarkError, formatIssue } from '../core/shared/index.js';
import type { CliContext } from './context.js';
import { exitStatus } from './exit-status.js';
import { bulwarkVersion as version } from './version.js';

type Register = (program: Command, ctx: CliContext) => void;

/**
 * Every command, in the order a user meets them: the scenario, the analyses, the briefing, scale-out, the
 * workspace. Each is imported only when needed, so `bulwark plan` does not load the web server, the
 * queue or the briefing renderer.
 */
const COMMANDS: readonly (readonly [string, () => Promise<{ register: Register }>])[] = [
  ['scenarios', () => import('./commands/scenarios.js')],
  ['show', () => import('./commands/show.js')],
  ['validate', () => import('./commands/validate.js')],
  ['schema', () => import('./commands/schema.js')],
  ['plan', () => import('./commands/plan.js')],
  ['assure', () => import('./commands/assure.js')],
  ['calibrate', () => import('./commands/calibrate.js')],
  ['game', () => import('./commands/game.js')],
  ['engagement', () => import('./commands/engagement.js')],
  ['brief', () => import('./commands/brief.js')],
  ['sweep', () => import('./commands/sweep.js')],
  ['frontier', () => import('./commands/frontier.js')],
  ['worker', () => import('./commands/worker.js')],
  ['serve', () => import('./commands/serve.js')],
  ['audit', () => import('./commands/audit.js')],
  ['export', () => import('./commands/export.js')],
  ['import', () => import('./commands/import.js')],
];

/**
 * Builds the program: one place lists every command. With `only` (the command the user named) just that
 * command is loaded; otherwise (help, a typo that needs suggestions) all of them.
 */
export async function buildProgram(ctx: CliContext, only?: string): Promise<Command> {
  const program = new Command('bulwark')
    .description('Plan and stress-test multinational reassurance forces.')
    .version(version)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => ctx.out(s.trimEnd()), writeErr: (s) => ctx.err(s.trimEnd()) });
  const wanted = COMMANDS.filter(([name]) => only === undefined || name === only);
  const modules = await Promise.all(wanted.map(([, load]) => load()));
  for (const m of modules) m.register(program, ctx);
  for (const c of program.commands)
    c.exitOverride().configureOutput({
      writeOut: (s) => ctx.out(s.trimEnd()),
      writeErr: (s) => ctx.err(s.trimEnd()),
    });
  return program;
}

/** The command named by `argv` when it is a known one (the first argument), else undefined. */
export function commandOf(argv: readonly string[]): string | undefined {
  const first = argv[0];
  return COMMANDS.some(([name]) => name === first) ? first : undefined;
}

/** Runs the CLI and returns the exit status (the caller sets process.exitCode). */
export async function main(argv: readonly string[]): Promise<number> {
  let config: Config;
  const err = (s: string): void => void process.stderr.write(s + '\n');
  try {
    config = readConfig(process.env, Boolean(process.stderr.isTTY));
  } catch (e) {
    return renderError(e, err, false);
  }
  const ctx: CliContext = {
    config,
    out: (s) => void process.stdout.write(s + '\n'),
    err,
    json: (v) => void process.stdout.write(JSON.stringify(v, null, 2) + '\n'),
    readStdin: () => readFileSync(0, 'utf8'),
    interactive: Boolean(process.stderr.isTTY),
    exitCode: 0,
  };
  try {
    await (await buildProgram(ctx, commandOf(argv))).parseAsync([...argv], { from: 'user' });
    return ctx.exitCode;
  } catch (e) {
    return renderError(e, err, config.debug);
  }
}

function renderError(e: unknown, err: (s: string) => void, debug: boolean): number {
  if (e instanceof CommanderError) {
    // Help and version "errors" are normal exits; commander has already printed the message.
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help')
      return 0;
    return 2;
  }
  if (e instanceof BulwarkError) {
    for (const i of e.issues) err(formatIssue(i));
    err(`bulwark: ${e.message}`);
    return exitStatus[e.code];
  }
  const message = e instanceof Error ? e.message : String(e);
  err(`bulwark: internal error: ${message}`);
  if (debug && e instanceof Error && e.stack !== undefined) err(e.stack);
  else err('(this is a bug in Bulwark; run with BULWARK_DEBUG=1 for details and report it)');
  return 1;
}

// A reader that closes the pipe early (`bulwark plan … | head`) is not an error: stop writing, exit 0.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
process.exitCode = await main(process.argv.slice(2));
