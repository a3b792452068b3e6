/**
 * A linear programme as plain data: the planner builds one, a solver adapter solves it, the writers
 * export it, and `checkSolution` verifies any answer against it. Always a minimisation:
 *
 *   minimise  offset + Σ_j cost_j · x_j
 *   subject to  lower_i ≤ Σ_j a_ij · x_j ≤ upper_i   (each row i)
 *               lower_j ≤ x_j ≤ upper_j              (each variable j; integer where marked)
 *
 * Missing bounds are ±Infinity. Names are unique, contain no whitespace, and read like
 * `x[GBR,fighter-sqn,skies,3]`.
 */

export interface LpVariable {
  readonly name: string;
  readonly lower: number;
  readonly upper: number;
  /** Objective coefficient. */
  readonly cost: number;
  /** True for a whole-number variable (the model is then a MIP). */
  readonly integer: boolean;
}

export interface LpRow {
  readonly name: string;
  readonly lower: number;
  readonly upper: number;
  /** Variable indices of the row's non-zero coefficients (no duplicates). */
  readonly columns: readonly number[];
  /** Coefficients, position for position with `columns`. */
  readonly coefficients: readonly number[];
}

export interface LinearProgram {
  readonly name: string;
  readonly variables: readonly LpVariable[];
  readonly rows: readonly LpRow[];
  /** Constant added to the objective. */
  readonly offset: number;
}

/** A change to a model, used to re-solve variants of one model (resilience) without rebuilding it. */
export type LpEdit =
  | {
      readonly kind: 'column-bounds';
      readonly column: number;
      readonly lower: number;
      readonly upper: number;
    }
  | { readonly kind: 'row-bounds'; readonly row: number; readonly lower: number; readonly upper: number }
  | { readonly kind: 'coefficient'; readonly row: number; readonly column: number; readonly value: number };

/** Number of non-zero coefficients. */
export function nonZeros(model: LinearProgram): number {
  let n = 0;
  for (const r of model.rows) n += r.columns.length;
  return n;
}

export const isMip = (model: LinearProgram): boolean => model.variables.some((v) => v.integer);

/** The model with integrality dropped (its LP relaxation). */
export function relax(model: LinearProgram): LinearProgram {
  return { ...model, variables: model.variables.map((v) => (v.integer ? { ...v, integer: false } : v)) };
}

/** A copy of the model with the edits applied in order. The input is not changed. */
export function applyEdits(model: LinearProgram, edits: readonly LpEdit[]): LinearProgram {
  if (edits.length === 0) return model;
  const variables = [...model.variables];
  const rows = [...model.rows];
  for (const e of edits) {
    switch (e.kind) {
      case 'column-bounds': {
        const v = variables[e.column];
        if (v === undefined) throw new RangeError(`no column ${e.column}`);
        variables[e.column] = { ...v, lower: e.lower, upper: e.upper };
        break;
      }
      case 'row-bounds': {
        const r = rows[e.row];
        if (r === undefined) throw new RangeError(`no row ${e.row}`);
        rows[e.row] = { ...r, lower: e.lower, upper: e.upper };
        break;
      }
      case 'coefficient': {
        const r = rows[e.row];
        if (r === undefined) throw new RangeError(`no row ${e.row}`);
        const at = r.columns.indexOf(e.column);
        const columns = [...r.columns];
        const coefficients = [...r.coefficients];
        if (at >= 0) coefficients[at] = e.value;
        else {
          columns.push(e.column);
          coefficients.push(e.value);
        }
        rows[e.row] = { ...r, columns, coefficients };
        break;
      }
      default: {
        const never: never = e;
        throw new Error(`unknown edit ${JSON.stringify(never)}`);
      }
    }
  }
  return { ...model, variables, rows };
}

/** Objective value of a point: offset + c·x. */
export function objectiveOf(model: LinearProgram, values: ArrayLike<number>): number {
  let z = model.offset;
  model.variables.forEach((v, j) => {
    z += v.cost * (values[j] ?? 0);
  });
  return z;
}

/** Row activities a·x of a point. */
export function rowActivities(model: LinearProgram, values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(model.rows.length);
  model.rows.forEach((r, i) => {
    let a = 0;
    for (let k = 0; k < r.columns.length; k++)
      a += (r.coefficients[k] ?? 0) * (values[r.columns[k] ?? 0] ?? 0);
    out[i] = a;
  });
  return out;
}

export interface Violation {
  /** Row or variable name. */
  readonly name: string;
  readonly kind: 'row' | 'bound' | 'integrality';
  /** How far outside (absolute units of the row or variable). */
  readonly amount: number;
}

