/**
 * Fuzz inputs: the built-in scenarios and the test fixtures, mutated as text, as bytes and as trees. Every
 * input is a pure function of (seed, index), so any one can be rebuilt and replayed on its own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse, stringify } from 'yaml';
import { root } from '../helpers.js';

export interface FuzzInput {
  readonly index: number;
  /** File name the input is written under (its extension decides YAML or JSON). */
  readonly name: string;
  readonly text: string;
  /** What was done, for the report: `tree:set pledges[0].units=1e308 (minimal.yaml)`. */
  readonly how: string;
  /** The corpus file the input came from. */
  readonly from: string;
}

export interface CorpusFile {
  readonly name: string;
  readonly text: string;
  /** Parsed once (null for files that do not parse). */
  readonly data: unknown;
  /** How often it is drawn relative to the others (small files are cheap: drawn more). */
  readonly weight: number;
}

/** The corpus: built-in scenarios, scenario fixtures (valid and invalid), game files. */
export function loadCorpus(): CorpusFile[] {
  const files: string[] = [
    ...readdirSync(join(root, 'scenarios'))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => join(root, 'scenarios', f)),
    join(root, 'test', 'fixtures', 'minimal.yaml'),
    ...readdirSync(join(root, 'test', 'fixtures', 'invalid'))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => join(root, 'test', 'fixtures', 'invalid', f)),
    ...readdirSync(join(root, 'test', 'fixtures', 'games'))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => join(root, 'test', 'fixtures', 'games', f)),
  ];
  return files.map((path) => {
    const text = readFileSync(path, 'utf8');
    let data: unknown;
    try {
      data = parse(text, { maxAliasCount: 1000 }) as unknown;
    } catch {
      data = null;
    }
    const name = basename(path);
    // The valid scenarios reach plan, assure, game and brief: draw them most (the minimal one above all).
    const weight =
      name === 'minimal.yaml' ? 12 : path.includes('/scenarios/') ? 1 : path.includes('/games/') ? 1 : 0.15;
    return { name, text, data, weight };
  });
}

/** sfc32 (Chris Doty-Humphrey's PractRand): small, fast, and good enough to drive mutations. */
export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  constructor(seed: number, index: number) {
    this.a = seed >>> 0;
    this.b = index >>> 0;
    this.c = 0x9e3779b9;
    this.d = 0x85ebca6b ^ index;
    for (let i = 0; i < 15; i++) this.next();
  }
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)] as T;
  }
}

/** Values that break naive code: extremes, wrong types, YAML specials, structures. */
const INTERESTING: readonly unknown[] = [
  0,
  -1,
  1,
  0.5,
  1e-308,
  5e-324,
  1e308,
  -1e308,
  2 ** 53 - 1,
  2 ** 31,
  1e15,
  1e16,
  1e9,
  36_500,
  '',
  'x',
  'GBR',
  'constructor',
  '__proto__',
  'skies',
  'fighter-sqn',
  'backstop',
  '2026-02-30',
  'NaN',
  '.inf',
  null,
  true,
  [],
  {},
  [null],
  { dist: 'fixed', value: 0 },
  { dist: 'normal', mean: 1e12, sd: 1e12 },
  { dist: 'uniform', min: 0, max: 0 },
  { dist: 'beta', alpha: 1e9, beta: 1e-9 },
  { dist: 'lognormal', median: 1e12, sigma: 10 },
];

const TOKENS = [
  '*a',
  '&a ',
  '[',
  ']',
  '{',
  '}',
  "'",
  '"',
  ': ',
  '- ',
  '#',
  '\t',
  '!!binary ',
  '!!str ',
  '<<: *a',
  '? ',
  '|',
  '>',
  '---\n',
  '...\n',
  '\u0000',
  '\uFEFF',
  '1e308',
  '-.inf',
  '.nan',
  '0x7fffffff',
  '9007199254740993',
  '~',
];

type Path = (string | number)[];

