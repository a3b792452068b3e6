/**
 * What the workspace benchmarks share (bench/workspace.ts, bench/edit.ts): a `bulwark serve` child on a
 * fresh SQLite directory, signing in as its first coordinator, reading a server-sent event stream, and the
 * medians and quantiles they report.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

export interface WorkspaceServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly child: ChildProcess;
  /** From spawning the process to its "workspace on" line, ms. */
  readonly startMs: number;
  /** Stops the server (SIGTERM, so a CPU profile is written) and removes its data directory. */
  stop(): Promise<void>;
}

export interface ServerOptions {
  /** The first coordinator's password (user `admin`). */
  readonly password: string;
  /** Run the TypeScript sources through tsx (BULWARK_FROM_SOURCE=1) rather than the build in dist/. */
  readonly fromSource?: boolean;
  /** A directory for a CPU profile of the server (`node --cpu-prof`), written when it stops. */
  readonly profileDir?: string;
  /**
   * Resolve only once the server says its engines are warm (the coverage and simulation threads' start-up
   * work done), to measure the steady state; otherwise as soon as it listens.
   */
  readonly waitWarm?: boolean;
}

/** Starts `bulwark serve --port 0` on a new data directory; resolves once it listens. */
export async function startWorkspace(o: ServerOptions): Promise<WorkspaceServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bulwark-bench-'));
  const t0 = performance.now();
  const child = spawn(
    process.execPath,
    [
      ...(o.profileDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${o.profileDir}`]),
      join(root, 'bin', 'bulwark.js'),
      'serve',
      '--port',
      '0',
      '--data',
      dataDir,
    ],
    {
      env: {
        ...process.env,
        BULWARK_ADMIN_PASSWORD: o.password,
        ...(o.fromSource === true ? { BULWARK_FROM_SOURCE: '1' } : {}),
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  const exited = new Promise((r) => child.once('exit', r));
  const url = await new Promise<string>((resolve, reject) => {
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /workspace on (http:\/\/\S+)/.exec(err);
      if (o.waitWarm === true && /engines warm-up stopped/.test(err))
        reject(new Error(`the server's warm-up failed: ${err}`));
      if (m?.[1] !== undefined && (o.waitWarm !== true || /engines warm in/.test(err))) resolve(m[1]);
    });
    child.on('exit', () => reject(new Error(err)));
  });
  const startMs = performance.now() - t0;
  return {
    url,
    child,
    startMs,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** CPU time of a process and all its threads, ms (Linux `/proc/<pid>/stat`; NaN elsewhere). */
function cpuMs(pid: number): number {
  const file = `/proc/${pid}/stat`;
  if (!existsSync(file)) return NaN;
  // After the command name (in parentheses), utime and stime are the 12th and 13th fields, in clock
  // ticks of 10 ms (USER_HZ is 100 on Linux).
  const stat = readFileSync(file, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * Waits until the server has finished its start-up work: its CPU (all threads) under 5% over `quietMs`,
 * at most `maxMs`. Returns the ms waited; without /proc (not Linux), waits `quietMs` once.
 */
export async function settle(server: WorkspaceServer, quietMs = 500, maxMs = 20_000): Promise<number> {
  const t0 = performance.now();
  const pid = server.child.pid ?? -1;
  for (;;) {
    const before = cpuMs(pid);
    await new Promise((r) => setTimeout(r, quietMs));
    const used = cpuMs(pid) - before;
    if (!(used > 0.05 * quietMs) || performance.now() - t0 > maxMs) return performance.now() - t0;
  }
}

/** Signs in as `admin`; returns the headers of a signed-in JSON client (session cookie, CSRF token). */
export async function signIn(url: string, password: string): Promise<Record<string, string>> {
  const login = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  if (login.status !== 200) throw new Error(`sign-in: status ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
}

/**
 * Reads a server-sent event stream until it ends or is aborted, calling `onEvent` with each event's name
 * and its data parsed as JSON (comments, such as pings, are skipped).
 */
export async function readEvents(
  stream: Response,
  onEvent: (event: string, data: unknown) => void,
): Promise<void> {
  if (stream.body === null) return;
  const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event !== undefined && data !== undefined) onEvent(event, JSON.parse(data));
      }
    }
  } catch {
    // aborted at the end
  }
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export const quantile = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN;
};
