import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numberFormat } from './format.js';

const en = numberFormat('en');
const fr = numberFormat('fr');

describe('numberFormat: one rule per kind of figure', () => {
  it('writes known answers in English and French', () => {
    expect(en.prob(0.793)).toBe('79.3%');
    expect(fr.prob(0.793)).toBe('79,3\u00a0%');
    expect(en.probRange({ p: 0.793, lo: 0.787, hi: 0.799 })).toBe('79.3% (78.7–79.9%)');
    expect(en.share(0.874)).toBe('87%');
    expect(en.shareRange(0.46, 0.93)).toBe('46–93%');
    expect(en.shareRange(0.871, 0.874)).toBe('87%');
    expect(en.points(-0.095)).toBe('−9.5\u00a0points');
    expect(en.points(0.01)).toBe('+1.0\u00a0point');
    expect(en.points(-0.00004)).toBe('0.0\u00a0points');
    expect(en.pointsSize(-0.33)).toBe('33.0\u00a0points');
    expect(en.personnel(13_765.4)).toBe('13,765');
    expect(fr.personnel(13_765.4)).toBe('13\u202f765');
    expect(en.amount(6.43)).toBe('6.4');
    expect(en.amount(9_173.91)).toBe('9,174');
    expect(en.money(1.23e9)).toBe('US$1.2bn');
    expect(en.money(6.88e8)).toBe('US$688m');
    expect(en.index(0.272)).toBe('0.27');
    expect(en.decimal(2.04)).toBe('2.0');
    expect([0.25, 1.5, 99.995, 12_345.6, -3].map((x) => en.quantity(x))).toEqual([
      '0.25',
      '1.5',
      '100',
      '12,346',
      '-3',
    ]);
    expect(fr.quantity(12_345.6)).toBe('12\u202f346');
    expect(en.money(2.345e12)).toBe('US$2.3tn');
    expect(en.money(75_000)).toBe('US$75,000');
  });

  it('marks every figure in the pseudo locale', () => {
    const ps = numberFormat('pseudo');
    expect(ps.prob(0.5)).toBe('⟨50.0%⟩');
    expect(ps.personnel(10)).toBe('⟨10⟩');
  });

  it('a probability and its share agree to the whole percent, and rounding is monotone (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const num = (s: string): number => Number(s.replace(/[^0-9.]/g, ''));
          expect(num(en.prob(lo))).toBeLessThanOrEqual(num(en.prob(hi)));
          expect(Math.abs(num(en.prob(lo)) - num(en.share(lo)))).toBeLessThanOrEqual(0.5 + 1e-9);
        },
      ),
      { seed: 14, numRuns: 300 },
    );
  });
});
