/** `bulwark brief` through the real executable: writes the HTML (and PDF), prints findings or JSON. */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumCandidates } from '../src/adapters/render/index.js';
import { bulwark, fixture } from './helpers.js';

const hasChromium = chromiumCandidates.some((p) => existsSync(p));

describe('bulwark brief', () => {
  it('writes a self-contained HTML briefing and reports it as JSON', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'bulwark-')), 'b.html');
    const r = bulwark([
      'brief',
      fixture('minimal.yaml'),
      '--runs',
      '500',
      '--tornado-runs',
      '100',
      '--workers',
      '2',
      '--out',
      out,
      '--json',
    ]);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { html: string; bytes: number; findings: { id: string }[] };
    expect(report.html).toBe(out);
    expect(readFileSync(out).length).toBe(report.bytes);
    expect(report.findings.map((f) => f.id)).toEqual([
      'frontier',
      'force',
      'gaps',
      'cost',
      'resilience',
      'assurance',
      'assumptions',
      'credibility',
    ]);
  });

  it.runIf(hasChromium || process.env['CI'] !== undefined)('prints it to PDF with --pdf', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'bulwark-')), 'b.html');
    const r = bulwark([
      'brief',
      fixture('minimal.yaml'),
      '--runs',
      '200',
      '--tornado-runs',
      '0',
      '--out',
      out,
      '--pdf',
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`PDF: ${out.replace(/\.html$/, '.pdf')}`);
    expect(
      readFileSync(out.replace(/\.html$/, '.pdf'))
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('SOURCE_DATE_EPOCH makes the same scenario and seed byte-identical on any day; a bad value is exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-'));
    const args = (out: string): string[] => [
      'brief',
      fixture('minimal.yaml'),
      '--runs',
      '200',
      '--tornado-runs',
      '0',
      '--no-frontier',
      '--out',
      join(dir, out),
    ];
    const env = { SOURCE_DATE_EPOCH: '1767225600' };
    expect(bulwark(args('a.html'), undefined, env).status).toBe(0);
    expect(bulwark(args('b.html'), undefined, env).status).toBe(0);
    const a = readFileSync(join(dir, 'a.html'), 'utf8');
    expect(a).toContain('2026-01-01T00:00:00Z');
    expect(readFileSync(join(dir, 'b.html'), 'utf8')).toBe(a);
    const bad = bulwark(args('c.html'), undefined, { SOURCE_DATE_EPOCH: 'yesterday' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/SOURCE_DATE_EPOCH/);
  }, 120_000);

  it('a bad variant is a user error (exit 2), not a crash', () => {
    const r = bulwark([
      'brief',
      fixture('minimal.yaml'),
      '--variant',
      'nope',
      '--out',
      join(tmpdir(), 'never.html'),
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no variant "nope"');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
