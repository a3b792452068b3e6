export type { MapModel, MapPoint } from './map-model.js';
export { buildBriefing } from './briefing.js';
export {
  frontierBrief,
  frontierCaseLabel,
  frontierNotes,
  frontierPointLabel,
  frontierText,
} from './frontier-section.js';
export { LANGS, type Lang, type LocaleId } from './locale.js';
export type {
  Briefing,
  BriefInput,
  BriefSource,
  ChartModel,
  CredibilityBrief,
  Finding,
  Table,
} from './types.js';
