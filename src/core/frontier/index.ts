export {
  bisectScale,
  frontierScales,
  neighboursOrdered,
  paretoEfficient,
  pointsPerBillion,
  separatedBracket,
  targetBracket,
} from './frontier.js';
export {
  frontierCsv,
  frontierSources,
  type BackstopWorth,
  type FrontierCase,
  type FrontierPoint,
  type FrontierPointKind,
  type FrontierReport,
  type FrontierSource,
  type MissionValue,
} from './report.js';
export { cheapestAtRisk, ownCase, scalePoints } from './cases.js';
