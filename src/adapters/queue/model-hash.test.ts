import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { modelHash } from './model-hash.js';

const compiled = fileURLToPath(new URL('../../../dist/adapters/queue/model-hash.js', import.meta.url));

describe('modelHash', () => {
  it('is a SHA-256 hex digest, stable within a process', () => {
    expect(modelHash()).toMatch(/^[0-9a-f]{64}$/);
    expect(modelHash()).toBe(modelHash());
  });

  // `npm ci` builds dist/ (the prepare script); a compiled worker must accept a source producer's chunks.
  it.skipIf(!existsSync(compiled))('is the same from the compiled dist/ as from the sources', () => {
    const r = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import(${JSON.stringify(compiled)}).then((m) => console.log(m.modelHash()))`,
      ],
      { encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe(modelHash());
  });
});
