/**
 * Model writers: free-format MPS and CPLEX LP text, so any other solver (CBC, HiGHS native, Gurobi …)
 * can solve exactly the model the planner built. Pure string building; the caller writes the file.
 *
 * Numbers are written with JavaScript's shortest round-trip form, so a reader recovers every coefficient
 * exactly. Integer columns always get explicit bounds (some MPS readers default integer columns to [0, 1]).
 */
import type { LinearProgram, LpColumns, LpRows } from './linear-program.js';

/** Every name of the variables or the rows. */
const namesOf = (x: LpColumns | LpRows): string[] => Array.from({ length: x.count }, (_, k) => x.names.at(k));

const num = (x: number): string => (Object.is(x, -0) ? '0' : String(x));

/** Free-format MPS (names without whitespace; the objective row is `obj`). */
export function writeMps(model: LinearProgram): string {
  const v = model.variables;
  const r = model.rows;
  const colNames = namesOf(v);
  const rowNames = namesOf(r);
  const rowName = (i: number): string => rowNames[i] ?? '';
  const out: string[] = [];
  const objName = uniqueObjectiveName(rowNames);
  out.push(`NAME ${model.name.replace(/\s+/g, '_') || 'model'}`);
  out.push('ROWS');
  out.push(` N ${objName}`);
  const kinds: string[] = [];
  for (let i = 0; i < r.count; i++) {
    const lower = r.lower[i] ?? 0;
    const upper = r.upper[i] ?? 0;
    const lo = Number.isFinite(lower);
    const hi = Number.isFinite(upper);
    const kind = lo && hi ? (lower === upper ? 'E' : 'L') : hi ? 'L' : lo ? 'G' : 'N';
    // A free row would become a second objective; keep it as L with an infinite right-hand side.
    kinds.push(kind === 'N' ? 'L' : kind);
    out.push(` ${kinds[kinds.length - 1] ?? 'L'} ${rowName(i)}`);
  }
  // Column-wise coefficients (transpose of the row storage).
  const byColumn: { row: number; coef: number }[][] = Array.from({ length: v.count }, () => []);
  for (let i = 0; i < r.count; i++)
    for (let k = r.starts[i] ?? 0, end = r.starts[i + 1] ?? 0; k < end; k++)
      byColumn[r.columns[k] ?? 0]?.push({ row: i, coef: r.coefficients[k] ?? 0 });
  out.push('COLUMNS');
  let inInteger = false;
  let marker = 0;
  for (let j = 0; j < v.count; j++) {
    const integer = v.integer[j] === 1;
    const name = colNames[j] ?? '';
    const cost = v.cost[j] ?? 0;
    if (integer !== inInteger) {
      out.push(`    MARKER${marker} 'MARKER' '${integer ? 'INTORG' : 'INTEND'}'`);
      marker++;
      inInteger = integer;
    }
    const entries = byColumn[j] ?? [];
    if (cost !== 0) out.push(`    ${name} ${objName} ${num(cost)}`);
    for (const e of entries) out.push(`    ${name} ${rowName(e.row)} ${num(e.coef)}`);
    // A column with no entries still has to be declared.
    if (cost === 0 && entries.length === 0) out.push(`    ${name} ${objName} 0`);
  }
  if (inInteger) out.push(`    MARKER${marker} 'MARKER' 'INTEND'`);
  out.push('RHS');
  if (model.offset !== 0) out.push(`    RHS ${objName} ${num(-model.offset)}`);
  for (let i = 0; i < r.count; i++) {
    const kind = kinds[i];
    const upper = r.upper[i] ?? 0;
    const rhs = kind === 'G' ? (r.lower[i] ?? 0) : Number.isFinite(upper) ? upper : 1e30;
    if (rhs !== 0) out.push(`    RHS ${rowName(i)} ${num(rhs)}`);
  }
  const ranged: number[] = [];
  for (let i = 0; i < r.count; i++)
    if (kinds[i] === 'L' && Number.isFinite(r.lower[i] ?? 0) && Number.isFinite(r.upper[i] ?? 0))
      ranged.push(i);
  if (ranged.length > 0) {
    out.push('RANGES');
    for (const i of ranged) out.push(`    RNG ${rowName(i)} ${num((r.upper[i] ?? 0) - (r.lower[i] ?? 0))}`);
  }
  out.push('BOUNDS');
  for (let j = 0; j < v.count; j++) {
    const name = colNames[j] ?? '';
    const integer = v.integer[j] === 1;
    const lo = v.lower[j] ?? 0;
    const hi = v.upper[j] ?? 0;
    if (lo === hi) {
      out.push(` FX BND ${name} ${num(lo)}`);
      continue;
    }
    if (lo === -Infinity && hi === Infinity) {
      out.push(` FR BND ${name}`);
      continue;
    }
    if (lo === -Infinity) out.push(` MI BND ${name}`);
    else if (lo !== 0 || integer) out.push(` LO BND ${name} ${num(lo)}`);
    if (hi !== Infinity) out.push(` UP BND ${name} ${num(hi)}`);
    else if (integer) out.push(` PL BND ${name}`);
  }
  out.push('ENDATA');
  return out.join('\n') + '\n';
}

