/**
 * Model writers: free-format MPS and CPLEX LP text, so any other solver (CBC, HiGHS native, Gurobi …)
 * can solve exactly the model the planner built. Pure string building; the caller writes the file.
 *
 * Numbers are written with JavaScript's shortest round-trip form, so a reader recovers every coefficient
 * exactly. Integer columns always get explicit bounds (some MPS readers default integer columns to [0, 1]).
 */
import type { LinearProgram } from './linear-program.js';

const num = (x: number): string => (Object.is(x, -0) ? '0' : String(x));

/** Free-format MPS (names without whitespace; the objective row is `obj`). */
export function writeMps(model: LinearProgram): string {
  const out: string[] = [];
  const objName = uniqueObjectiveName(model);
  out.push(`NAME ${model.name.replace(/\s+/g, '_') || 'model'}`);
  out.push('ROWS');
  out.push(` N ${objName}`);
  const kinds: string[] = [];
  for (const r of model.rows) {
    const lo = Number.isFinite(r.lower);
    const hi = Number.isFinite(r.upper);
    const kind = lo && hi ? (r.lower === r.upper ? 'E' : 'L') : hi ? 'L' : lo ? 'G' : 'N';
    // A free row would become a second objective; keep it as L with an infinite right-hand side.
    kinds.push(kind === 'N' ? 'L' : kind);
    out.push(` ${kinds[kinds.length - 1] ?? 'L'} ${r.name}`);
  }
  // Column-wise coefficients (transpose of the row storage).
  const byColumn: { row: number; coef: number }[][] = model.variables.map(() => []);
  model.rows.forEach((r, i) => {
    for (let k = 0; k < r.columns.length; k++)
      byColumn[r.columns[k] ?? 0]?.push({ row: i, coef: r.coefficients[k] ?? 0 });
  });
  out.push('COLUMNS');
  let inInteger = false;
  let marker = 0;
  model.variables.forEach((v, j) => {
    if (v.integer !== inInteger) {
      out.push(`    MARKER${marker} 'MARKER' '${v.integer ? 'INTORG' : 'INTEND'}'`);
      marker++;
      inInteger = v.integer;
    }
    const entries = byColumn[j] ?? [];
    if (v.cost !== 0) out.push(`    ${v.name} ${objName} ${num(v.cost)}`);
    for (const e of entries) out.push(`    ${v.name} ${model.rows[e.row]?.name ?? ''} ${num(e.coef)}`);
    // A column with no entries still has to be declared.
    if (v.cost === 0 && entries.length === 0) out.push(`    ${v.name} ${objName} 0`);
  });
  if (inInteger) out.push(`    MARKER${marker} 'MARKER' 'INTEND'`);
  out.push('RHS');
  if (model.offset !== 0) out.push(`    RHS ${objName} ${num(-model.offset)}`);
  model.rows.forEach((r, i) => {
    const kind = kinds[i];
    const rhs = kind === 'G' ? r.lower : Number.isFinite(r.upper) ? r.upper : 1e30;
    if (rhs !== 0) out.push(`    RHS ${r.name} ${num(rhs)}`);
  });
  const ranged = model.rows.filter(
    (r, i) => kinds[i] === 'L' && Number.isFinite(r.lower) && Number.isFinite(r.upper),
  );
  if (ranged.length > 0) {
    out.push('RANGES');
    for (const r of ranged) out.push(`    RNG ${r.name} ${num(r.upper - r.lower)}`);
  }
  out.push('BOUNDS');
  for (const v of model.variables) {
    const lo = v.lower;
    const hi = v.upper;
    if (lo === hi) {
      out.push(` FX BND ${v.name} ${num(lo)}`);
      continue;
    }
    if (lo === -Infinity && hi === Infinity) {
      out.push(` FR BND ${v.name}`);
      continue;
    }
    if (lo === -Infinity) out.push(` MI BND ${v.name}`);
    else if (lo !== 0 || v.integer) out.push(` LO BND ${v.name} ${num(lo)}`);
    if (hi !== Infinity) out.push(` UP BND ${v.name} ${num(hi)}`);
    else if (v.integer) out.push(` PL BND ${v.name}`);
  }
  out.push('ENDATA');
  return out.join('\n') + '\n';
}

function uniqueObjectiveName(model: LinearProgram): string {
  const taken = new Set(model.rows.map((r) => r.name));
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
  const varNames = lpNames(model.variables.map((v) => v.name));
  const rowNames = lpNames(model.rows.map((r) => r.name));
  const out: string[] = [`\\ ${model.name}`, 'Minimize'];
  const terms = (cols: readonly number[], coefs: readonly number[]): string[] =>
    cols.map((c, k) => {
      const a = coefs[k] ?? 0;
      return `${a < 0 ? '-' : '+'} ${num(Math.abs(a))} ${varNames[c] ?? ''}`;
    });
  const objCols: number[] = [];
  const objCoefs: number[] = [];
  model.variables.forEach((v, j) => {
    if (v.cost !== 0) {
      objCols.push(j);
      objCoefs.push(v.cost);
    }
  });
  const objTerms = terms(objCols, objCoefs);
  if (model.offset !== 0) objTerms.push(`${model.offset < 0 ? '-' : '+'} ${num(Math.abs(model.offset))}`);
  out.push(...wrap(' obj:', objTerms.length > 0 ? objTerms : ['0 ' + (varNames[0] ?? 'x')]));
  out.push('Subject To');
  model.rows.forEach((r, i) => {
    const name = rowNames[i] ?? `r${i}`;
    const t = terms(r.columns, r.coefficients);
    const body = t.length > 0 ? t : [`0 ${varNames[0] ?? 'x'}`];
    const lo = Number.isFinite(r.lower);
    const hi = Number.isFinite(r.upper);
    if (lo && hi && r.lower === r.upper) out.push(...wrap(` ${name}:`, [...body, `= ${num(r.upper)}`]));
    else if (lo && hi) {
      out.push(...wrap(` ${name}_lo:`, [...body, `>= ${num(r.lower)}`]));
      out.push(...wrap(` ${name}_hi:`, [...body, `<= ${num(r.upper)}`]));
    } else if (hi) out.push(...wrap(` ${name}:`, [...body, `<= ${num(r.upper)}`]));
    else if (lo) out.push(...wrap(` ${name}:`, [...body, `>= ${num(r.lower)}`]));
  });
  out.push('Bounds');
  model.variables.forEach((v, j) => {
    const n = varNames[j] ?? '';
    if (v.lower === -Infinity && v.upper === Infinity) out.push(` ${n} free`);
    else if (v.lower === v.upper) out.push(` ${n} = ${num(v.lower)}`);
    else {
      const lo = v.lower === -Infinity ? '-inf' : num(v.lower);
      const hi = v.upper === Infinity ? '+inf' : num(v.upper);
      if (v.lower !== 0 || v.upper !== Infinity) out.push(` ${lo} <= ${n} <= ${hi}`);
    }
  });
  const ints = model.variables.flatMap((v, j) => (v.integer ? [varNames[j] ?? ''] : []));
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
