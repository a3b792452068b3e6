import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SHORT_CITATION_MAX, shortCitation } from './citation.js';

describe('shortCitation', () => {
  it('keeps who and when, before the dash', () => {
    expect(
      shortCitation(
        'NATO news, 28 Aug 2017 — the four original eFP battlegroups in the Baltic states and Poland total about 4,500 troops.',
      ),
    ).toBe('NATO news, 28 Aug 2017');
  });

  it('cuts a citation without a dash at a word boundary, with an ellipsis', () => {
    const long =
      'Bulwark shared data nations-sipri2024-wbgdp2023.csv, column coalition_role: 33 probable coalition members, 3 flagged "uncertain", plus Ukraine.';
    expect(shortCitation(long)).toBe(
      'Bulwark shared data nations-sipri2024-wbgdp2023.csv, column coalition_role: 33 probable…',
    );
    expect(shortCitation('CBO (2003), as compiled in FACTS.md.')).toBe(
      'CBO (2003), as compiled in FACTS.md.',
    );
  });

  it('is never longer than the limit and is a prefix of the citation up to its ellipsis', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => {
        const short = shortCitation(s);
        expect(short.length).toBeLessThanOrEqual(SHORT_CITATION_MAX);
        const body = short.endsWith('…') ? short.slice(0, -1) : short;
        expect(s.trim().replace(/\s+/g, ' ').startsWith(body)).toBe(true);
      }),
    );
  });
});
