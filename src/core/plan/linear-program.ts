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

/** One variable, as an object (`variableAt`); the model itself stores its variables column by column. */
export interface LpVariable {
  readonly name: string;
  readonly lower: number;
  readonly upper: number;
  /** Objective coefficient. */
  readonly cost: number;
  /** True for a whole-number variable (the model is then a MIP). */
  readonly integer: boolean;
}

/** One row, as an object (`rowAt`). */
export interface LpRow {
  readonly name: string;
  readonly lower: number;
  readonly upper: number;
  /** Variable indices of the row's non-zero coefficients (no duplicates). */
  readonly columns: readonly number[];
  /** Coefficients, position for position with `columns`. */
  readonly coefficients: readonly number[];
}

/**
 * The variables, as a struct of arrays: entry j of each array is variable j's. Typed arrays rather than
 * one object per variable: at 100× the default scenario (487,000 variables) the objects took 75 MiB,
 * these arrays 12 MiB (docs/planner.md, "Large models").
 */
export interface LpColumns {
  readonly count: number;
  /**
   * The variables' names. The planner's models make them on demand from what each column stands for
   * rather than store them (47 MiB of strings at 100× the default scenario); models built with names
   * (`LpBuilder.variable`) keep them.
   */
  readonly names: LpNames;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  /** Objective coefficients. */
  readonly cost: Float64Array;
  /** 1 for a whole-number variable (the model is then a MIP), 0 otherwise. */
  readonly integer: Uint8Array;
}

/**
 * The rows, as a struct of arrays, with the coefficient matrix in compressed sparse row form: row i's
 * non-zeros are entries `starts[i]` to `starts[i + 1] − 1` of `columns` and `coefficients` (no column twice
 * in a row). The solver adapter hands these arrays to the solver as they are.
 */
export interface LpRows {
  readonly count: number;
  /** The rows' names (made on demand or stored, as for `LpColumns.names`). */
  readonly names: LpNames;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  /** count + 1 offsets into `columns` and `coefficients`; `starts[count]` is the number of non-zeros. */
  readonly starts: Int32Array;
  readonly columns: Int32Array;
  readonly coefficients: Float64Array;
}

/**
 * Names by index. An object with its data as own properties (the stored names, or the tables they are
 * made from) and the lookup as a method, so two models compare equal (`toEqual`) when their names do.
 */
export interface LpNames {
  /** Name of entry `index`; throws a RangeError outside the model. */
  at(index: number): string;
}

/** Names given one by one and stored. */
export class NameList implements LpNames {
  constructor(readonly list: readonly string[]) {}

  at(index: number): string {
    const name = this.list[index];
    if (name === undefined) throw new RangeError(`no name ${index}`);
    return name;
  }
}