/** Every path into a tree (objects and arrays), root first. */
function paths(data: unknown): Path[] {
  const out: Path[] = [];
  const stack: { v: unknown; p: Path }[] = [{ v: data, p: [] }];
  while (stack.length > 0 && out.length < 20_000) {
    const { v, p } = stack.pop() as { v: unknown; p: Path };
    out.push(p);
    if (Array.isArray(v)) v.forEach((x, i) => stack.push({ v: x, p: [...p, i] }));
    else if (v !== null && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) stack.push({ v: x, p: [...p, k] });
  }
  return out;
}

function getAt(data: unknown, p: Path): unknown {
  let v = data;
  for (const k of p) v = (v as Record<string | number, unknown>)[k];
  return v;
}

function deepNest(depth: number): unknown {
  let v: unknown = 'x';
  for (let i = 0; i < depth; i++) v = i % 2 === 0 ? [v] : { k: v };
  return v;
}

const show = (v: unknown): string => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? s.slice(0, 40) + '…' : s;
};

/**
 * Numbers at and near the scenario's bounds (BOUNDS, docs/scenario-reference.md): extreme values that
 * still validate are what reach the planner and the Monte Carlo.
 */
const EXTREME_NUMBERS: readonly number[] = [
  0,
  1,
  0.1,
  1e-6,
  100,
  300,
  1000,
  1200,
  36_500,
  1e6,
  1e7,
  1e9,
  1e12,
  1e15,
  2 ** 53 - 1,
  1e308,
  -1,
];

/** One tree mutation of a copy of `data`; returns the description. */
function mutateTree(data: unknown, rng: Prng): { data: unknown; how: string } {
  const copy = structuredClone(data);
  const all = paths(copy);
  if (rng.next() < 0.7) {
    // A number replaced by an extreme one: most such inputs stay valid and go through every analysis.
    const numeric = all.filter((q) => q.length > 0 && typeof getAt(copy, q) === 'number');
    const q = numeric.length > 0 ? rng.pick(numeric) : undefined;
    if (q !== undefined) {
      const v = rng.pick(EXTREME_NUMBERS);
      const parent = getAt(copy, q.slice(0, -1)) as Record<string | number, unknown>;
      parent[q.at(-1) as string | number] = v;
      return { data: copy, how: `tree:number ${q.join('.')}=${v}` };
    }
  }
  const p = rng.pick(all);
  const where = p.join('.');
  if (p.length === 0) return { data: rng.pick(INTERESTING), how: 'tree:root' };
  const parent = getAt(copy, p.slice(0, -1)) as Record<string | number, unknown> | unknown[];
  const key = p.at(-1) as string | number;
  const current = (parent as Record<string | number, unknown>)[key];
  const op = rng.int(10);
  if (op <= 3) {
    const v = rng.pick(INTERESTING);
    (parent as Record<string | number, unknown>)[key] = structuredClone(v);
    return { data: copy, how: `tree:set ${where}=${show(v)}` };
  }
  if (op === 4) {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete (parent as Record<string, unknown>)[key];
    return { data: copy, how: `tree:delete ${where}` };
  }
  if (op === 5 && Array.isArray(parent)) {
    const n = 1 + rng.int(rng.next() < 0.1 ? 2000 : 5);
    for (let i = 0; i < n; i++) parent.push(structuredClone(current));
    return { data: copy, how: `tree:duplicate ${where}×${n}` };
  }
  if (op === 6 && typeof current === 'number') {
    const f = rng.pick([-1, 10, 1e3, 1e6, 1e12, 1e-6, 0]);
    (parent as Record<string | number, unknown>)[key] = current * f;
    return { data: copy, how: `tree:scale ${where}×${f}` };
  }
  if (op === 7) {
    const d = rng.pick([10, 63, 65, 100, 1000, 5000]);
    (parent as Record<string | number, unknown>)[key] = deepNest(d);
    return { data: copy, how: `tree:nest ${where} depth ${d}` };
  }
  if (op === 8) {
    // Another value of the same tree in this place (ids in the wrong place, wrong-typed blocks).
    const other = getAt(copy, rng.pick(all));
    (parent as Record<string | number, unknown>)[key] = structuredClone(other);
    return { data: copy, how: `tree:transplant ${where}` };
  }
  const k = rng.pick(['extra', 'id', 'units', 'source', 'patch', '__proto__', 'constructor']);
  if (current !== null && typeof current === 'object' && !Array.isArray(current)) {
    Object.defineProperty(current, k, {
      value: rng.pick(INTERESTING),
      enumerable: true,
      writable: true,
      configurable: true,
    });
    return { data: copy, how: `tree:add ${where}.${k}` };
  }
  (parent as Record<string | number, unknown>)[key] = String(current);
  return { data: copy, how: `tree:stringify ${where}` };
}

