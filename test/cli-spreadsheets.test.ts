/** `bulwark export` and `bulwark import` through the real executable (issue 15 item 5). */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bulwark, fixture } from './helpers.js';

const minimal = fixture('minimal.yaml');
const dir = mkdtempSync(join(tmpdir(), 'bulwark-sheets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bulwark export / import', () => {
  it('exports pledges as CSV to stdout and as XLSX to a file; XLSX without --out is exit 2', () => {
    const csv = bulwark(['export', minimal, '--what', 'pledges']);
    expect(csv.status, csv.stderr).toBe(0);
    expect(csv.stdout.split('\r\n')[0]).toMatch(/^id,nation,unitType,units,missions,/);
    expect(csv.stdout).toContain('gbr-air,GBR,fighter-sqn,1,skies');
    const out = join(dir, 'p.xlsx');
    const x = bulwark(['export', minimal, '--what', 'requirements', '--out', out]);
    expect(x.status, x.stderr).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    const bad = bulwark(['export', minimal, '--what', 'pledges', '--format', 'xlsx']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--out');
  });

  it('round-trips: an exported XLSX sheet imports as unchanged; an edited CSV updates the scenario', () => {
    const xlsx = join(dir, 'pledges.xlsx');
    expect(bulwark(['export', minimal, '--what', 'pledges', '--out', xlsx]).status).toBe(0);
    const same = bulwark(['import', minimal, xlsx, '--dry-run']);
    expect(same.status, same.stderr).toBe(0);
    expect(same.stdout).toContain('0 added, 0 changed, 3 unchanged, 0 removed, 0 rejected (dry run');
    const sheet = join(dir, 'edit.csv');
    writeFileSync(sheet, 'id,units,note\ngbr-land,3,raised\n');
    const out = join(dir, 'updated.json');
    const r = bulwark(['import', minimal, sheet, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('1 changed');
    const doc = JSON.parse(readFileSync(out, 'utf8')) as {
      pledges: { id: string; units: number; note?: string }[];
    };
    expect(doc.pledges.find((p) => p.id === 'gbr-land')).toMatchObject({ units: 3, note: 'raised' });
    expect(bulwark(['validate', out]).status).toBe(0);
  });

  it('a bad sheet exits 2 naming file, row and column, and writes nothing', () => {
    const sheet = join(dir, 'bad.csv');
    writeFileSync(sheet, 'id,units,unitType\ngbr-air,lots,\n\nnew-one,2,no-such-unit\n');
    const out = join(dir, 'never.json');
    const r = bulwark(['import', minimal, sheet, '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${sheet} row 2, column units: "lots" is not a number`);
    expect(r.stderr).toMatch(
      new RegExp(`${sheet.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} row 4, column \\w+: `),
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(() => readFileSync(out)).toThrow();
    const junk = join(dir, 'junk.xlsx');
    writeFileSync(junk, 'not a workbook');
    const j = bulwark(['import', minimal, junk, '--dry-run']);
    expect(j.status).toBe(2);
    expect(j.stderr).toContain('junk.xlsx: not a readable XLSX workbook');
    expect(bulwark(['import', minimal, join(dir, 'sheet.ods'), '--dry-run']).status).toBe(2);
  });
});