export interface LinearProgram {
  readonly name: string;
  readonly variables: LpColumns;
  readonly rows: LpRows;
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
export const nonZeros = (model: LinearProgram): number => model.rows.starts[model.rows.count] ?? 0;

export const isMip = (model: LinearProgram): boolean => model.variables.integer.includes(1);

/** Variable j as an object. */
export function variableAt(model: LinearProgram, j: number): LpVariable {
  const v = model.variables;
  if (!(j >= 0 && j < v.count)) throw new RangeError(`no column ${j}`);
  return {
    name: v.names.at(j),
    lower: v.lower[j] ?? 0,
    upper: v.upper[j] ?? 0,
    cost: v.cost[j] ?? 0,
    integer: v.integer[j] === 1,
  };
}

/** Row i as an object (its own copies of the row's columns and coefficients). */
export function rowAt(model: LinearProgram, i: number): LpRow {
  const r = model.rows;
  if (!(i >= 0 && i < r.count)) throw new RangeError(`no row ${i}`);
  const from = r.starts[i] ?? 0;
  const to = r.starts[i + 1] ?? from;
  return {
    name: r.names.at(i),
    lower: r.lower[i] ?? 0,
    upper: r.upper[i] ?? 0,
    columns: Array.from(r.columns.subarray(from, to)),
    coefficients: Array.from(r.coefficients.subarray(from, to)),
  };
}

/** Every variable as an object: for small models, tests and exports (one object per variable). */
export const variablesOf = (model: LinearProgram): LpVariable[] =>
  Array.from({ length: model.variables.count }, (_, j) => variableAt(model, j));

/** Every row as an object (see `variablesOf`). */
export const rowsOf = (model: LinearProgram): LpRow[] =>
  Array.from({ length: model.rows.count }, (_, i) => rowAt(model, i));

/** Position of `column` among row i's entries in `model.rows.columns`, or −1. */
export function entryOf(model: LinearProgram, row: number, column: number): number {
  const r = model.rows;
  for (let k = r.starts[row] ?? 0, end = r.starts[row + 1] ?? 0; k < end; k++)
    if (r.columns[k] === column) return k;
  return -1;
}

/** The model with integrality dropped (its LP relaxation). */
export function relax(model: LinearProgram): LinearProgram {
  return {
    ...model,
    variables: { ...model.variables, integer: new Uint8Array(model.variables.count) },
  };
}

/** A copy of the model with the edits applied in order. The input is not changed. */
export function applyEdits(model: LinearProgram, edits: readonly LpEdit[]): LinearProgram {
  if (edits.length === 0) return model;
  const v = model.variables;
  const r = model.rows;
  // Arrays are copied when an edit first touches them; the others are shared with the input.
  let colLower: Float64Array | undefined;
  let colUpper: Float64Array | undefined;
  let rowLower: Float64Array | undefined;
  let rowUpper: Float64Array | undefined;
  let coefficients: Float64Array | undefined;
  const added: { row: number; column: number; value: number }[] = [];
  for (const e of edits) {
    switch (e.kind) {
      case 'column-bounds': {
        if (!(e.column >= 0 && e.column < v.count)) throw new RangeError(`no column ${e.column}`);
        (colLower ??= v.lower.slice())[e.column] = e.lower;
        (colUpper ??= v.upper.slice())[e.column] = e.upper;
        break;
      }
      case 'row-bounds': {
        if (!(e.row >= 0 && e.row < r.count)) throw new RangeError(`no row ${e.row}`);
        (rowLower ??= r.lower.slice())[e.row] = e.lower;
        (rowUpper ??= r.upper.slice())[e.row] = e.upper;
        break;
      }
      case 'coefficient': {
        if (!(e.row >= 0 && e.row < r.count)) throw new RangeError(`no row ${e.row}`);
        const at = entryOf(model, e.row, e.column);
        const pending = added.find((a) => a.row === e.row && a.column === e.column);
        if (at >= 0) (coefficients ??= r.coefficients.slice())[at] = e.value;
        else if (pending) pending.value = e.value;
        else added.push({ row: e.row, column: e.column, value: e.value });
        break;
      }
      default: {
        const never: never = e;
        throw new Error(`unknown edit ${JSON.stringify(never)}`);
      }
    }
  }
  const coefs = coefficients ?? r.coefficients;
  let rows: LpRows = {
    ...r,
    lower: rowLower ?? r.lower,
    upper: rowUpper ?? r.upper,
    coefficients: coefs,
  };
  if (added.length > 0) {
    // New entries go at the end of their rows, in the order the edits added them.
    const nnz = nonZeros(model) + added.length;
    const starts = new Int32Array(r.count + 1);
    const columns = new Int32Array(nnz);
    const values = new Float64Array(nnz);
    let k = 0;
    for (let i = 0; i < r.count; i++) {
      starts[i] = k;
      for (let q = r.starts[i] ?? 0, end = r.starts[i + 1] ?? 0; q < end; q++, k++) {
        columns[k] = r.columns[q] ?? 0;
        values[k] = coefs[q] ?? 0;
      }
      for (const a of added)
        if (a.row === i) {
          columns[k] = a.column;
          values[k] = a.value;
          k++;
        }
    }
    starts[r.count] = k;
    rows = { ...rows, starts, columns, coefficients: values };
  }
  return {
    ...model,
    variables: { ...v, lower: colLower ?? v.lower, upper: colUpper ?? v.upper },
    rows,
  };
}

/** Objective value of a point: offset + c·x. */
export function objectiveOf(model: LinearProgram, values: ArrayLike<number>): number {
  let z = model.offset;
  const cost = model.variables.cost;
  for (let j = 0; j < model.variables.count; j++) z += (cost[j] ?? 0) * (values[j] ?? 0);
  return z;
}

/** Row activities a·x of a point. */
export function rowActivities(model: LinearProgram, values: ArrayLike<number>): Float64Array {
  const r = model.rows;
  const out = new Float64Array(r.count);
  for (let i = 0; i < r.count; i++) {
    let a = 0;
    for (let k = r.starts[i] ?? 0, end = r.starts[i + 1] ?? 0; k < end; k++)
      a += (r.coefficients[k] ?? 0) * (values[r.columns[k] ?? 0] ?? 0);
    out[i] = a;
  }
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
  // Names are made only for the violations.
  const test = (
    index: number,
    names: LpNames,
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
    if (amount > tolerance * scale) violations.push({ name: names.at(index), kind, amount });
  };
  const v = model.variables;
  if (values.length !== v.count)
    return {
      ok: false,
      maxScaledViolation: Infinity,
      violations: [{ name: '(solution length)', kind: 'bound', amount: Infinity }],
    };
  for (let j = 0; j < v.count; j++) {
    const x = values[j] ?? NaN;
    if (!Number.isFinite(x)) {
      violations.push({ name: v.names.at(j), kind: 'bound', amount: Infinity });
      worst = Infinity;
      continue;
    }
    test(j, v.names, 'bound', x, v.lower[j] ?? 0, v.upper[j] ?? 0);
    if (v.integer[j] === 1) {
      const off = Math.abs(x - Math.round(x));
      if (off > tolerance) violations.push({ name: v.names.at(j), kind: 'integrality', amount: off });
    }
  }
  const r = model.rows;
  const activity = rowActivities(model, values);
  for (let i = 0; i < r.count; i++) {
    // Rows are judged relative to the size of their terms too: Σ a·x − B = 0 with B ≈ 500 cannot be
    // checked to 1e-6 absolute from a solution printed with eight significant digits.
    let magnitude = 0;
    for (let k = r.starts[i] ?? 0, end = r.starts[i + 1] ?? 0; k < end; k++)
      magnitude += Math.abs((r.coefficients[k] ?? 0) * (values[r.columns[k] ?? 0] ?? 0));
    test(i, r.names, 'row', activity[i] ?? 0, r.lower[i] ?? 0, r.upper[i] ?? 0, magnitude);
  }
  return { ok: violations.length === 0, maxScaledViolation: worst, violations };
}

/**
 * The builder's arrays live on resizable ArrayBuffers (ES2024; Node 20's V8 has them): V8 reserves
 * `GROWABLE_BYTES` of address space for each and commits pages as the buffer grows, so growth is in place,
 * with no copy and none of the freed smaller arrays that doubling leaves, which glibc keeps after they are
 * collected (docs/planner.md, "Large models"). The reservation is returned to the system when the buffer is
 * collected. 2 GiB is the largest a buffer may reserve here; a model beyond it grows by copying.
 */
const GROWABLE_BYTES = 2 ** 31;

type Growable = Float64Array | Int32Array | Uint8Array;

/** An empty array of `ctor`'s type that tracks the length of a resizable buffer. */
function growable<T extends Growable>(ctor: new (buffer: ArrayBuffer) => T): T {
  const Buffer = ArrayBuffer as unknown as new (
    length: number,
    options: { maxByteLength: number },
  ) => ArrayBuffer;
  return new ctor(new Buffer(0, { maxByteLength: GROWABLE_BYTES }));
}

interface ResizableBuffer {
  readonly resizable?: boolean;
  readonly maxByteLength?: number;
  resize?(byteLength: number): void;
}

/** A typed array of at least `need` entries holding `a`'s first `used` (doubling, so appends are amortised O(1)). */
function ensure<T extends Growable>(a: T, used: number, need: number): T {
  if (need <= a.length) return a;
  const entries = Math.max(need, 2 * a.length, 16);
  const buffer = a.buffer as ArrayBuffer & ResizableBuffer;
  const bytes = entries * a.BYTES_PER_ELEMENT;
  if (buffer.resizable === true && buffer.resize !== undefined && bytes <= (buffer.maxByteLength ?? 0)) {
    buffer.resize(bytes); // `a` tracks the buffer's length
    return a;
  }
  const grown = new (a.constructor as new (n: number) => T)(entries);
  grown.set(a.subarray(0, used));
  return grown;
}

/** Names of a model's variables and rows, made on demand from their indices. */
export interface LpNamer {
  readonly variables: LpNames;
  readonly rows: LpNames;
}

/**
 * Builds a model incrementally. Variables and rows get dense indices in creation order. Either every
 * variable and row is added with its name (`variable`, `row`: names must be unique and contain no
 * whitespace), or the builder is given an `LpNamer` and they are added without (`addVariable`, `addRow`);
 * the namer must then give unique names (the planner's tests check its models' names). Values go straight
 * into growing typed arrays, trimmed to size by `build`.
 */
export class LpBuilder {
  private n = 0;
  private readonly varNames: string[] = [];
  private colLower = growable(Float64Array);
  private colUpper = growable(Float64Array);
  private colCost = growable(Float64Array);
  private colInteger = growable(Uint8Array);
  private m = 0;
  private readonly rowNames: string[] = [];
  private rowLower = growable(Float64Array);
  private rowUpper = growable(Float64Array);
  private starts = ensure(growable(Int32Array), 0, 1);
  private nnz = 0;
  private columns = growable(Int32Array);
  private coefficients = growable(Float64Array);
  private readonly names = new Set<string>();