function mutateText(text: string, rng: Prng): { text: string; how: string } {
  const lines = text.split('\n');
  const n = 1 + rng.int(3);
  const done: string[] = [];
  for (let m = 0; m < n; m++) {
    const i = rng.int(lines.length);
    const op = rng.int(6);
    if (op === 0) {
      lines.splice(i, 1);
      done.push(`delete line ${i + 1}`);
    } else if (op === 1) {
      lines.splice(i, 0, lines[rng.int(lines.length)] ?? '');
      done.push(`copy a line to ${i + 1}`);
    } else if (op === 2) {
      const line = lines[i] ?? '';
      const at = rng.int(line.length + 1);
      const t = rng.pick(TOKENS);
      lines[i] = line.slice(0, at) + t + line.slice(at);
      done.push(`insert ${JSON.stringify(t)} at ${i + 1}:${at + 1}`);
    } else if (op === 3) {
      const line = lines[i] ?? '';
      lines[i] = (rng.next() < 0.5 ? ' ' : '') + line.replace(/^ {2}/, rng.next() < 0.5 ? '' : '    ');
      done.push(`re-indent line ${i + 1}`);
    } else if (op === 4) {
      const line = lines[i] ?? '';
      lines[i] = line.replace(/-?\d+(\.\d+)?(e[+-]?\d+)?/, rng.pick(['1e308', '-0', '9e15', '0', '1e-400']));
      done.push(`number on line ${i + 1}`);
    } else {
      const j = rng.int(lines.length);
      const a = lines[i] ?? '';
      lines[i] = lines[j] ?? '';
      lines[j] = a;
      done.push(`swap lines ${i + 1} and ${j + 1}`);
    }
  }
  return { text: lines.join('\n'), how: `text:${done.join(', ')}` };
}

/**
 * YAML's own structure: anchors and aliases (damaged, cyclic, a bomb), deep nesting, empty documents,
 * multiple documents, and JSON's syntax errors.
 */
