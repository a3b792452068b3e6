/** `bulwark import` (spreadsheets.ts). */
export { registerImport as register } from './spreadsheets.js';
