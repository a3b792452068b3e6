/**
 * Output paths and serve options checked before any work (issue 16, items 10 and 17): an unwritable
 * `--out`, `--csv`, `--export-*`, `--efg` or `--data` is exit 2 naming the path, at once; `--csv /proc/x`
 * does not hang; `serve --host "bad host"` is exit 2; `serve --seed nope` creates nothing.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkOutputFile, prepareOutputDir } from '../src/cli/output-paths.js';
import { bulwark, fixture } from './helpers.js';

const minimal = fixture('minimal.yaml');
const dir = mkdtempSync(join(tmpdir(), 'bulwark-out-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('output paths are checked first', () => {
  it('checkOutputFile refuses a missing folder, a folder, and /proc; accepts a new file and leaves none', () => {
    expect(() => checkOutputFile('--out', join(dir, 'no', 'such', 'b.html'))).toThrow(
      /--out .*b\.html: cannot write there \(folder .* does not exist\)/,
    );
    expect(() => checkOutputFile('--out', dir)).toThrow(/it is a folder/);
    expect(() => checkOutputFile('--efg', '/proc/x')).toThrow(/--efg \/proc\/x: cannot write there/);
    checkOutputFile('--out', join(dir, 'new.html'));
    expect(existsSync(join(dir, 'new.html'))).toBe(false);
    checkOutputFile('--out', '/dev/null');
  });

  it('prepareOutputDir returns at once for /proc (recursive mkdir never does) and creates nested folders', () => {
    const t0 = performance.now();
    expect(() => prepareOutputDir('--csv', '/proc/x')).toThrow(/--csv \/proc\/x: cannot write there/);
    expect(performance.now() - t0).toBeLessThan(1000);
    prepareOutputDir('--csv', join(dir, 'a', 'b'));
    expect(readdirSync(join(dir, 'a', 'b'))).toEqual([]);
  });

  it('plan --csv /proc/x is exit 2 naming the path (it hung)', () => {
    const r = bulwark(['plan', minimal, '--csv', '/proc/x']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--csv /proc/x: cannot write there');
    expect(r.stderr).not.toContain('internal error');
  });

  it('brief --out into a missing folder is exit 2 before any computation', () => {
    const out = join(dir, 'missing', 'brief.html');
    const t0 = performance.now();
    const r = bulwark(['brief', minimal, '--out', out, '--runs', '2000']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`--out ${out}: cannot write there`);
    expect(r.stderr).not.toMatch(/planning|simulating/);
    expect(performance.now() - t0).toBeLessThan(60_000);
  });

  it('game --efg and plan --export-mps into a missing folder are exit 2', () => {
    const g = bulwark(['game', minimal, '--efg', join(dir, 'nope', 'g.efg')]);
    expect(g.status).toBe(2);
    expect(g.stderr).toContain('--efg');
    const p = bulwark(['plan', minimal, '--export-mps', join(dir, 'nope', 'm.mps')]);
    expect(p.status).toBe(2);
    expect(p.stderr).toContain('--export-mps');
  });
});

describe('serve checks its options before it creates anything', () => {
  it('--host "bad host" is exit 2 naming the host', () => {
    const r = bulwark(['serve', '--host', 'bad host', '--data', join(dir, 'h')], undefined, {
      BULWARK_ADMIN_PASSWORD: 'a long enough password 1',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--host "bad host": not an IP address or a host name');
  });

  it('--seed nope is exit 2 and creates neither the database nor the admin', () => {
    const data = join(dir, 'seed');
    const r = bulwark(['serve', '--seed', 'nope', '--data', data, '--port', '0'], undefined, {
      BULWARK_ADMIN_PASSWORD: 'a long enough password 1',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('nope');
    expect(r.stderr).not.toContain('created the first coordinator');
    expect(existsSync(join(data, 'workspace.db'))).toBe(false);
  });
});
