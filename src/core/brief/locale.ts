/**
 * The briefing's formatter, per language: the one number format of Bulwark (`numberFormat`,
 * core/shared/format.ts: probabilities, shares, points, personnel, amounts, money, indices) plus what only
 * the briefing writes — dates and spans of months, lists, plural categories and nation names — through
 * `Intl` for the language. A period is shown by its dates: Jan – Jun 2026 (en), janv.–juin 2026 (fr).
 */
import { BCP47, numberFormat, type NumberFormat } from '../shared/index.js';

export type Lang = 'en' | 'fr';
/** The languages the briefing is written in (`pseudo` is for tests: every catalogue text is marked). */
export const LANGS: readonly Lang[] = ['en', 'fr'];
export type LocaleId = Lang | 'pseudo';

export interface Formatter extends NumberFormat {
  readonly locale: LocaleId;
  /** An ISO date, 2026-01-01 → "1 January 2026". */
  date(iso: string): string;
  /** Two ISO dates (inclusive) as a span of months: "Jan – Jun 2026". */
  months(fromIso: string, toIso: string): string;
  /** "a, b and c". */
  list(xs: readonly string[]): string;
  /** Intl plural category of a number in this language. */
  plural(n: number): Intl.LDMLPluralRule;
  /** A nation's name in this language (Intl.DisplayNames), else the scenario's name. */
  nation(iso3: string, scenarioName: string): string;
}

/** ISO 3166-1 alpha-3 → alpha-2 for the states a coalition scenario names (Intl names regions by alpha-2). */
const ALPHA2: Readonly<Record<string, string>> = {
  ALB: 'AL',
  ARM: 'AM',
  AUS: 'AU',
  AUT: 'AT',
  AZE: 'AZ',
  BEL: 'BE',
  BGR: 'BG',
  BIH: 'BA',
  BLR: 'BY',
  BRA: 'BR',
  CAN: 'CA',
  CHE: 'CH',
  CHN: 'CN',
  CYP: 'CY',
  CZE: 'CZ',
  DEU: 'DE',
  DNK: 'DK',
  ESP: 'ES',
  EST: 'EE',
  FIN: 'FI',
  FRA: 'FR',
  GBR: 'GB',
  GEO: 'GE',
  GRC: 'GR',
  HRV: 'HR',
  HUN: 'HU',
  IND: 'IN',
  IRL: 'IE',
  ISL: 'IS',
  ISR: 'IL',
  ITA: 'IT',
  JPN: 'JP',
  KAZ: 'KZ',
  KOR: 'KR',
  LIE: 'LI',
  LTU: 'LT',
  LUX: 'LU',
  LVA: 'LV',
  MDA: 'MD',
  MKD: 'MK',
  MLT: 'MT',
  MNE: 'ME',
  NLD: 'NL',
  NOR: 'NO',
  NZL: 'NZ',
  POL: 'PL',
  PRT: 'PT',
  ROU: 'RO',
  RUS: 'RU',
  SRB: 'RS',
  SVK: 'SK',
  SVN: 'SI',
  SWE: 'SE',
  TUR: 'TR',
  UKR: 'UA',
  USA: 'US',
  XKX: 'XK',
};

export function formatter(locale: LocaleId): Formatter {
  const tag = BCP47[locale];
  const mark = locale === 'pseudo' ? (s: string): string => `⟨${s}⟩` : (s: string): string => s;
  const longDate = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' });
  const monthYear = new Intl.DateTimeFormat(tag, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const lists = new Intl.ListFormat(tag, { type: 'conjunction' });
  const rules = new Intl.PluralRules(tag);
  const regions = new Intl.DisplayNames([tag], { type: 'region', fallback: 'none' });
  const utc = (iso: string): Date => new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return {
    ...numberFormat(locale),
    locale,
    date: (iso) => mark(longDate.format(utc(iso))),
    months: (a, b) => mark(monthYear.formatRange(utc(a), utc(b))),
    list: (xs) => lists.format(xs),
    plural: (n) => rules.select(n),
    nation: (iso3, name) => {
      if (locale !== 'fr') return name;
      const a2 = ALPHA2[iso3];
      return (a2 === undefined ? undefined : regions.of(a2)) ?? name;
    },
  };
}

/** An ISO date plus a number of days: the scenario's calendar. */
export { addDays } from '../scenario/index.js';