function mutateStructure(text: string, rng: Prng): { text: string; how: string } {
  const lines = text.split('\n');
  const i = rng.int(lines.length);
  const line = lines[i] ?? '';
  const op = rng.int(8);
  const m = /^(\s*(?:- )?[\w$.-]+:)\s*(\S.*)?$/.exec(line);
  if (op === 0 && m !== null) {
    // A damaged alias: the anchor misspelt.
    lines[i] = `${m[1]} &anch ${m[2] ?? ''}`;
    const j = Math.min(lines.length - 1, i + 1 + rng.int(20));
    const n = /^(\s*(?:- )?[\w$.-]+:)/.exec(lines[j] ?? '');
    if (n !== null) lines[j] = `${n[1]} *${rng.next() < 0.5 ? 'anch' : 'anhc'}`;
    return { text: lines.join('\n'), how: `yaml:alias lines ${i + 1}→${j + 1}` };
  }
  if (op === 1 && m !== null) {
    lines[i] = `${m[1]} &loop [*loop]`;
    return { text: lines.join('\n'), how: `yaml:cyclic alias line ${i + 1}` };
  }
  if (op === 2) {
    const bomb = ['x0: &x0 [a, a, a, a, a, a, a, a, a]'];
    for (let k = 1; k < 8; k++)
      bomb.push(
        `x${k}: &x${k} [${Array(9)
          .fill(`*x${k - 1}`)
          .join(', ')}]`,
      );
    return { text: bomb.join('\n') + '\n' + text, how: 'yaml:alias bomb' };
  }
  if (op === 3 && m !== null) {
    const d = rng.pick([60, 70, 300, 2000]);
    lines[i] = `${m[1]} ${'['.repeat(d)}${']'.repeat(d)}`;
    return { text: lines.join('\n'), how: `yaml:nest ${d} at line ${i + 1}` };
  }
  if (op === 4) return { text: rng.pick(['', '# nothing\n', '---\n', '...\n', '\n\n']), how: 'yaml:empty' };
  if (op === 5) return { text: text + '\n---\n' + text, how: 'yaml:two documents' };
  if (op === 6 && m !== null) {
    lines[i] = `${m[1]} !!binary ${m[2] ?? ''}`;
    return { text: lines.join('\n'), how: `yaml:tag line ${i + 1}` };
  }
  const at = rng.int(text.length);
  return {
    text: text.slice(0, at) + rng.pick(['&', '*', '!', '%', '@', '`']) + text.slice(at),
    how: `yaml:indicator at ${at}`,
  };
}

function mutateBytes(text: string, rng: Prng): { text: string; how: string } {
  const buf = Buffer.from(text, 'utf8');
  const op = rng.int(3);
  if (op === 0) {
    const at = rng.int(buf.length);
    const len = 1 + rng.int(Math.max(1, Math.floor(buf.length / 10)));
    return {
      text: buf.subarray(0, at).toString('utf8'),
      how: `bytes:truncate at ${at}` + (len > 0 ? '' : ''),
    };
  }
  const n = 1 + rng.int(8);
  for (let k = 0; k < n; k++) {
    const at = rng.int(buf.length);
    buf[at] = op === 1 ? (buf[at] ?? 0) ^ (1 << rng.int(8)) : rng.int(256);
  }
  return { text: buf.toString('utf8'), how: `bytes:${op === 1 ? 'flip' : 'set'} ${n}` };
}

/** Input `index` of the run seeded `seed`. */
export function makeInput(corpus: readonly CorpusFile[], seed: number, index: number): FuzzInput {
  const rng = new Prng(seed, index);
  const total = corpus.reduce((s, f) => s + f.weight, 0);
  let r = rng.next() * total;
  let file = corpus[0] as CorpusFile;
  for (const f of corpus) {
    r -= f.weight;
    if (r <= 0) {
      file = f;
      break;
    }
  }
  const kind = rng.next();
  const stem = file.name.replace(/\.ya?ml$/, '');
  if (kind < 0.7 && file.data !== null) {
    let data: unknown = file.data;
    const hows: string[] = [];
    const n = 1 + (rng.next() < 0.3 ? rng.int(3) : 0);
    for (let i = 0; i < n; i++) {
      const m = mutateTree(data, rng);
      data = m.data;
      hows.push(m.how);
    }
    const json = rng.next() < 0.3;
    const text = json ? JSON.stringify(data, null, rng.next() < 0.5 ? 2 : undefined) : safeStringify(data);
    return {
      index,
      name: `${stem}.${json ? 'json' : 'yaml'}`,
      text: text ?? 'null',
      how: hows.join('; '),
      from: file.name,
    };
  }
  const m =
    kind < 0.85
      ? mutateText(file.text, rng)
      : kind < 0.93
        ? mutateStructure(file.text, rng)
        : mutateBytes(file.text, rng);
  return { index, name: `${stem}.yaml`, text: m.text, how: m.how, from: file.name };
}

function safeStringify(data: unknown): string {
  try {
    return stringify(data, { aliasDuplicateObjects: false });
  } catch {
    return JSON.stringify(data) ?? 'null';
  }
}
