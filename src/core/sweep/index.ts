export * from './param.js';
export * from './design.js';
export * from './apply.js';
export * from './table.js';
