/**
 * Importing a pledge sheet (CSV or XLSX, the columns of the exported pledges table): each row is checked
 * on its own — its cells, the pledge schema, who may import it — and then all the rows together against
 * the scenario's rules. The report says, row by row, what would be added, changed (field by field) or is
 * unchanged, and what is rejected and why, naming the sheet, row and column. An import is all or nothing:
 * with any rejected row nothing is saved. Pure: the caller reads the file and stores the result.
 */
import { Pledge, validate, zodIssues, type Scenario } from '../core/scenario/index.js';
import {
  BulwarkError,
  canonicalJson,
  issue,
  parseCsv,
  semanticDiff,
  unguardCell,
  type FieldChange,
  type Issue,
} from '../core/shared/index.js';
import { pledgeColumns, pledgeComputedColumns } from './tables.js';

/** A worksheet: its name and its non-empty rows, each with the sheet row (or CSV line) it came from. */
export interface Sheet {
  readonly name: string;
  readonly rows: readonly { readonly n: number; readonly cells: readonly string[] }[];
}

/**
 * `merge`: the sheet's rows are added or update pledges of the same id; others stay. `replace`: the
 * sheet is the whole table — pledges in scope (a liaison's nation, or every pledge for a coordinator)
 * missing from it are removed.
 */
export type ImportMode = 'merge' | 'replace';

export interface Importer {
  readonly role: 'coordinator' | 'liaison' | 'viewer';
  readonly nation: string | null;
}

