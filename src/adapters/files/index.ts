export * from './scenario-files.js';
export { positionOf, locate } from './source-map.js';
export { readXlsx, writeXlsx, maxSheetRows, type SheetData } from './xlsx.js';