export interface SolutionCheck {
  readonly ok: boolean;
  /** Largest violation scaled by max(1, |bound|); 0 when none. */
  readonly maxScaledViolation: number;
  readonly violations: readonly Violation[];
}

/**
 * Checks a point against every bound, row and integrality requirement of the model (after YALPS's
 * tests: a solver's answer is believed only once checked). A violation counts when it exceeds
 * `tolerance · max(1, |bound|)` (for rows also at least `tolerance · Σ|a·x|`, the size of the row's
 * terms); integrality within `tolerance` of a whole number.
 */
export function checkSolution(
  model: LinearProgram,
  values: ArrayLike<number>,
  tolerance = 1e-6,
): SolutionCheck {
  const violations: Violation[] = [];
  let worst = 0;
  const test = (
    name: string,
    kind: Violation['kind'],
    value: number,
    lower: number,
    upper: number,
    magnitude = 0,
  ): void => {
    const below = lower - value;
    const above = value - upper;
    const amount = Math.max(below, above, 0);
    if (amount === 0) return;
    const scale = Math.max(1, Math.abs(below > above ? lower : upper), magnitude);
    worst = Math.max(worst, amount / scale);
    if (amount > tolerance * scale) violations.push({ name, kind, amount });
  };
  if (values.length !== model.variables.length)
    return {
      ok: false,
      maxScaledViolation: Infinity,
      violations: [{ name: '(solution length)', kind: 'bound', amount: Infinity }],
    };
  model.variables.forEach((v, j) => {
    const x = values[j] ?? NaN;
    if (!Number.isFinite(x)) {
      violations.push({ name: v.name, kind: 'bound', amount: Infinity });
      worst = Infinity;
      return;
    }
    test(v.name, 'bound', x, v.lower, v.upper);
    if (v.integer) {
      const off = Math.abs(x - Math.round(x));
      if (off > tolerance) violations.push({ name: v.name, kind: 'integrality', amount: off });
    }
  });
  const activity = rowActivities(model, values);
  model.rows.forEach((r, i) => {
    // Rows are judged relative to the size of their terms too: Σ a·x − B = 0 with B ≈ 500 cannot be
    // checked to 1e-6 absolute from a solution printed with eight significant digits.
    let magnitude = 0;
    for (let k = 0; k < r.columns.length; k++)
      magnitude += Math.abs((r.coefficients[k] ?? 0) * (values[r.columns[k] ?? 0] ?? 0));
    test(r.name, 'row', activity[i] ?? 0, r.lower, r.upper, magnitude);
  });
  return { ok: violations.length === 0, maxScaledViolation: worst, violations };
}

/**
 * Builds a model incrementally by name. Variables and rows get dense indices in creation order;
 * names must be unique.
 */
export class LpBuilder {
  private readonly vars: LpVariable[] = [];
  private readonly rowList: LpRow[] = [];
  private readonly names = new Set<string>();

  constructor(private readonly name: string) {}

  get variableCount(): number {
    return this.vars.length;
  }

  get rowCount(): number {
    return this.rowList.length;
  }

  /** Name of variable `column`. */
  nameOf(column: number): string {
    return this.vars[column]?.name ?? '';
  }

  /** Adds a variable and returns its index. */
  variable(name: string, lower: number, upper: number, cost: number, integer = false): number {
    this.claim(name);
    this.vars.push({ name, lower, upper, cost, integer });
    return this.vars.length - 1;
  }

  /** Adds a row `lower ≤ Σ coef·x ≤ upper`; terms on the same column are summed. Returns its index. */
  row(name: string, lower: number, upper: number, terms: readonly (readonly [number, number])[]): number {
    this.claim(name);
    const merged = new Map<number, number>();
    for (const [col, coef] of terms) merged.set(col, (merged.get(col) ?? 0) + coef);
    let k = 0;
    for (const coef of merged.values()) if (coef !== 0) k++;
    // Arrays of exactly the row's length (pushing leaves spare capacity: ~3× the memory on large models).
    const columns = new Array<number>(k);
    const coefficients = new Array<number>(k);
    let i = 0;
    for (const [col, coef] of merged)
      if (coef !== 0) {
        columns[i] = col;
        coefficients[i] = coef;
        i++;
      }
    this.rowList.push({ name, lower, upper, columns, coefficients });
    return this.rowList.length - 1;
  }

  build(offset = 0): LinearProgram {
    return { name: this.name, variables: this.vars, rows: this.rowList, offset };
  }

  private claim(name: string): void {
    if (/\s/.test(name) || name === '') throw new Error(`bad LP name "${name}"`);
    if (this.names.has(name)) throw new Error(`duplicate LP name "${name}"`);
    this.names.add(name);
  }
}
