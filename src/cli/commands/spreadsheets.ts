/**
 * `bulwark export` and `bulwark import`: a scenario's tables as CSV or XLSX, and a pledge sheet (CSV or
 * XLSX) applied to a scenario file with a row-by-row report (the workspace's import, offline, as the
 * coordinator). A sheet with rejected rows exits 2 naming file, row and column, and writes nothing.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { loadScenario } from '../../adapters/files/index.js';
import { BulwarkError } from '../../core/shared/index.js';
// eslint-disable-next-line no-restricted-imports -- needed when the command registers (--help); app/index.js would load every use case
import {
  formatImportProblem,
  planPledgeImport,
  type ImportMode,
  type ImportPlan,
} from '../../app/pledge-import.js';
// eslint-disable-next-line no-restricted-imports -- needed when the command registers (--help); app/index.js would load every use case
import { exportTable, formatOf, loadSheet, sheetFormats, type SheetFormat } from '../../app/spreadsheets.js';
// eslint-disable-next-line no-restricted-imports -- needed when the command registers (--help); app/index.js would load every use case
import { tableNames, type TableName } from '../../app/tables.js';
import type { CliContext } from '../context.js';
import { choiceOption, collect } from '../options.js';
import { table } from '../render.js';

/** Largest sheet file read (bytes): far above any pledge table, far below what would stall the parser. */
const maxSheetBytes = 10 * 1024 * 1024;

function writeOut(file: string, data: string | Buffer): void {
  try {
    writeFileSync(file, data);
  } catch (e) {
    throw new BulwarkError('usage', `--out ${file}: cannot write (${(e as Error).message})`);
  }
}

function readSheetFile(file: string): Buffer {
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new BulwarkError('input-unreadable', `${file}: not a file`);
    size = st.size;
  } catch (e) {
    if (e instanceof BulwarkError) throw e;
    throw new BulwarkError('input-unreadable', `${file}: cannot read (${(e as Error).message})`);
  }
  if (size > maxSheetBytes)
    throw new BulwarkError(
      'usage',
      `${file}: ${size} bytes; a pledge sheet may have at most ${maxSheetBytes}`,
    );
  return readFileSync(file);
}

function renderReport(plan: ImportPlan, dryRun: boolean): string {
  const c = plan.counts;
  const lines = [
    `${plan.sheet}: ${c.added} added, ${c.changed} changed, ${c.unchanged} unchanged, ${c.removed} removed, ${c.rejected} rejected${dryRun ? ' (dry run: nothing written)' : ''}`,
  ];
  if (plan.rows.length > 0)
    lines.push(
      table(
        ['row', 'pledge', 'status', 'what'],
        plan.rows.map((r) => [
          r.row,
          r.id ?? '',
          r.status,
          r.status === 'rejected'
            ? r.problems.map((p) => `${p.column ?? ''}: ${p.message}`).join('; ')
            : (r.changes ?? [])
                .map((x) => `${x.path.join('.')}: ${JSON.stringify(x.before)} → ${JSON.stringify(x.after)}`)
                .join('; '),
        ]),
      ),
    );
  if (plan.removed.length > 0) lines.push(`removed: ${plan.removed.join(', ')}`);
  return lines.join('\n');
}

export function registerExport(program: Command, ctx: CliContext): void {
  program
    .command('export')
    .description(
      'write a scenario table (pledges, nations, requirements, or coverage: the pledged plan’s results) as CSV or XLSX',
    )
    .argument('<scenario>', 'a YAML/JSON file or a built-in name')
    .requiredOption('--what <table>', tableNames.join(' | '), choiceOption(tableNames))
    .option('--format <format>', 'csv | xlsx (default: from --out, else csv)', choiceOption(sheetFormats))
    .option('--out <file>', 'write here (default: stdout, CSV only)')
    .option('--variant <id>', 'apply a variant (repeatable, applied in order)', collect, [])
    .action(
      async (
        ref: string,
        opts: { what: TableName; format?: SheetFormat; out?: string; variant: string[] },
      ) => {
        const format: SheetFormat =
          opts.format ?? (opts.out !== undefined && /\.xlsx$/i.test(opts.out) ? 'xlsx' : 'csv');
        if (format === 'xlsx' && opts.out === undefined)
          throw new BulwarkError('usage', 'an XLSX workbook is binary: give --out <file>');
        const s = loadScenario(ref, opts.variant).scenario;
        const bytes = await exportTable(s, opts.what, format);
        if (opts.out !== undefined) writeOut(opts.out, bytes);
        else ctx.out(bytes.toString('utf8').replace(/\r\n$/, ''));
      },
    );
}

export function registerImport(program: Command, ctx: CliContext): void {
  program
    .command('import')
    .description(
      'apply a pledge sheet (CSV or XLSX, the columns of `export --what pledges`) to a scenario file, with a row-by-row report; exit 2 if any row is rejected',
    )
    .argument('<scenario-file>', 'a YAML/JSON scenario file (or a built-in name); it is never overwritten')
    .argument('<sheet>', 'the pledge sheet: a .csv or .xlsx file')
    .option('--dry-run', 'report only: write nothing')
    .option(
      '--mode <mode>',
      'merge (default): add and update; replace: also remove pledges missing from the sheet',
      choiceOption(['merge', 'replace'] as const),
      'merge',
    )
    .option(
      '--out <file>',
      'write the updated scenario (JSON) here (default: stdout, the report going to stderr)',
    )
    .option('--json', 'print the report as JSON')
    .action(
      async (
        ref: string,
        sheetFile: string,
        opts: { dryRun?: boolean; mode: ImportMode; out?: string; json?: boolean },
      ) => {
        const loaded = loadScenario(ref);
        const sheet = await loadSheet(readSheetFile(sheetFile), sheetFile, formatOf(sheetFile));
        const plan = planPledgeImport(
          loaded.scenario,
          sheet,
          { role: 'coordinator', nation: null },
          opts.mode,
        );
        const dryRun = opts.dryRun === true;
        const toStdout = !dryRun && opts.out === undefined;
        const say = toStdout ? ctx.err : ctx.out;
        const { document: _d, changes: _c, ...report } = plan;
        if (opts.json) say(JSON.stringify(report, null, 2));
        else say(renderReport(plan, dryRun));
        const problems = [...plan.problems, ...plan.rows.flatMap((r) => r.problems)];
        for (const p of problems) if (!opts.json) ctx.err(formatImportProblem(p));
        if (!plan.ok) {
          ctx.exitCode = 2;
          if (!dryRun)
            ctx.err(`${sheetFile}: not imported (${plan.counts.rejected} row(s) rejected); nothing written`);
          return;
        }
        if (dryRun) return;
        const text = JSON.stringify(plan.document ?? loaded.scenario, null, 2);
        if (opts.out !== undefined) writeOut(opts.out, text + '\n');
        else ctx.out(text);
      },
    );
}
