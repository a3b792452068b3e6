/**
 * The glossary: every term of art the briefing uses, defined as the model defines it (docs/model.md,
 * the assurance vocabulary; docs/planner.md), in the briefing's language.
 */
import type { BriefContext } from './context.js';
import type { MessageKey } from './catalogue.js';

/** Terms in the order the briefing introduces them. */
export const GLOSSARY_TERMS = [
  'held',
  'ceasefireFailed',
  'tripwireTested',
  'contested',
  'contained',
  'renewedWar',
  'widerWar',
  'coalitionCollapse',
  'backstop',
  'pledgedForce',
  'committable',
  'requirementPeriod',
  'rotation',
  'troopTour',
  'fairShare',
  'fairnessIndex',
  'weightedShortfall',
  'interval',
  'points',
  'frontier',
  'credibility',
  'riskTolerance',
] as const;

export function glossary(ctx: BriefContext): { term: string; definition: string }[] {
  return GLOSSARY_TERMS.map((k) => ({
    term: ctx.t(`term.${k}` as MessageKey),
    definition: ctx.t(`define.${k}` as MessageKey),
  }));
}
