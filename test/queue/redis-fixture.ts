/**
 * A throwaway Redis for queue tests: Debian's redis-server on a free loopback port, no persistence,
 * stopped after the tests. `redisServer()` is undefined when redis-server is not installed (tests then
 * skip with a visible message; CI installs it, see .ci/run).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { root } from '../helpers.js';

export function redisServer(): string | undefined {
  const r = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  const path = r.stdout.trim();
  return r.status === 0 && path !== '' ? path : undefined;
}

/** A loopback port nobody listens on (just freed by the OS). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a !== null ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export interface TestRedis {
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  stop(): Promise<void>;
}

export async function startRedis(binary: string): Promise<TestRedis> {
  const port = await freePort();
  const child = spawn(
    binary,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--loglevel',
      'warning',
    ],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    const probe = new Redis(url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
    probe.on('error', () => undefined);
    try {
      await probe.connect();
      await probe.ping();
      probe.disconnect();
      break;
    } catch {
      probe.disconnect();
      if (Date.now() > deadline) throw new Error(`redis-server did not start on port ${port}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    port,
    pid: child.pid ?? -1,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** A `bulwark` process started in the background, with its stderr kept line by line. */
export interface BulwarkProcess {
  readonly child: ChildProcess;
  readonly stderr: string[];
  readonly stdout: () => string;
  /** Resolves with the first stderr line matching, or rejects after `ms`. */
  waitFor(pattern: RegExp, ms?: number): Promise<string>;
  /** Resolves with the exit code (or the signal's name). */
  readonly exited: Promise<number | string>;
}

export function startBulwark(args: readonly string[]): BulwarkProcess {
  const child = spawn(process.execPath, [join(root, 'bin', 'bulwark.js'), ...args], {
    cwd: root,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  let out = '';
  const waiters: { pattern: RegExp; resolve: (l: string) => void }[] = [];
  let partial = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    partial += d;
    const lines = partial.split('\n');
    partial = lines.pop() ?? '';
    for (const l of lines) {
      stderr.push(l);
      for (const w of waiters.splice(0)) {
        if (w.pattern.test(l)) w.resolve(l);
        else waiters.push(w);
      }
    }
  });
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  return {
    child,
    stderr,
    stdout: () => out,
    exited,
    waitFor: (pattern, ms = 20_000) =>
      new Promise<string>((resolve, reject) => {
        const seen = stderr.find((l) => pattern.test(l));
        if (seen !== undefined) return resolve(seen);
        const timer = setTimeout(
          () =>
            reject(new Error(`no stderr line matching ${pattern} within ${ms} ms:\n${stderr.join('\n')}`)),
          ms,
        );
        waiters.push({
          pattern,
          resolve: (l) => {
            clearTimeout(timer);
            resolve(l);
          },
        });
      }),
  };
}