function uniqueObjectiveName(rowNames: readonly string[]): string {
  const taken = new Set(rowNames);
  let name = 'obj';
  while (taken.has(name)) name = `_${name}`;
  return name;
}

/**
 * Names as the CPLEX LP format allows them: letters, digits and !"#$%&()/,.;?@_`'{}|~, not starting
 * with a digit, a period or e/E followed by a digit. `[`/`]` become `(`/`)`, `-` becomes `_`; a clash
 * after rewriting gets a `~n` suffix. Returns the LP name of each original name.
 */
export function lpNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    let n = name
      .replaceAll('[', '(')
      .replaceAll(']', ')')
      .replace(/[^A-Za-z0-9!"#$%&()/,.;?@_`'{}|~]/g, '_');
    if (/^[0-9.]/.test(n) || /^[eE][0-9]/.test(n)) n = `_${n}`;
    n = n.slice(0, 240);
    let candidate = n;
    for (let i = 2; used.has(candidate); i++) candidate = `${n}~${i}`;
    used.add(candidate);
    return candidate;
  });
}

/** CPLEX LP text. Ranged rows are written as two rows, `<name>_lo` and `<name>_hi`. */
export function writeLp(model: LinearProgram): string {
  const v = model.variables;
  const r = model.rows;
  const varNames = lpNames(namesOf(v));
  const rowNames = lpNames(namesOf(r));
  const out: string[] = [`\\ ${model.name}`, 'Minimize'];
  const terms = (cols: ArrayLike<number>, coefs: ArrayLike<number>): string[] =>
    Array.from({ length: cols.length }, (_, k) => {
      const a = coefs[k] ?? 0;
      return `${a < 0 ? '-' : '+'} ${num(Math.abs(a))} ${varNames[cols[k] ?? 0] ?? ''}`;
    });
  const objCols: number[] = [];
  const objCoefs: number[] = [];
  for (let j = 0; j < v.count; j++) {
    const cost = v.cost[j] ?? 0;
    if (cost !== 0) {
      objCols.push(j);
      objCoefs.push(cost);
    }
  }
  const objTerms = terms(objCols, objCoefs);
  if (model.offset !== 0) objTerms.push(`${model.offset < 0 ? '-' : '+'} ${num(Math.abs(model.offset))}`);
  out.push(...wrap(' obj:', objTerms.length > 0 ? objTerms : ['0 ' + (varNames[0] ?? 'x')]));
  out.push('Subject To');
  for (let i = 0; i < r.count; i++) {
    const name = rowNames[i] ?? `r${i}`;
    const from = r.starts[i] ?? 0;
    const to = r.starts[i + 1] ?? from;
    const t = terms(r.columns.subarray(from, to), r.coefficients.subarray(from, to));
    const body = t.length > 0 ? t : [`0 ${varNames[0] ?? 'x'}`];
    const lower = r.lower[i] ?? 0;
    const upper = r.upper[i] ?? 0;
    const lo = Number.isFinite(lower);
    const hi = Number.isFinite(upper);
    if (lo && hi && lower === upper) out.push(...wrap(` ${name}:`, [...body, `= ${num(upper)}`]));
    else if (lo && hi) {
      out.push(...wrap(` ${name}_lo:`, [...body, `>= ${num(lower)}`]));
      out.push(...wrap(` ${name}_hi:`, [...body, `<= ${num(upper)}`]));
    } else if (hi) out.push(...wrap(` ${name}:`, [...body, `<= ${num(upper)}`]));
    else if (lo) out.push(...wrap(` ${name}:`, [...body, `>= ${num(lower)}`]));
  }
  out.push('Bounds');
  for (let j = 0; j < v.count; j++) {
    const n = varNames[j] ?? '';
    const lower = v.lower[j] ?? 0;
    const upper = v.upper[j] ?? 0;
    if (lower === -Infinity && upper === Infinity) out.push(` ${n} free`);
    else if (lower === upper) out.push(` ${n} = ${num(lower)}`);
    else {
      const lo = lower === -Infinity ? '-inf' : num(lower);
      const hi = upper === Infinity ? '+inf' : num(upper);
      if (lower !== 0 || upper !== Infinity) out.push(` ${lo} <= ${n} <= ${hi}`);
    }
  }
  const ints: string[] = [];
  for (let j = 0; j < v.count; j++) if (v.integer[j] === 1) ints.push(varNames[j] ?? '');
  if (ints.length > 0) {
    out.push('Generals');
    out.push(...wrap('', ints));
  }
  out.push('End');
  return out.join('\n') + '\n';
}

/** Joins tokens into lines of at most ~200 characters (the LP format limits lines to 255). */
function wrap(head: string, tokens: readonly string[]): string[] {
  const lines: string[] = [];
  let line = head;
  for (const t of tokens) {
    if (line.length + t.length + 1 > 200 && line.trim() !== '' && line !== head) {
      lines.push(line);
      line = '   ';
    }
    line += ` ${t}`;
  }
  lines.push(line);
  return lines;
}
