/**
 * What every part of the briefing reads: the input, and the scenario's names looked up once.
 */
import type { BriefInput } from './types.js';

export interface BriefContext {
  readonly input: BriefInput;
  /** A nation's name (its id when the scenario has none). */
  readonly name: (nation: string) => string;
  readonly missionName: (mission: string) => string;
  readonly capName: (capability: string) => string;
  readonly unitName: (unitType: string) => string;
}

export function briefContext(input: BriefInput): BriefContext {
  const s = input.scenario;
  const lookup = (pairs: readonly { id: string; name: string }[]): ((id: string) => string) => {
    const m = new Map(pairs.map((x) => [x.id, x.name]));
    return (id) => m.get(id) ?? id;
  };
  return {
    input,
    name: lookup(s.nations),
    missionName: lookup(s.missions),
    capName: lookup(s.capabilities),
    unitName: lookup(s.catalog),
  };
}
