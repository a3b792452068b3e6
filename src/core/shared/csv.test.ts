import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv, spreadsheetSafe, toCsv, unguardCell } from './csv.js';

describe('CSV', () => {
  it('guards cells a spreadsheet would evaluate, and not plain negative numbers', () => {
    expect(spreadsheetSafe('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(spreadsheetSafe('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(spreadsheetSafe('-2.5')).toBe('-2.5');
    expect(spreadsheetSafe('GBR')).toBe('GBR');
    expect(unguardCell(spreadsheetSafe('+cmd'))).toBe('+cmd');
  });

  it('parses quotes, doubled quotes, line breaks in cells, CRLF, a BOM and ; separators', () => {
    expect(parseCsv('\uFEFFa,b\r\n"x,1","say ""hi""\nthere"\r\n\r\n')).toEqual({
      ok: true,
      rows: [
        ['a', 'b'],
        ['x,1', 'say "hi"\nthere'],
      ],
      lines: [1, 2],
    });
    expect(parseCsv('id;units\nA;2\n')).toEqual({
      ok: true,
      rows: [
        ['id', 'units'],
        ['A', '2'],
      ],
      lines: [1, 2],
    });
    expect(parseCsv('a,b\n1,"open\n2,3\n')).toEqual({
      ok: false,
      line: 2,
      message: 'a quoted cell is never closed (missing ")',
    });
  });

  it('numbers rows by the line they start on, skipping blank lines', () => {
    expect(parseCsv('a\n\n"b\nc"\nd\n')).toMatchObject({ lines: [1, 3, 5] });
  });

  it('property: parse(toCsv(rows)) gives the rows back (guard undone)', () => {
    const cellArb = fc.string({ maxLength: 12 });
    fc.assert(
      fc.property(fc.array(fc.array(cellArb, { minLength: 2, maxLength: 4 }), { maxLength: 6 }), (rows) => {
        const width = 3;
        const norm = rows.map((r) => [...r, '', '', ''].slice(0, width).map((c) => 'k' + c));
        const header = ['a', 'b', 'c'];
        const back = parseCsv(toCsv(header, norm));
        expect(back.ok).toBe(true);
        if (back.ok) expect(back.rows.map((r) => r.map(unguardCell))).toEqual([header, ...norm]);
      }),
    );
  });
});
