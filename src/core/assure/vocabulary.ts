/**
 * One name and one definition for every outcome and measure of the assurance engine, used by the CLI, the
 * JSON, the briefing and the workspace alike (docs/model.md §7). "The ceasefire held" and "the ceasefire
 * failed" are complements: held = no strikes on the host (level 3) at any time within the horizon.
 */
import type { Outcome } from './partial-stats.js';

export interface Term {
  /** Short name, as a table row or chart label. */
  readonly name: string;
  /** One-sentence definition in the ladder's terms. */
  readonly definition: string;
}

/** The mutually exclusive outcomes at the horizon, most benign first. */
export const OUTCOME_TERMS: Readonly<Record<Outcome, Term>> = {
  held: {
    name: 'ceasefire held',
    definition:
      'no strikes on the host (level 3) within the horizon; grey-zone probing and violations may occur',
  },
  contested: {
    name: 'broke, then restored',
    definition:
      'strikes on the host at some time, back to violations or below at the horizon; the force never attacked',
  },
  contained: {
    name: 'tripwire tested and contained',
    definition: 'the force was attacked (level 4); back to violations or below at the horizon',
  },
  renewedWar: {
    name: 'renewed war',
    definition:
      'at strikes on the host, an attack on the force or coalition combat (levels 3–5) at the horizon',
  },
  coalitionCollapse: {
    name: 'coalition collapse',
    definition: 'more than the collapse share of the force (by peak personnel) withdrew',
  },
  widerWar: {
    name: 'war with the guarantor',
    definition: 'level 6 reached: the guarantor at war with the adversary',
  },
};

/** The measures that are not exclusive outcomes. */
export const MEASURE_TERMS = {
  ceasefireFailed: {
    name: 'ceasefire fails',
    definition: 'strikes on the host (level ≥ 3) at any time within the horizon; 1 − P(ceasefire held)',
  },
  minorFailure: {
    name: 'ceasefire violated',
    definition: 'ceasefire violations (level ≥ 2) at any time within the horizon',
  },
  tripwireTested: {
    name: 'tripwire tested',
    definition: 'an attack on the force (level ≥ 4) at any time within the horizon',
  },
  widerWar: {
    name: 'war with the guarantor',
    definition: 'level 6 at any time within the horizon (the same event as the outcome)',
  },
} as const satisfies Readonly<Record<string, Term>>;
