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
import { register as registerScenarios } from './commands/scenarios.js';
import { register as registerValidate } from './commands/validate.js';
import { register as registerShow } from './commands/show.js';
import { register as registerSchema } from './commands/schema.js';
import { register as registerBrief } from './commands/brief.js';
import { register as registerPlan } from './commands/plan.js';
import { register as registerServe } from './commands/serve.js';
import { register as registerAudit } from './commands/audit.js';
import { register as registerGame } from './commands/game.js';
import { register as registerEngagement } from './commands/engagement.js';
import { register as registerSweep } from './commands/sweep.js';
import { register as registerFrontier } from './commands/frontier.js';
import { register as registerWorker } from './commands/worker.js';
import { register as registerAssure } from './commands/assure.js';
import { register as registerCalibrate } from './commands/calibrate.js';
import { register as registerSpreadsheets } from './commands/spreadsheets.js';

import { bulwarkVersion as version } from './version.js';

/** Builds the program: one place lists every command. */
export function buildProgram(ctx: CliContext): Command {
  const program = new Command('bulwark')
    .description('Plan and stress-test multinational reassurance forces.')
    .version(version)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => ctx.out(s.trimEnd()), writeErr: (s) => ctx.err(s.trimEnd()) });
  // In the order a user meets them: the scenario, the analyses, the briefing, scale-out, the workspace.
  registerScenarios(program, ctx);
  registerShow(program, ctx);
  registerValidate(program, ctx);
  registerSchema(program, ctx);
  registerPlan(program, ctx);
  registerAssure(program, ctx);
  registerCalibrate(program, ctx);
  registerGame(program, ctx);
  registerEngagement(program, ctx);
  registerBrief(program, ctx);
  registerSweep(program, ctx);
  registerFrontier(program, ctx);
  registerWorker(program, ctx);
  registerServe(program, ctx);
  registerAudit(program, ctx);
  registerSpreadsheets(program, ctx);
  for (const c of program.commands)
    c.exitOverride().configureOutput({
      writeOut: (s) => ctx.out(s.trimEnd()),
      writeErr: (s) => ctx.err(s.trimEnd()),
    });
  return program;
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
    await buildProgram(ctx).parseAsync([...argv], { from: 'user' });
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

process.exitCode = await main(process.argv.slice(2));
