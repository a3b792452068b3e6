/**
 * The briefing's one number format, per language: every probability, difference in points, personnel
 * figure, amount of capability, sum of money and date in the briefing is written by one of these
 * functions, through `Intl` for the language. One rounding rule per kind of figure:
 *
 * | kind | rule | en | fr |
 * | --- | --- | --- | --- |
 * | probability | percent, one decimal | 79.3% (78.7–79.9%) | 79,3 % (78,7–79,9 %) |
 * | share (of a burden, an option, a requirement) | whole percent | 87% | 87 % |
 * | difference of probabilities | signed points, one decimal | −9.5 points | −9,5 points |
 * | personnel | whole people | 13,765 | 13 765 |
 * | capability amount | one decimal below 10, whole above | 6.4, 9,174 | 6,4, 9 174 |
 * | money | US$, compact: one decimal in billions, whole millions | US$1.2bn | 1,2 Md $US |
 * | index (0–1) | two decimals | 0.27 | 0,27 |
 * | period | its dates | Jan – Jun 2026 | janv.–juin 2026 |
 */

export type Lang = 'en' | 'fr';
/** The languages the briefing is written in (`pseudo` is for tests: every catalogue text is marked). */
export const LANGS: readonly Lang[] = ['en', 'fr'];
export type LocaleId = Lang | 'pseudo';

const BCP47: Record<LocaleId, string> = { en: 'en-GB', fr: 'fr-FR', pseudo: 'en-GB' };

export interface Formatter {
  readonly locale: LocaleId;
  /** BCP 47 tag (the HTML's `lang`). */
  readonly tag: string;
  /** 0.793 → "79.3%". */
  prob(p: number): string;
  /** {p, lo, hi} → "79.3% (78.7–79.9%)": a probability with its 95% interval. */
  probRange(x: { readonly p: number; readonly lo: number; readonly hi: number }): string;
  /** 0.87 → "87%". */
  share(x: number): string;
  /** 0.87, 0.46 → "46–87%" (one figure when both round alike). */
  shareRange(lo: number, hi: number): string;
  /** A difference of probabilities, −0.095 → "−9.5 points"; zero has no sign. */
  points(d: number): string;
  /** A size of a difference, unsigned: 0.33 → "33.0 points". */
  pointsSize(d: number): string;
  /** The same without the unit: "−9.5". */
  pointsNumber(d: number): string;
  /** 13,765.4 → "13,765". */
  personnel(n: number): string;
  /** Capability amounts: 6.43 → "6.4", 9,173.9 → "9,174". */
  amount(x: number): string;
  /** A whole count: 20000 → "20,000". */
  count(n: number): string;
  /** US$: 1.23e9 → "US$1.2bn", 6.88e8 → "US$688m". */
  money(usd: number): string;
  /** Two decimals: 0.272 → "0.27". */
  index(x: number): string;
  /** One decimal: 2.04 → "2.0". */
  decimal(x: number): string;
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
  const num = (digits: number): Intl.NumberFormat =>
    new Intl.NumberFormat(tag, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const pct1 = new Intl.NumberFormat(tag, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const pct0 = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 });
  const int = num(0);
  const one = num(1);
  const two = num(2);
  const upTo1 = new Intl.NumberFormat(tag, { maximumFractionDigits: 1 });
  const bn = new Intl.NumberFormat(tag, {
    style: 'currency',
    currency: 'USD',
    notation: 'compact',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const mn = new Intl.NumberFormat(tag, {
    style: 'currency',
    currency: 'USD',
    notation: 'compact',
    maximumFractionDigits: 0,
  });
  const whole = new Intl.NumberFormat(tag, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
  const longDate = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' });
  const monthYear = new Intl.DateTimeFormat(tag, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const lists = new Intl.ListFormat(tag, { type: 'conjunction' });
  const rules = new Intl.PluralRules(tag);
  const regions = new Intl.DisplayNames([tag], { type: 'region', fallback: 'none' });
  // −0.0 and values that round to zero print without a sign.
  const signed = (d: number): string => {
    const tenths = Math.round(d * 1000);
    const body = one.format(Math.abs(tenths) / 10);
    return `${tenths > 0 ? '+' : tenths < 0 ? '−' : ''}${body}`;
  };
  const pointWord = (d: number): string =>
    locale === 'fr'
      ? rules.select(Math.abs(Math.round(d * 1000)) / 10) === 'one'
        ? 'point'
        : 'points'
      : Math.abs(Math.round(d * 1000)) === 10
        ? 'point'
        : 'points';
  const utc = (iso: string): Date => new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  const f: Formatter = {
    locale,
    tag,
    prob: (p) => mark(pct1.format(p)),
    probRange: (x) => mark(`${pct1.format(x.p)} (${one.format(x.lo * 100)}–${pct1.format(x.hi)})`),
    share: (x) => mark(pct0.format(x)),
    shareRange: (lo, hi) =>
      mark(
        pct0.format(lo) === pct0.format(hi)
          ? pct0.format(hi)
          : `${int.format(Math.round(Math.min(lo, hi) * 100))}–${pct0.format(Math.max(lo, hi))}`,
      ),
    points: (d) => mark(`${signed(d)}\u00a0${pointWord(d)}`),
    pointsNumber: (d) => mark(signed(d)),
    pointsSize: (d) => mark(`${signed(Math.abs(d)).replace('+', '')}\u00a0${pointWord(d)}`),
    personnel: (n) => mark(int.format(Math.round(n))),
    amount: (x) => mark(Math.abs(x) < 10 ? upTo1.format(Math.round(x * 10) / 10) : int.format(Math.round(x))),
    count: (n) => mark(int.format(n)),
    money: (usd) =>
      mark(Math.abs(usd) >= 1e9 ? bn.format(usd) : Math.abs(usd) >= 1e6 ? mn.format(usd) : whole.format(usd)),
    index: (x) => mark(two.format(x)),
    decimal: (x) => mark(one.format(x)),
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
  return f;
}

/** An ISO date plus a number of days: the scenario's calendar. */
export { addDays } from '../scenario/index.js';
