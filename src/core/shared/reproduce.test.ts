import { describe, expect, it } from 'vitest';
import { reproduceCommand } from './reproduce.js';

describe('reproduceCommand', () => {
  it('writes the command, the file, each variant, the seed and the runs, in that order', () => {
    expect(
      reproduceCommand({ command: 'brief', file: 'ws-v3.json', variants: ['a', 'b'], seed: 7, runs: 2000 }),
    ).toBe('npx bulwark brief ws-v3.json --variant a --variant b --seed 7 --runs 2000');
  });
  it('leaves out what the run did not set', () => {
    expect(reproduceCommand({ command: 'plan', file: 'ukraine-2025' })).toBe('npx bulwark plan ukraine-2025');
    expect(reproduceCommand({ command: 'assure', file: 'x.yaml', seed: 0, runs: null })).toBe(
      'npx bulwark assure x.yaml --seed 0',
    );
  });
});
