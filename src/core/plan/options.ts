/**
 * Planner options and their defaults. The weights make the objective lexicographic in practice:
 * shortfall ≫ cost ≫ unfairness ≫ churn (docs/planner.md, "Weights", derives the margins).
 */

export type SupplyMode = 'pledged' | 'potential';
export type BurdenBasis = 'personnel' | 'cost';
export type FairBasis = 'gdp' | 'defence-budget';

export interface PlanWeights {
  /**
   * Weight of one whole requirement left unmet for one year at priority 3 (shortfall enters as the
   * fraction of the requirement unmet). Default 10,000.
   */
  readonly shortfall: number;
  /** Weight of one year of one unit at the catalog's mean annual unit cost. Default 1. */
  readonly cost: number;
  /**
   * Weight of one "unit-year" (mean personnel per unit type, or mean annual unit cost) of burden carried
   * away from a nation's fair share, counted on both sides of the deviation. Default 0.01.
   */
  readonly unfairness: number;
  /** Weight of one unit added or withdrawn between consecutive periods. Default 0.0001. */
  readonly churn: number;
}

export interface PlanOptions {
  /** `pledged`: pledges only. `potential`: committable inventory ÷ rotation ratio. Default `pledged`. */
  readonly mode: SupplyMode;
  /** Whole units (a MIP). Default false (continuous LP). */
  readonly integer: boolean;
  /** What a nation's burden is measured in for fair share. Default `personnel` (deployed). */
  readonly burden: BurdenBasis;
  /** What a nation's fair share is proportional to. Default `gdp`. */
  readonly fairBasis: FairBasis;
  readonly weights: PlanWeights;
  /**
   * Multiplier of the shortfall weight by requirement priority 1…5 (1 most important).
   * Default [9, 3, 1, 1/3, 1/9]: each step of priority weighs three times the next.
   */
  readonly priorityWeights: readonly [number, number, number, number, number];
  /** Per-solve wall-clock limit in seconds; 0 for none. Default 60. */
  readonly timeLimitSeconds: number;
  /**
   * Relative MIP gap accepted as solved. Default 1e-7, far below HiGHS's 1e-4: the objective is dominated
   * by the shortfall term, so a gap of 1e-4 of it could leave the cost and fairness terms far from optimal.
   * Measured on ukraine-2025 and its 10× scale-up: no slower than 1e-4.
   */
  readonly mipRelativeGap: number;
  /** Tolerance for treating a number as zero and for checking the solution against the model. Default 1e-6. */
  readonly tolerance: number;
}

export const defaultWeights: PlanWeights = Object.freeze({
  shortfall: 10_000,
  cost: 1,
  unfairness: 0.01,
  churn: 0.0001,
});

export const defaultPlanOptions: PlanOptions = Object.freeze({
  mode: 'pledged',
  integer: false,
  burden: 'personnel',
  fairBasis: 'gdp',
  weights: defaultWeights,
  priorityWeights: Object.freeze([9, 3, 1, 1 / 3, 1 / 9]) as unknown as readonly [
    number,
    number,
    number,
    number,
    number,
  ],
  timeLimitSeconds: 60,
  mipRelativeGap: 1e-7,
  tolerance: 1e-6,
});

/** Options given in part, completed from the defaults (weights merged field by field). */
export type PlanOptionsInput = Partial<Omit<PlanOptions, 'weights'>> & {
  readonly weights?: Partial<PlanWeights>;
};

export function resolvePlanOptions(input: PlanOptionsInput = {}): PlanOptions {
  const { weights, ...rest } = input;
  const clean = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  return Object.freeze({
    ...defaultPlanOptions,
    ...clean,
    weights: Object.freeze({
      ...defaultWeights,
      ...Object.fromEntries(Object.entries(weights ?? {}).filter(([, v]) => v !== undefined)),
    }),
  });
}
