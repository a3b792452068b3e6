/**
 * What every part of the briefing reads: the input, the language's formatter and messages, and the
 * scenario's names looked up once (nations by name in the briefing's language).
 */
import { translator, type Translate } from './catalogue.js';
import { BCP47 } from '../shared/index.js';
import { addDays, formatter, type Formatter } from './locale.js';
import type { BriefInput } from './types.js';

export interface BriefContext {
  readonly input: BriefInput;
  readonly fmt: Formatter;
  readonly t: Translate;
  /** A nation's name (its id when the scenario has none). */
  readonly name: (nation: string) => string;
  readonly missionName: (mission: string) => string;
  readonly capName: (capability: string) => string;
  readonly unitName: (unitType: string) => string;
  /**
   * What `count` units of a capability measure, in the briefing's language: its `unitOne` where the
   * language's plural rule for `count` is "one" (English 1; French 0 ≤ n < 2), else its `unit`.
   */
  readonly unitOf: (capability: string, count: number) => string;
  /** A variant's name in the briefing's language (undefined for an id the scenario lacks). */
  readonly variantName: (variant: string) => string | undefined;
  /** Planning periods `from`–`to` (1-based, inclusive) as dates: "Jul 2026 – Jun 2027". */
  readonly periods: (from: number, to?: number) => string;
}

export function briefContext(input: BriefInput): BriefContext {
  const s = input.scenario;
  const fmt = formatter(input.lang ?? 'en');
  const lookup = (pairs: readonly { id: string; name: string }[]): ((id: string) => string) => {
    const m = new Map(pairs.map((x) => [x.id, x.name]));
    return (id) => m.get(id) ?? id;
  };
  const plural = new Intl.PluralRules(BCP47[fmt.locale]);
  const capabilities = new Map(s.capabilities.map((c) => [c.id, c]));
  const unitOf = (id: string, count: number): string => {
    const c = capabilities.get(id);
    if (c === undefined) return '';
    return plural.select(count) === 'one' ? (c.unitOne ?? c.unit) : c.unit;
  };
  const nations = new Map(s.nations.map((n) => [n.id, fmt.nation(n.id, n.name)]));
  const plan = input.plan;
  const periods = (from: number, to = from): string => {
    const a = plan.periods.find((x) => x.index === from);
    const b = plan.periods.find((x) => x.index === to);
    if (a === undefined || b === undefined) return `P${from}${to === from ? '' : `–P${to}`}`;
    return fmt.months(
      addDays(s.horizon.start, a.startDay),
      addDays(s.horizon.start, b.startDay + b.days - 1),
    );
  };
  return {
    input,
    fmt,
    t: translator(fmt.locale, fmt),
    name: (id) => nations.get(id) ?? id,
    missionName: lookup(s.missions),
    capName: lookup(s.capabilities),
    unitName: lookup(s.catalog),
    unitOf,
    variantName: (id) => s.variants.find((v) => v.id === id)?.name,
    periods,
  };
}
