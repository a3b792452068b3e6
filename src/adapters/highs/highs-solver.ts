/**
 * `LpSolver` on HiGHS compiled to WebAssembly (the `highs` package, persistent-model API).
 *
 * The model goes in as the model's own CSR arrays (no text round trip, no copy on the JavaScript side:
 * the binding copies them into WebAssembly memory once). Outcomes map from HiGHS model statuses:
 * optimal → optimal; infeasible → infeasible; unbounded → unbounded; "unbounded or infeasible" is
 * re-solved once without presolve to tell which (LPs are solved without presolve throughout); time limit → time-limit (with the incumbent when
 * HiGHS has a feasible one); anything else, and any exception from the binding, → error.
 *
 * `solveEach` keeps one native model: it applies an edit set, solves (HiGHS warm-starts from the
 * previous basis for LPs), restores the original values and moves to the next set.
 */
import type { Highs } from 'highs';
import {
  entryOf,
  isMip,
  type LpEdit,
  type LinearProgram,
  type LpOutcome,
  type LpPoint,
  type LpSolveOptions,
  type LpSolver,
} from '../../core/plan/index.js';
import { loadHighs, loadOwnHighs } from './load.js';

/** Native model type, as returned by `createModel`. */
type NativeModel = ReturnType<Highs['createModel']>;

export interface HighsSolverOptions {
  /** Options passed to every solve (HiGHS option names), e.g. `{ presolve: 'off' }`. */
  readonly highsOptions?: Readonly<Record<string, string | number | boolean>>;
  /**
   * Solve on a HiGHS runtime of this solver's own (`loadOwnHighs`) instead of the process-wide one, so that
   * its WebAssembly memory, which never shrinks, is returned once the solver is dropped and collected. For
   * a caller that solves a few large models in turn and can drop the solver between them (`runPlan`).
   */
  readonly ownRuntime?: boolean;
  /**
   * With `ownRuntime`: let the runtime go as soon as the first `solve` or `solveEach` returns, so that its
   * memory (~1 GiB allocated, ~650 MiB resident after a 100× model) can be collected while the caller reads
   * the answer, instead of only once the caller drops the solver. A later solve is an `error` outcome.
   * For a caller that solves one model per solver and then interprets it (`runPlan`).
   */
  readonly singleSolve?: boolean;
}

/** Loads HiGHS (once per process, unless `ownRuntime`) and returns a solver on it. */
export async function createHighsSolver(options: HighsSolverOptions = {}): Promise<LpSolver> {
  const highs = await (options.ownRuntime === true ? loadOwnHighs() : loadHighs());
  if (options.singleSolve === true && options.ownRuntime !== true)
    throw new Error('createHighsSolver: singleSolve needs ownRuntime (the shared runtime is never let go)');
  return new HighsSolver(highs, options);
}

class HighsSolver implements LpSolver {
  readonly name: string;

  /** The runtime; undefined once a `singleSolve` solver has solved. */
  private highs: Highs | undefined;

  constructor(
    highs: Highs,
    private readonly settings: HighsSolverOptions,
  ) {
    this.highs = highs;
    const v = highs.version as unknown as { major?: number; minor?: number; patch?: number } | string;
    this.name = `HiGHS ${typeof v === 'string' ? v : `${v.major ?? '?'}.${v.minor ?? '?'}.${v.patch ?? '?'}`} (WebAssembly)`;
  }

  solve(model: LinearProgram, options: LpSolveOptions = {}): LpOutcome {
    return this.solveEach(model, [[]], options)[0] ?? { status: 'error', message: 'no outcome', seconds: 0 };
  }

