import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../test/helpers.js';
import { applyVariants } from '../scenario/index.js';
import { compileLadder, forceFromPledges, mergeInto, runJobInline, type Job } from './index.js';
import { CATEGORIES } from './partial-stats.js';
import { scaleForce } from './force-layout.js';

const models = () => {
  const s = loadFixture();
  const v = applyVariants(s, ['no-backstop']);
  if (!v.ok) throw new Error('variant');
  const f = forceFromPledges(s);
  return [
    compileLadder(s, { force: f }),
    compileLadder(s, { force: scaleForce(f, 0.5) }),
    compileLadder(v.value.scenario, { force: f }),
  ];
};

describe('run ranges and pairing of a job', () => {
  it('runs [0, a) merged with [a, b) equal runs [0, b): runs can be added to a job later', () => {
    const job: Job = { models: models() };
    const whole = runJobInline(job, 7, 3_000);
    const head = runJobInline(job, 7, 1_200);
    const tail = runJobInline(job, 7, 1_800, 10_000, 1_200);
    head.forEach((h, i) => mergeInto(h, tail[i]!));
    expect(head).toEqual(whole);
    // The tail alone is not the head again: the offset really moves the runs.
    expect(tail[0]!.reached).not.toEqual(runJobInline(job, 7, 1_800)[0]!.reached);
  });

  it('pairedWith tallies each model against the model it names, as a job of the two alone would', () => {
    const [a, b, c] = models();
    const chain = runJobInline({ models: [a!, b!, c!], pairedWith: [0, 0, 1] }, 11, 2_000);
    const pair = runJobInline({ models: [b!, c!] }, 11, 2_000);
    expect(chain[2]!.joint).toEqual(pair[1]!.joint);
    const defaultPairing = runJobInline({ models: [a!, b!, c!] }, 11, 2_000);
    expect(chain[1]!.joint).toEqual(defaultPairing[1]!.joint);
    // Paired with model 1 instead of model 0, model 2's table differs (the cases differ run by run).
    expect(chain[2]!.joint).not.toEqual(defaultPairing[2]!.joint);
    // Every run is counted once in each table.
    expect(chain[2]!.joint.reduce((x, y) => x + y, 0)).toBe(2_000);
    expect(chain[2]!.joint.length).toBe(CATEGORIES * CATEGORIES);
  });

  it('refuses a pairing with a later model or of the wrong length', () => {
    const [a, b] = models();
    expect(() => runJobInline({ models: [a!, b!], pairedWith: [0, 2] }, 1, 10)).toThrow(/earlier model/);
    expect(() => runJobInline({ models: [a!, b!], pairedWith: [0] }, 1, 10)).toThrow(/2 models/);
  });
});
