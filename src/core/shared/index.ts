export {
  fail,
  formatIssue,
  hasErrors,
  issue,
  ok,
  type FieldPath,
  type Issue,
  type Result,
  type Severity,
} from './issue.js';
export { BulwarkError, type ErrorCode } from './errors.js';
export { canonicalJson } from './canonical-json.js';
export { ID_PATTERN, RESERVED_IDS } from './ids.js';
export { parseCsv, spreadsheetSafe, toCsv, unguardCell, type CsvCell } from './csv.js';
export { semanticDiff, type FieldChange } from './json-diff.js';
export { INPUT_LIMITS, shapeIssues } from './input-limits.js';
export { BCP47, numberFormat, type NumberFormat } from './format.js';
export { reproduceCommand, type ReproduceRequest } from './reproduce.js';