  constructor(
    private readonly name: string,
    private readonly namer?: LpNamer,
  ) {}

  get variableCount(): number {
    return this.n;
  }

  get rowCount(): number {
    return this.m;
  }

  /** Name of variable `column`. */
  nameOf(column: number): string {
    return this.namer ? this.namer.variables.at(column) : (this.varNames[column] ?? '');
  }

  /** Adds a named variable and returns its index. */
  variable(name: string, lower: number, upper: number, cost: number, integer = false): number {
    if (this.namer) throw new Error('LpBuilder: a builder with a namer takes no names');
    this.claim(name);
    this.varNames.push(name);
    return this.push(lower, upper, cost, integer);
  }

  /** Adds a variable named by the namer and returns its index. */
  addVariable(lower: number, upper: number, cost: number, integer = false): number {
    if (!this.namer) throw new Error('LpBuilder: a variable without a name needs a namer');
    return this.push(lower, upper, cost, integer);
  }

  /** Adds a named row `lower ≤ Σ coef·x ≤ upper`; terms on the same column are summed. Returns its index. */
  row(name: string, lower: number, upper: number, terms: readonly (readonly [number, number])[]): number {
    if (this.namer) throw new Error('LpBuilder: a builder with a namer takes no names');
    this.claim(name);
    this.rowNames.push(name);
    return this.pushRow(lower, upper, terms);
  }

