export { parseSweepParams, type SweepParam } from './param.js';
export { buildDesign, parseDesign, type SweepPoint } from './design.js';
export { applyPoint } from './apply.js';
export { rowsToCsv, sweepRows, type SweepRow } from './table.js';
