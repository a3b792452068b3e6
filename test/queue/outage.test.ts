/**
 * The queue when nobody computes or Redis goes away (issue 16, item 15): a run with no worker fails at its
 * deadline with a clear message and leaves no chunk behind; a Redis outage is one line, not stack traces;
 * SIGTERM cancels like Ctrl-C.
 */
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQueueRunner, QUEUE_NAME } from '../../src/adapters/queue/index.js';
import { runAssurance } from '../../src/core/assure/index.js';
import { BulwarkError } from '../../src/core/shared/index.js';
import { fixture, loadFixture } from '../helpers.js';
import { redisServer, startBulwark, startRedis, type TestRedis } from './redis-fixture.js';

const binary = redisServer();
const cases = [{ id: 'base', label: 'base', scenario: loadFixture() }];

describe.skipIf(binary === undefined)('queue deadline and outages (real Redis)', () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startRedis(binary!);
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('a run no worker takes fails at its deadline, names the flag, and removes its chunks', async () => {
    const q = await createQueueRunner({ url: redis.url, chunkRuns: 100, deadlineMs: 1500 });
    const queue = new Queue(QUEUE_NAME, { connection: new Redis(redis.url, { maxRetriesPerRequest: null }) });
    try {
      const t0 = performance.now();
      const err = await runAssurance(cases, { runs: 500, seed: 1, tornadoRuns: 0 }, q.run).catch(
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(BulwarkError);
      expect((err as BulwarkError).code).toBe('unavailable');
      expect((err as BulwarkError).message).toContain(
        'no worker took or finished a chunk of the run for 2 s',
      );
      expect((err as BulwarkError).message).toContain('--deadline');
      expect(performance.now() - t0).toBeLessThan(10_000);
      await expect.poll(() => queue.getWaitingCount(), { timeout: 5000 }).toBe(0);
    } finally {
      await q.close();
      await queue.close();
      await queue.disconnect();
    }
  });

  it('assure --redis with no worker exits non-zero at --deadline, one line, no stack trace', async () => {
    const p = startBulwark([
      'assure',
      fixture('minimal.yaml'),
      '--redis',
      redis.url,
      '--runs',
      '500',
      '--deadline',
      '2',
    ]);
    const code = await p.exited;
    expect(code).toBe(1);
    expect(p.stderr.join('\n')).toContain('no worker took or finished a chunk');
    expect(p.stderr.join('\n')).not.toMatch(/\n\s+at /);
  }, 60_000);

  it('a Redis outage is reported in one line per outage, and SIGTERM cancels the run', async () => {
    const own = await startRedis(binary!);
    const p = startBulwark(['assure', fixture('minimal.yaml'), '--redis', own.url, '--runs', '500']);
    await p.waitFor(/no worker is connected/, 45_000);
    await own.stop();
    await p.waitFor(/lost the connection to Redis/, 20_000);
    await new Promise((r) => setTimeout(r, 3000));
    p.child.kill('SIGTERM');
    const code = await p.exited;
    expect(code).toBe(2);
    const err = p.stderr.join('\n');
    expect(err.match(/lost the connection to Redis/g)).toHaveLength(1);
    expect(err).not.toMatch(/\n\s+at /);
    expect(err).not.toContain('Unhandled error event');
  }, 150_000);
});
