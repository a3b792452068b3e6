export * from './schema.js';
export * from './model.js';
export { checkRules, LADDER_LEVELS } from './rules.js';
export { validate, applyVariants, applyVariantEdit, zodIssues, type Validated } from './validate.js';
export { mergePatch } from './merge-patch.js';
export { scenarioJsonSchema } from './json-schema.js';
export * from './summary.js';
export * from './coverage.js';
export * from './assumptions.js';
