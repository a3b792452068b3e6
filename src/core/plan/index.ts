export * from './lp-model.js';
export * from './lp-solver.js';
export { writeLp, writeMps, lpNames } from './lp-format.js';
export * from './options.js';
export * from './build-model.js';
export * from './force-plan.js';
export * from './resilience.js';
export * from './plan.js';
export * from './scaled.js';
