export * from './scenario-files.js';
export { positionOf, locate } from './source-map.js';
