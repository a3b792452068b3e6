/**
 * Output paths (`--out`, `--csv`, `--export-*`, `--efg`, `--data`), checked before any computation, so a
 * typo costs a second and not a briefing: the file can be created (or written) and the folder exists, else
 * a `usage` error (exit 2) naming the flag and the path. Folders are created one level at a time: Node's
 * recursive `mkdir` never returns under /proc.
 */
import { closeSync, mkdirSync, openSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { BulwarkError } from '../core/shared/index.js';

const why = (e: unknown): string => {
  const code = (e as NodeJS.ErrnoException).code ?? '';
  switch (code) {
    case 'ENOENT':
      return 'no such folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOSPC':
      return 'no space left on the device';
    default:
      return (e as Error).message;
  }
};

const refuse = (flag: string, path: string, reason: string): never => {
  throw new BulwarkError('usage', `${flag} ${path}: cannot write there (${reason})`);
};

function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** Devices a user may name as an output (the data goes nowhere, or to the terminal). */
const DEVICES = new Set(['/dev/null', '/dev/stdout', '/dev/stderr']);

/**
 * Checks that `path` can be written as a file: an existing regular file that opens for writing (not
 * truncated here), or a new file in an existing folder that can be created (the probe is removed).
 */
export function checkOutputFile(flag: string, path: string): void {
  const st = statOf(path);
  if (st !== undefined) {
    if (st.isDirectory()) refuse(flag, path, 'it is a folder');
    if (!st.isFile()) {
      if (DEVICES.has(resolve(path))) return;
      // A FIFO blocks until someone reads it; a device or /proc entry is not where a report belongs.
      refuse(flag, path, 'not a regular file');
    }
    try {
      closeSync(openSync(path, 'r+'));
    } catch (e) {
      refuse(flag, path, why(e));
    }
    return;
  }
  const parent = dirname(resolve(path));
  const ps = statOf(parent);
  if (ps === undefined) refuse(flag, path, `folder ${parent} does not exist`);
  if (!(ps as Stats).isDirectory()) refuse(flag, path, `${parent} is not a folder`);
  try {
    closeSync(openSync(path, 'wx'));
  } catch (e) {
    refuse(flag, path, why(e));
  }
  rmSync(path, { force: true });
}

/**
 * Makes sure `dir` is a folder files can be created in: creates it (and missing parents, one level at a
 * time) and probes it with a file it removes.
 */
export function prepareOutputDir(flag: string, dir: string): void {
  const target = resolve(dir);
  const missing: string[] = [];
  let at = target;
  for (;;) {
    const st = statOf(at);
    if (st !== undefined) {
      if (!st.isDirectory()) refuse(flag, dir, `${at} is not a folder`);
      break;
    }
    missing.unshift(at);
    const up = dirname(at);
    if (up === at) break;
    at = up;
  }
  for (const d of missing)
    try {
      mkdirSync(d);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') refuse(flag, dir, why(e));
    }
  const probe = join(target, `.bulwark-write-probe-${process.pid}`);
  try {
    closeSync(openSync(probe, 'wx'));
  } catch (e) {
    refuse(flag, dir, why(e));
  }
  rmSync(probe, { force: true });
}

/** Writes an output file; a failure (the disk filled up, the folder went away) is `usage` naming the flag. */
export function writeOutput(flag: string, path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (e) {
    refuse(flag, path, why(e));
  }
}
