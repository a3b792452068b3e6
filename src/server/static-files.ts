/** Serves the built web front end (web/dist): files by path, index.html for client routes. */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

export interface StaticFile {
  readonly body: Buffer;
  readonly type: string;
  /** Hashed assets never change under their name. */
  readonly immutable: boolean;
}

/** The file for a URL path under `root`, or index.html for paths without an extension; undefined if none. */
export async function staticFile(root: string, urlPath: string): Promise<StaticFile | undefined> {
  let clean: string;
  try {
    clean = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return undefined; // malformed escapes: no such file
  }
  const rel = normalize(clean).replace(/^([/\\])+/, '');
  if (rel.split(sep).includes('..')) return undefined;
  const candidates = extname(rel) === '' ? ['index.html'] : [rel];
  for (const c of candidates) {
    const path = join(root, c);
    try {
      if (!(await stat(path)).isFile()) continue;
      return {
        body: await readFile(path),
        type: types[extname(path)] ?? 'application/octet-stream',
        immutable: c.startsWith('assets/'),
      };
    } catch {
      continue;
    }
  }
  return undefined;
}
