export {
  builtinDir,
  builtinNames,
  checkScenario,
  loadScenario,
  locateIssues,
  parseText,
  readScenarioText,
  scenarioCacheKey,
  scenarioHash,
  useScenarioCache,
  type CheckResult,
  type LoadedScenario,
  type ScenarioOrigin,
} from './scenario-files.js';
export { locate } from './source-map.js';
export { readXlsx, writeXlsx } from './xlsx.js';