export interface ImportProblem {
  readonly sheet: string;
  /** Sheet row (XLSX) or line (CSV), 1-based; null for the whole sheet. */
  readonly row: number | null;
  /** Column name as in the header; null when about the whole row or sheet. */
  readonly column: string | null;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

export interface ImportRow {
  readonly row: number;
  readonly id: string | null;
  readonly status: 'added' | 'changed' | 'unchanged' | 'rejected';
  readonly changes?: readonly FieldChange[];
  readonly problems: readonly ImportProblem[];
}

export interface ImportPlan {
  readonly sheet: string;
  readonly mode: ImportMode;
  readonly counts: {
    readonly added: number;
    readonly changed: number;
    readonly unchanged: number;
    readonly removed: number;
    readonly rejected: number;
  };
  readonly rows: readonly ImportRow[];
  /** Ids of pledges the import removes (`replace`). */
  readonly removed: readonly string[];
  /** Problems with the sheet as a whole (header, rules no row explains). */
  readonly problems: readonly ImportProblem[];
  /** True when nothing is rejected and the sheet has no error: it can be saved. */
  readonly ok: boolean;
  /** The scenario after the import, when `ok` and something changes. */
  readonly document: Scenario | null;
  /** One entry per pledge added, changed or removed (for the audit). */
  readonly changes: readonly {
    id: string;
    before: unknown;
    after: unknown;
    kind: 'create' | 'update' | 'delete';
  }[];
}

/** The one line of a problem: `pledges.csv row 5, column units: expected a number`. */
export function formatImportProblem(p: ImportProblem): string {
  const where = [
    p.sheet,
    p.row === null ? '' : ` row ${p.row}`,
    p.column === null ? '' : `, column ${p.column}`,
  ];
  return `${where.join('')}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`;
}

/** Problems as API issues (`path`: sheet, row, column). */
export function importIssues(plan: ImportPlan): Issue[] {
  const all = [...plan.problems, ...plan.rows.flatMap((r) => r.problems)];
  return all.map((p) => ({
    ...issue(
      'import.row',
      [p.sheet, ...(p.row === null ? [] : [p.row]), ...(p.column === null ? [] : [p.column])],
      p.message,
    ),
    severity: p.severity,
  }));
}

/** A CSV file as a sheet; `input-unreadable` naming the file and line when it cannot be parsed. */
export function csvSheet(text: string, name: string): Sheet {
  const r = parseCsv(text);
  if (!r.ok) throw new BulwarkError('input-unreadable', `${name}:${r.line}: ${r.message}`);
  return { name, rows: r.rows.map((cells, i) => ({ n: r.lines[i] ?? i + 1, cells })) };
}

type PledgeColumn = (typeof pledgeColumns)[number];
const listColumns = new Set<PledgeColumn>(['missions', 'conditions']);
const numberColumns = new Set<PledgeColumn>(['units', 'fromPeriod', 'toPeriod']);
/** Columns a new pledge needs; an empty cell clears any other. */
const requiredColumns = new Set<PledgeColumn>(['nation', 'unitType', 'units', 'status', 'source']);

const maxRows = 20_000;

/** Plans the import of `sheet` into `doc` by `who` (coordinators: any nation; liaisons: their own). */
export function planPledgeImport(doc: Scenario, sheet: Sheet, who: Importer, mode: ImportMode): ImportPlan {
  const sheetProblems: ImportProblem[] = [];
  const problem = (
    row: number | null,
    column: string | null,
    message: string,
    severity: 'error' | 'warning' = 'error',
  ): ImportProblem => ({
    sheet: sheet.name,
    row,
    column,
    severity,
    message,
  });
  const empty = (problems: ImportProblem[]): ImportPlan => ({
    sheet: sheet.name,
    mode,
    counts: { added: 0, changed: 0, unchanged: 0, removed: 0, rejected: 0 },
    rows: [],
    removed: [],
    problems,
    ok: false,
    document: null,
    changes: [],
  });
  if (who.role === 'viewer') throw new BulwarkError('forbidden', 'viewers cannot import pledges');
  const [head, ...body] = sheet.rows;
  if (head === undefined)
    return empty([
      problem(
        null,
        null,
        'the sheet is empty: it needs a header row naming the columns (id, nation, unitType, units, …)',
      ),
    ]);
  if (body.length > maxRows)
    return empty([problem(null, null, `${body.length} rows; at most ${maxRows} are imported at once`)]);
  // Header: known columns (case-insensitively), computed ones ignored, anything else a warning.
  const columns: (PledgeColumn | null)[] = [];
  const seen = new Set<string>();
  for (const raw of head.cells) {
    const name = unguardCell(raw).trim();
    const known = pledgeColumns.find((c) => c.toLowerCase() === name.toLowerCase()) ?? null;
    if (known !== null && seen.has(known)) return empty([problem(head.n, name, 'this column appears twice')]);
    if (known !== null) seen.add(known);
    else if (
      name !== '' &&
      !(pledgeComputedColumns as readonly string[]).some((c) => c.toLowerCase() === name.toLowerCase())
    )
      sheetProblems.push(
        problem(
          head.n,
          name,
          `not a pledge column; ignored (columns: ${pledgeColumns.join(', ')})`,
          'warning',
        ),
      );
    columns.push(known);
  }
  if (!seen.has('id'))
    return empty([problem(head.n, null, 'the header has no "id" column: each row must name its pledge')]);

  const existing = new Map(doc.pledges.map((p) => [p.id, p]));
  const inScope = (nation: unknown): boolean => who.role === 'coordinator' || nation === who.nation;
  const rows: ImportRow[] = [];
  const parsed = new Map<string, { row: number; value: Pledge }>();
  for (const r of body) {
    const problems: ImportProblem[] = [];
    const cells = new Map<PledgeColumn, string>();
    columns.forEach((c, i) => {
      if (c !== null) cells.set(c, unguardCell(r.cells[i] ?? '').trim());
    });
    const id = cells.get('id') ?? '';
    if (id === '') {
      rows.push({
        row: r.n,
        id: null,
        status: 'rejected',
        problems: [problem(r.n, 'id', 'empty: each row must name its pledge')],
      });
      continue;
    }
    if (parsed.has(id) || rows.some((x) => x.id === id)) {
      rows.push({
        row: r.n,
        id,
        status: 'rejected',
        problems: [problem(r.n, 'id', `pledge "${id}" appears on an earlier row too`)],
      });
      continue;
    }
    const before = existing.get(id);
    const value: Record<string, unknown> = before === undefined ? { id } : { ...before };
    for (const [c, text] of cells) {
      if (c === 'id') continue;
      if (text === '') {
        if (requiredColumns.has(c)) {
          if (before === undefined) problems.push(problem(r.n, c, 'empty: a new pledge needs it'));
          else
            problems.push(
              problem(r.n, c, 'empty: a pledge needs it (leave the column out to keep the current value)'),
            );
        } else delete value[c];
        continue;
      }
      if (numberColumns.has(c)) {
        const n = Number(text);
        if (!Number.isFinite(n)) problems.push(problem(r.n, c, `"${text}" is not a number`));
        else value[c] = n;
      } else if (listColumns.has(c)) value[c] = text.split(/[\s,;]+/).filter((x) => x !== '');
      else if (c === 'new') {
        const b = /^(true|yes|1)$/i.test(text) ? true : /^(false|no|0)$/i.test(text) ? false : undefined;
        if (b === undefined) problems.push(problem(r.n, c, `"${text}" is not true or false`));
        else value[c] = b;
      } else if (c === 'source' && text.startsWith('{')) {
        try {
          value[c] = JSON.parse(text) as unknown;
        } catch {
          problems.push(problem(r.n, c, 'starts with "{" but is not a JSON object of field → source id'));
        }
      } else value[c] = text;
    }
    // Who may import the row comes first: another nation's row is refused whatever else it holds.
    if (!inScope(value['nation']) || (before !== undefined && !inScope(before.nation))) {
      rows.push({
        row: r.n,
        id,
        status: 'rejected',
        problems: [
          problem(
            r.n,
            'nation',
            `a liaison of ${who.nation ?? '?'} may import only ${who.nation ?? '?'}'s pledges${before !== undefined && before.nation !== value['nation'] ? ' (and cannot move a pledge between nations)' : ''}`,
          ),
        ],
      });
      continue;
    }
    if (problems.length === 0) {
      const p = Pledge.safeParse(value);
      if (!p.success)
        for (const i of zodIssues(p.error, value)) {
          const col = typeof i.path[0] === 'string' ? i.path[0] : null;
          problems.push(problem(r.n, col, i.message));
        }
      else {
        parsed.set(id, { row: r.n, value: p.data });
        const status =
          before === undefined
            ? 'added'
            : canonicalJson(before) === canonicalJson(p.data)
              ? 'unchanged'
              : 'changed';
        rows.push({
          row: r.n,
          id,
          status,
          ...(status === 'changed' ? { changes: semanticDiff(before, p.data) } : {}),
          problems: [],
        });
        continue;
      }
    }
    rows.push({ row: r.n, id, status: 'rejected', problems });
  }
  const sheetIds = new Set(rows.map((r) => r.id).filter((x): x is string => x !== null));
  const removed =
    mode === 'replace'
      ? doc.pledges.filter((p) => inScope(p.nation) && !sheetIds.has(p.id)).map((p) => p.id)
      : [];

  // All rows together against the rules: an error on a pledge rejects its row; re-check without it.
  let document: Scenario | null = null;
  const rowOf = new Map([...parsed].map(([id, x]) => [id, x.row]));
  const reject = (id: string, p: ImportProblem): void => {
    const i = rows.findIndex((r) => r.id === id);
    const r = rows[i];
    if (r === undefined) return;
    rows[i] = { row: r.row, id: r.id, status: 'rejected', problems: [...r.problems, p] };
    parsed.delete(id);
  };
  for (let round = 0; round < 3; round++) {
    const changing = [...parsed].filter(([id]) => rows.find((r) => r.id === id)?.status !== 'unchanged');
    const candidate: Scenario = {
      ...doc,
      pledges: [
        ...doc.pledges.filter((p) => !removed.includes(p.id)).map((p) => parsed.get(p.id)?.value ?? p),
        ...changing.filter(([id]) => !existing.has(id)).map(([, x]) => x.value),
      ],
    };
    const v = validate(candidate);
    const found = v.ok ? v.value.warnings : v.error;
    let rejectedNow = false;
    const unexplained: ImportProblem[] = [];
    for (const i of found) {
      const [h, index, ...rest] = i.path;
      const pid = h === 'pledges' && typeof index === 'number' ? candidate.pledges[index]?.id : undefined;
      const row = pid === undefined ? undefined : rowOf.get(pid);
      const column = typeof rest[0] === 'string' ? rest[0] : null;
      if (row !== undefined && pid !== undefined && parsed.has(pid)) {
        if (i.severity === 'error') {
          reject(pid, problem(row, column, i.message));
          rejectedNow = true;
        } else {
          const k = rows.findIndex((r) => r.id === pid);
          const r = rows[k];
          if (r !== undefined)
            rows[k] = { ...r, problems: [...r.problems, problem(row, column, i.message, 'warning')] };
        }
      } else if (i.severity === 'error')
        unexplained.push(
          problem(
            null,
            null,
            `${i.path.join('.')}: ${i.message}${removed.length > 0 ? ' (after removing the pledges missing from the sheet)' : ''}`,
          ),
        );
    }
    if (rejectedNow) continue;
    sheetProblems.push(...unexplained);
    if (v.ok) document = v.value.scenario;
    break;
  }
  const count = (s: ImportRow['status']) => rows.filter((r) => r.status === s).length;
  const rejected = count('rejected');
  const ok = rejected === 0 && !sheetProblems.some((p) => p.severity === 'error') && document !== null;
  const changes: ImportPlan['changes'] = ok
    ? [
        ...rows
          .filter((r) => r.status === 'added' || r.status === 'changed')
          .map((r) => ({
            id: r.id ?? '',
            before: existing.get(r.id ?? '') ?? null,
            after: document?.pledges.find((p) => p.id === r.id) ?? null,
            kind: r.status === 'added' ? ('create' as const) : ('update' as const),
          })),
        ...removed.map((id) => ({
          id,
          before: existing.get(id) ?? null,
          after: null,
          kind: 'delete' as const,
        })),
      ]
    : [];
  return {
    sheet: sheet.name,
    mode,
    counts: {
      added: count('added'),
      changed: count('changed'),
      unchanged: count('unchanged'),
      removed: removed.length,
      rejected,
    },
    rows,
    removed,
    problems: sheetProblems,
    ok,
    document: ok && changes.length > 0 ? document : null,
    changes,
  };
}