  /** Adds a row named by the namer (see `row`) and returns its index. */
  addRow(lower: number, upper: number, terms: readonly (readonly [number, number])[]): number {
    if (!this.namer) throw new Error('LpBuilder: a row without a name needs a namer');
    return this.pushRow(lower, upper, terms);
  }

  /** The model (arrays of exactly its size, copied: the builder may go on). */
  build(offset = 0): LinearProgram {
    const { n, m, nnz } = this;
    const varNames = this.varNames.slice();
    const rowNames = this.rowNames.slice();
    return {
      name: this.name,
      variables: {
        count: n,
        names: this.namer?.variables ?? new NameList(varNames),
        lower: this.colLower.slice(0, n),
        upper: this.colUpper.slice(0, n),
        cost: this.colCost.slice(0, n),
        integer: this.colInteger.slice(0, n),
      },
      rows: {
        count: m,
        names: this.namer?.rows ?? new NameList(rowNames),
        lower: this.rowLower.slice(0, m),
        upper: this.rowUpper.slice(0, m),
        starts: this.starts.slice(0, m + 1),
        columns: this.columns.slice(0, nnz),
        coefficients: this.coefficients.slice(0, nnz),
      },
      offset,
    };
  }

  private push(lower: number, upper: number, cost: number, integer: boolean): number {
    const j = this.n;
    this.colLower = ensure(this.colLower, j, j + 1);
    this.colUpper = ensure(this.colUpper, j, j + 1);
    this.colCost = ensure(this.colCost, j, j + 1);
    this.colInteger = ensure(this.colInteger, j, j + 1);
    this.colLower[j] = lower;
    this.colUpper[j] = upper;
    this.colCost[j] = cost;
    this.colInteger[j] = integer ? 1 : 0;
    this.n = j + 1;
    return j;
  }

  private pushRow(lower: number, upper: number, terms: readonly (readonly [number, number])[]): number {
    const merged = new Map<number, number>();
    for (const [col, coef] of terms) merged.set(col, (merged.get(col) ?? 0) + coef);
    const i = this.m;
    this.rowLower = ensure(this.rowLower, i, i + 1);
    this.rowUpper = ensure(this.rowUpper, i, i + 1);
    this.starts = ensure(this.starts, i + 1, i + 2);
    this.columns = ensure(this.columns, this.nnz, this.nnz + merged.size);
    this.coefficients = ensure(this.coefficients, this.nnz, this.nnz + merged.size);
    this.rowLower[i] = lower;
    this.rowUpper[i] = upper;
    let k = this.nnz;
    for (const [col, coef] of merged)
      if (coef !== 0) {
        this.columns[k] = col;
        this.coefficients[k] = coef;
        k++;
      }
    this.nnz = k;
    this.m = i + 1;
    this.starts[this.m] = k;
    return i;
  }

  private claim(name: string): void {
    if (/\s/.test(name) || name === '') throw new Error(`bad LP name "${name}"`);
    if (this.names.has(name)) throw new Error(`duplicate LP name "${name}"`);
    this.names.add(name);
  }
}

/**
 * Names that break the model's rules: empty, with whitespace, or given twice (each such name once).
 * For tests of models whose names are made by a namer.
 */
export function badNames(model: LinearProgram): string[] {
  const seen = new Set<string>();
  const bad = new Set<string>();
  const check = (name: string): void => {
    if (name === '' || /\s/.test(name) || seen.has(name)) bad.add(name);
    seen.add(name);
  };
  for (let j = 0; j < model.variables.count; j++) check(model.variables.names.at(j));
  for (let i = 0; i < model.rows.count; i++) check(model.rows.names.at(i));
  return [...bad];
}
