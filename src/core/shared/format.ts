/**
 * Bulwark's one number format: every probability, share, difference in points, personnel figure,
 * amount of capability and sum of money that the CLI, the briefing and the web front end print is
 * written by one of these functions, through `Intl` for the language. One rounding rule per kind of
 * figure:
 *
 * | kind | rule | en | fr |
 * | --- | --- | --- | --- |
 * | probability | percent, one decimal | 79.3% (78.7–79.9%) | 79,3 % (78,7–79,9 %) |
 * | share (of a burden, an option, a requirement, of work done) | whole percent | 87% | 87 % |
 * | difference of probabilities | signed points, one decimal | −9.5 points | −9,5 points |
 * | personnel | whole people | 13,765 | 13 765 |
 * | capability amount | one decimal below 10, whole above | 6.4, 9,174 | 6,4, 9 174 |
 * | money | US$, compact: one decimal in billions, whole millions | US$1.2bn | 1,2 Md $US |
 * | index (0–1) | two decimals | 0.27 | 0,27 |
 * | quantity (units, days, months, ratios in tables) | at most two decimals, whole from 100 | 1.5, 12,345 | 1,5, 12 345 |
 *
 * The briefing's `Formatter` (core/brief/locale.ts) adds dates, lists, plurals and nation names to these.
 */

/** A language of the figures (`pseudo` is for tests: every figure is marked ⟨…⟩). */
export type NumberLocale = 'en' | 'fr' | 'pseudo';

/** BCP 47 tag of each locale (British English: the coalition's working English). */
export const BCP47: Readonly<Record<NumberLocale, string>> = { en: 'en-GB', fr: 'fr-FR', pseudo: 'en-GB' };

export interface NumberFormat {
  readonly locale: NumberLocale;
  /** BCP 47 tag (an HTML page's `lang`). */
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
  /** A plain quantity (units, days, months, ratios): 0.25 → "0.25", 1.5 → "1.5", 12,345.6 → "12,346". */
  quantity(x: number): string;
}

const cache = new Map<NumberLocale, NumberFormat>();

/** The number format of a locale (built once per locale: `Intl` formatters are costly to create). */
export function numberFormat(locale: NumberLocale): NumberFormat {
  const hit = cache.get(locale);
  if (hit !== undefined) return hit;
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
  const upTo2 = new Intl.NumberFormat(tag, { maximumFractionDigits: 2 });
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
  const rules = new Intl.PluralRules(tag);
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
  const f: NumberFormat = {
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
    quantity: (x) =>
      mark(!Number.isFinite(x) ? String(x) : Math.abs(x) >= 100 ? int.format(x) : upTo2.format(x)),
  };
  cache.set(locale, f);
  return f;
}