  solveEach(
    model: LinearProgram,
    editSets: readonly (readonly LpEdit[])[],
    options: LpSolveOptions = {},
  ): LpOutcome[] {
    const highs = this.highs;
    if (highs === undefined)
      return editSets.map(() => ({
        status: 'error',
        message: 'this solver was made for one solve',
        seconds: 0,
      }));
    // Dropped before the solve returns (the native model is disposed in `finally`): nothing here holds the
    // runtime afterwards, so the next collection can return its memory.
    if (this.settings.singleSolve === true) this.highs = undefined;
    let native: NativeModel;
    try {
      native = highs.createModel(toModelData(highs, model));
    } catch (e) {
      return editSets.map(() => ({
        status: 'error',
        message: `HiGHS rejected the model: ${message(e)}`,
        seconds: 0,
      }));
    }
    try {
      const mip = isMip(model);
      native.options.set({
        output_flag: false,
        // LPs skip presolve: on the planner's models it saves nothing up to 30× the default scenario
        // and at 100× makes the solve ≥ 8.6× slower (911 s at the limit against 106 s; docs/planner.md,
        // `npm run bench:scale`). MIPs keep it (it tightens the relaxation branch and bound works on).
        ...(mip ? {} : { presolve: 'off' }),
        ...(options.timeLimitSeconds !== undefined && options.timeLimitSeconds > 0
          ? { time_limit: options.timeLimitSeconds }
          : {}),
        ...(options.mipRelativeGap !== undefined ? { mip_rel_gap: options.mipRelativeGap } : {}),
        ...this.settings.highsOptions,
      });
      return editSets.map((edits, i) => {
        applyNative(native, model, edits, false);
        try {
          return runOnce(highs, native, mip);
        } finally {
          applyNative(native, model, edits, true);
          options.onSolved?.(i + 1, editSets.length);
        }
      });
    } catch (e) {
      return editSets.map(() => ({ status: 'error', message: message(e), seconds: 0 }));
    } finally {
      native.dispose();
    }
  }
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

function toModelData(highs: Highs, model: LinearProgram): Parameters<Highs['createModel']>[0] {
  const v = model.variables;
  const r = model.rows;
  // This build's infinity is IEEE Infinity, so the bounds pass as they are; another would need a copy.
  const inf = highs.infinity;
  const bounds = (xs: Float64Array): Float64Array =>
    inf === Infinity ? xs : xs.map((x) => (x === Infinity ? inf : x === -Infinity ? -inf : x));
  return {
    numCols: v.count,
    numRows: r.count,
    offset: model.offset,
    colCost: v.cost,
    colLower: bounds(v.lower),
    colUpper: bounds(v.upper),
    rowLower: bounds(r.lower),
    rowUpper: bounds(r.upper),
    matrix: {
      format: 'csr',
      numRows: r.count,
      numCols: v.count,
      starts: r.starts,
      indices: r.columns,
      values: r.coefficients,
    },
    ...(isMip(model) ? { integrality: Int32Array.from(v.integer) } : {}),
  };
}

/** Applies edits to the native model, or (revert) restores the original values they touched. */
function applyNative(
  native: NativeModel,
  model: LinearProgram,
  edits: readonly LpEdit[],
  revert: boolean,
): void {
  // The binding accepts ±Infinity as bounds.
  for (const e of revert ? [...edits].reverse() : edits) {
    switch (e.kind) {
      case 'column-bounds': {
        const v = model.variables;
        if (!(e.column >= 0 && e.column < v.count)) throw new RangeError(`no column ${e.column}`);
        native.changeColBounds(
          e.column,
          revert ? (v.lower[e.column] ?? 0) : e.lower,
          revert ? (v.upper[e.column] ?? 0) : e.upper,
        );
        break;
      }
      case 'row-bounds': {
        const r = model.rows;
        if (!(e.row >= 0 && e.row < r.count)) throw new RangeError(`no row ${e.row}`);
        native.changeRowBounds(
          e.row,
          revert ? (r.lower[e.row] ?? 0) : e.lower,
          revert ? (r.upper[e.row] ?? 0) : e.upper,
        );
        break;
      }
      case 'coefficient': {
        if (!(e.row >= 0 && e.row < model.rows.count)) throw new RangeError(`no row ${e.row}`);
        const at = entryOf(model, e.row, e.column);
        const original = at >= 0 ? (model.rows.coefficients[at] ?? 0) : 0;
        native.changeCoefficient(e.row, e.column, revert ? original : e.value);
        break;
      }
      default: {
        const never: never = e;
        throw new Error(`unknown edit ${JSON.stringify(never)}`);
      }
    }
  }
}

/** The MIP's proven bound and relative gap as HiGHS reports them (info `mip_dual_bound`, `mip_gap`). */
function mipBound(native: NativeModel): { bound: number; gap: number } {
  const bound = Number(native.info.get('mip_dual_bound'));
  const gap = Number(native.info.get('mip_gap'));
  return { bound, gap: Number.isFinite(gap) ? Math.max(0, gap) : Infinity };
}

function runOnce(highs: Highs, native: NativeModel, mip: boolean): LpOutcome {
  const S = highs.constants.modelStatus;
  const started = performance.now();
  const seconds = (): number => (performance.now() - started) / 1000;
  let status: number;
  try {
    status = native.run().modelStatus;
    if (status === S.unboundedOrInfeasible) {
      // Presolve cannot tell the two apart; the simplex without presolve can.
      const presolve = native.options.get('presolve') as string;
      native.options.set('presolve', 'off');
      try {
        status = native.run().modelStatus;
      } finally {
        native.options.set('presolve', presolve);
      }
    }
  } catch (e) {
    return { status: 'error', message: `HiGHS failed: ${message(e)}`, seconds: seconds() };
  }
  const point = (): LpPoint => {
    const sol = native.getSolution();
    return {
      objective: native.getObjectiveValue(),
      values: sol.colValue,
      ...(mip ? { mip: mipBound(native) } : { rowDuals: sol.rowDual }),
    };
  };
  switch (status) {
    case S.optimal:
    case S.empty:
      return { status: 'optimal', ...point(), seconds: seconds() };
    case S.infeasible:
      return { status: 'infeasible', seconds: seconds() };
    case S.unbounded:
      return { status: 'unbounded', seconds: seconds() };
    case S.unboundedOrInfeasible:
      return { status: 'infeasible', seconds: seconds() };
    case S.timeLimit: {
      const feasible = Number(native.info.get('primal_solution_status')) === 2;
      return feasible
        ? { status: 'time-limit', point: point(), seconds: seconds() }
        : { status: 'time-limit', seconds: seconds() };
    }
    default:
      return { status: 'error', message: `HiGHS stopped with model status ${status}`, seconds: seconds() };
  }
}
