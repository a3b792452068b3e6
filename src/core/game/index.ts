export * from './tree.js';
export * from './game-file.js';
export * from './efg.js';
export * from './backward-induction.js';
export * from './normal-form.js';
export * from './support-enumeration.js';
export * from './templates.js';
export * from './thresholds.js';
