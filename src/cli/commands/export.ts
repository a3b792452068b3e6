/** `bulwark export` (spreadsheets.ts). */
export { registerExport as register } from './spreadsheets.js';
