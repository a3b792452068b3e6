export * from './issue.js';
export * from './errors.js';
export * from './canonical-json.js';
export * from './ids.js';
export * from './csv.js';
export * from './json-diff.js';
export * from './input-limits.js';
export * from './format.js';
