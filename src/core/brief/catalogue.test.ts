import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MEASURE_TERMS, OUTCOME_TERMS } from '../assure/index.js';
import { CATALOGUES, translator } from './catalogue.js';
import { formatter } from './locale.js';
import { en, type MessageKey } from './messages-en.js';

const forms = (m: unknown): string[] =>
  typeof m === 'string' ? [m] : Object.values(m as Record<string, string>);
const params = (m: unknown): string[] =>
  [...new Set(forms(m).flatMap((s) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1] ?? '')))].sort();

describe('message catalogue', () => {
  it('French has every English message with the same parameters', () => {
    const keys = Object.keys(en) as MessageKey[];
    expect(Object.keys(CATALOGUES.fr).sort()).toEqual([...keys].sort());
    // French may name the count `n` where English says "one"; every other parameter is the same.
    const bare = (m: unknown): string[] => params(m).filter((x) => x !== 'n');
    for (const k of keys) expect(bare(CATALOGUES.fr[k]), k).toEqual(bare(en[k]));
  });

  it('French follows its typography: no plain space before a colon or semicolon, no ASCII quotes', () => {
    for (const [k, m] of Object.entries(CATALOGUES.fr))
      for (const s of forms(m)) {
        expect(s, k).not.toMatch(/ [:;?!]/);
        expect(s, k).not.toMatch(/"/);
      }
  });

  it('names outcomes and measures as the model defines them', () => {
    const t = translator('en');
    for (const [k, term] of Object.entries({ ...OUTCOME_TERMS, ...MEASURE_TERMS })) {
      const key = `term.${k}`;
      if (key in en) expect(t(key as MessageKey), k).toBe(term.name);
    }
    expect(t('term.held')).toBe(OUTCOME_TERMS.held.name);
  });

  it('chooses plural forms by Intl.PluralRules: French 0 and 1 are singular, English 1 only', () => {
    const enT = translator('en');
    const frT = translator('fr');
    expect(enT('gaps.headline', { n: 1 })).toBe('One capability requirement not fully met');
    expect(enT('gaps.headline', { n: 0 })).toBe('0 capability requirements not fully met');
    expect(frT('gaps.headline', { n: 0 })).toBe('0 besoin capacitaire n’est pas entièrement satisfait');
    expect(frT('gaps.headline', { n: 2 })).toBe('2 besoins capacitaires ne sont pas entièrement satisfaits');
    expect(frT('list.others', { n: 1200 })).toBe('1\u202f200 autres');
  });

  it('fails loudly on a missing parameter (a bug, not an input)', () => {
    expect(() => translator('en')('force.peak', { personnel: '1' })).toThrow(/needs \{shape\}/);
  });

  it('the pseudo-locale marks every message and every figure', () => {
    const t = translator('pseudo');
    const f = formatter('pseudo');
    expect(t('money.perYear', { money: f.money(2e9) })).toBe('⟦⟨US$2.0bn⟩ a year⟧');
  });
});

describe('formatter', () => {
  const enF = formatter('en');
  const frF = formatter('fr');

  it('writes each kind of figure by one rule, per language', () => {
    expect(enF.probRange({ p: 0.793, lo: 0.787, hi: 0.799 })).toBe('79.3% (78.7–79.9%)');
    expect(frF.probRange({ p: 0.793, lo: 0.787, hi: 0.799 })).toBe('79,3\u00a0% (78,7–79,9\u00a0%)');
    expect(enF.points(-0.095)).toBe('−9.5\u00a0points');
    expect(enF.points(0.8)).toBe('+80.0\u00a0points');
    expect(frF.points(0.015)).toBe('+1,5\u00a0point');
    expect(enF.points(0.00004)).toBe('0.0\u00a0points');
    expect(enF.personnel(13765.4)).toBe('13,765');
    expect(frF.personnel(13765.4)).toBe('13\u202f765');
    expect(enF.amount(9173.91)).toBe('9,174');
    expect(enF.amount(6.43)).toBe('6.4');
    expect(enF.money(1.234e9)).toBe('US$1.2bn');
    expect(enF.money(6.88e8)).toBe('US$688m');
    expect(frF.money(1.234e9)).toBe('1,2\u00a0Md\u00a0$US');
    expect(enF.months('2026-07-01', '2027-06-30')).toBe('Jul 2026\u2009–\u2009Jun 2027');
    expect(frF.date('2026-01-01')).toBe('1 janvier 2026');
    expect(frF.nation('GBR', 'United Kingdom')).toBe('Royaume-Uni');
    expect(enF.nation('GBR', 'United Kingdom')).toBe('United Kingdom');
  });

  it('property: a probability and its interval are written with one decimal, lo ≤ p ≤ hi preserved', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (a, b) => {
          const [lo, hi] = a < b ? [a, b] : [b, a];
          const s = enF.probRange({ p: (lo + hi) / 2, lo, hi });
          const nums = [...s.matchAll(/\d+\.\d/g)].map((m) => Number(m[0]));
          expect(nums).toHaveLength(3);
          expect(nums[1]!).toBeLessThanOrEqual(nums[0]! + 1e-9);
          expect(nums[0]!).toBeLessThanOrEqual(nums[2]! + 1e-9);
        },
      ),
    );
  });

  it('property: a difference in points keeps its sign, and zero has none', () => {
    fc.assert(
      fc.property(fc.double({ min: -1, max: 1, noNaN: true }), (d) => {
        const s = enF.points(d);
        const tenths = Math.round(d * 1000);
        expect(s.startsWith('−')).toBe(tenths < 0);
        expect(s.startsWith('+')).toBe(tenths > 0);
      }),
    );
  });
});
