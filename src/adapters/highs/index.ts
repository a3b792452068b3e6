export { createHighsSolver, type HighsSolverOptions } from './highs-solver.js';
export { loadHighs } from './load.js';
