export type { MapContent, MapPoint } from './map-content.js';
export { buildBriefing } from './briefing.js';
export {
  frontierBrief,
  frontierCaseLabel,
  frontierNotes,
  frontierPointLabel,
  frontierText,
} from './frontier-section.js';
export { LANGS, formatter, type Lang, type LocaleId } from './locale.js';
export type {
  Briefing,
  BriefInput,
  BriefSource,
  BriefChart,
  CredibilityBrief,
  Finding,
  Table,
} from './types.js';
