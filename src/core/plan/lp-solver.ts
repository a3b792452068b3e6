/**
 * The `LpSolver` port: how the planner asks for a model to be solved. The core never imports a solver;
 * `src/adapters/highs` implements this on HiGHS (WebAssembly), and tests may pass fakes.
 *
 * Expected outcomes — optimal, infeasible, unbounded, stopped at the time limit — are values. A solver
 * breaking is reported as `error` too, so callers have one exhaustive `switch`; only bugs throw.
 */
import type { LpEdit, LinearProgram } from './linear-program.js';

export interface LpSolveOptions {
  /** Wall-clock limit per solve, seconds. Default: none. */
  readonly timeLimitSeconds?: number;
  /** Relative MIP gap at which a MIP counts as solved. Default: the solver's (HiGHS 1e-4). */
  readonly mipRelativeGap?: number;
  /** Called after each solve of `solveEach` with the solves done and their total (progress). */
  readonly onSolved?: (done: number, total: number) => void;
}

interface Timed {
  /** Wall-clock seconds the solve took, as measured by the adapter. */
  readonly seconds: number;
}

/** A primal point, dense, one value per model variable. */
export interface LpPoint {
  readonly objective: number;
  readonly values: Float64Array;
  /** Row duals (shadow prices, ∂objective/∂row bound) when the solver gives meaningful ones (LP only). */
  readonly rowDuals?: Float64Array;
  /**
   * MIP only: the proven lower bound on the optimum and the relative gap |objective − bound| / |objective|
   * the solver reports, so a plan stopped at the time limit says how far from optimal it can be.
   */
  readonly mip?: { readonly bound: number; readonly gap: number };
}

export type LpOutcome =
  | ({ readonly status: 'optimal' } & LpPoint & Timed)
  /** Stopped at the time limit; `point` is the best solution found, if any. */
  | ({ readonly status: 'time-limit'; readonly point?: LpPoint } & Timed)
  | ({ readonly status: 'infeasible' } & Timed)
  | ({ readonly status: 'unbounded' } & Timed)
  | ({ readonly status: 'error'; readonly message: string } & Timed);

export type LpStatus = LpOutcome['status'];

export interface LpSolver {
  /** e.g. "HiGHS 1.15.3 (WebAssembly)". */
  readonly name: string;
  /** Solves one model. */
  solve(model: LinearProgram, options?: LpSolveOptions): LpOutcome;
  /**
   * Solves the model once per edit list, each applied to the original model (not cumulatively), in
   * order. Adapters may keep the model loaded and warm-start from the previous basis.
   */
  solveEach(
    model: LinearProgram,
    editSets: readonly (readonly LpEdit[])[],
    options?: LpSolveOptions,
  ): LpOutcome[];
}

/** The point of an outcome, when it has one. */
export function outcomePoint(o: LpOutcome): LpPoint | undefined {
  switch (o.status) {
    case 'optimal':
      return o;
    case 'time-limit':
      return o.point;
    case 'infeasible':
    case 'unbounded':
    case 'error':
      return undefined;
    default: {
      const never: never = o;
      return never;
    }
  }
}
