/**
 * Effective parameters: every value that drives the assurance model and the credibility games, with where
 * it came from (the file, or a code default) and how it is labelled (the nearest `source` map), so that
 * no default changes a finding unseen (`bulwark show --assumptions`).
 *
 * The walk is generic: only the group roots below are named. Every leaf of the validated scenario under
 * a root is a row, so a field added to the schema appears without a change here; a field the schema
 * declares optional and the scenario leaves out is a row too, valued `not set` (the model then falls back
 * on its own behaviour).
 */
import { z } from 'zod';
import { applyVariantEdit } from './validate.js';
import { Distribution, Scenario } from './schema.js';

export const parameterGroups = [
  'adversary',
  'guarantor',
  'assurance',
  'calibration',
  'nations',
  'catalog',
] as const;
export type ParameterGroup = (typeof parameterGroups)[number];

export interface ParameterLabel {
  /** The cited source's kind, or `unlabelled` when no `source` map covers the parameter. */
  readonly kind: 'source' | 'derived' | 'assumption' | 'unlabelled';
  /** Id in `meta.sources`. */
  readonly sourceId?: string;
  readonly citation?: string;
  /**
   * `field`: a source-map key named the field (or the sub-block holding it); `block`: the parameter is
   * covered only by a block's `"*"` or by a single source id for the whole block.
   */
  readonly by?: 'field' | 'block';
  /** Where the label was found, e.g. `assurance.source["*"]` or `nations[GBR].source.casualtyTolerance`. */
  readonly via?: string;
}

export interface ParameterRow {
  readonly group: ParameterGroup;
  /** E.g. `assurance.theta`, `adversary.ladder[2].upPerDay`, `nations[GBR].casualtyTolerance`. */
  readonly path: string;
  /** Human-readable: numbers as JavaScript prints them, distributions as `Beta(2, 3)`, absent as `not set`. */
  readonly value: string;
  /** `file` when the leaf is written in the (variant-patched) file, `default` when the code supplies it. */
  readonly origin: 'file' | 'default';
  readonly label: ParameterLabel;
}

/** The value of an optional field the scenario leaves out. */
export const NOT_SET = 'not set';

/**
 * Fields that name or describe a block rather than parametrise it (ids, names, notes, the nation a block is
 * about, the source map itself): not rows.
 */
const identityKeys: ReadonlySet<string> = new Set(['id', 'name', 'description', 'note', 'nation', 'source']);

type SourceRef = string | Readonly<Record<string, string>>;

/** A block with a `source` map on the way from the scenario root to a leaf; `key` is the child followed. */
interface Scope {
  readonly ref: SourceRef;
  readonly at: string;
  readonly key: string;
}

interface Node {
  readonly value: unknown;
  readonly raw: unknown;
  readonly schema: z.ZodType | undefined;
  readonly path: string;
  /** Nearest first. */
  readonly scopes: readonly Scope[];
}

/**
 * Every effective parameter of `s` under the group roots (`adversary`, `guarantor.backstop`,
 * `assurance` with `assurance.calibration` as its own group, each coalition nation's or stated
 * `casualtyTolerance`, each unit type's `combatPower`), in group order and then schema order.
 *
 * `raw` is the parsed file before zod defaults, with the same variants applied as `s` (`rawWithVariants`);
 * a leaf absent from it at the same path (list elements with an `id` matched by id) is `default`.
 * Labels: at the nearest block with a `source`, the field's own key (or the key of the sub-block holding
 * it), else that block's `"*"` (a single id covers the whole block), else the same at the enclosing block;
 * the id is looked up in `s.meta.sources`. Never throws on a valid scenario.
 */
export function effectiveParameters(raw: unknown, s: Scenario): ParameterRow[] {
  const rows: ParameterRow[] = [];
  const emit =
    (group: ParameterGroup) =>
    (n: Node, value: string, inFile: boolean): void => {
      const origin = inFile ? 'file' : 'default';
      rows.push({ group, path: n.path, value, origin, label: resolveLabel(n.scopes, s.meta.sources) });
    };
  const root: Node = { value: s, raw, schema: Scenario, path: '', scopes: [] };

  const adversary = descend(root, 'adversary');
  walk(adversary, emit('adversary'));

  const guarantor = descend(root, 'guarantor');
  walk(guarantor.value === undefined ? guarantor : descend(guarantor, 'backstop'), emit('guarantor'));

  const assurance = descend(root, 'assurance');
  walk(assurance, emit('assurance'), new Set(['calibration']));
  walk(descend(assurance, 'calibration'), emit('calibration'));

  // Only coalition nations contribute forces, so only their tolerances can drive the model; a stated
  // tolerance of any other nation is listed as written.
  for (const nation of elements(descend(root, 'nations'), 'nations'))
    if (
      isRecord(nation.value) &&
      (nation.value['role'] === 'coalition' || 'casualtyTolerance' in nation.value)
    )
      walk(descend(nation, 'casualtyTolerance'), emit('nations'));
  for (const unit of elements(descend(root, 'catalog'), 'catalog'))
    walk(descend(unit, 'combatPower'), emit('catalog'));
  return rows;
}

/**
 * The raw file data with the named variants' edits applied in order, as `applyVariants` applies them to
 * the validated scenario; each variant is looked up in the data as edited so far. An unknown id is
 * skipped (validation reports it).
 */
export function rawWithVariants(raw: unknown, ids: readonly string[]): unknown {
  let current = raw;
  for (const id of ids) {
    const list = isRecord(current) ? current['variants'] : undefined;
    const v: unknown = Array.isArray(list)
      ? list.find((e: unknown) => isRecord(e) && e['id'] === id)
      : undefined;
    if (isRecord(v)) current = applyVariantEdit(current, v);
  }
  return current;
}

/** The rows by group, in `parameterGroups` order; a group with no rows is left out. */
export function groupParameters(
  rows: readonly ParameterRow[],
): { readonly group: ParameterGroup; readonly rows: readonly ParameterRow[] }[] {
  return parameterGroups
    .map((group) => ({ group, rows: rows.filter((r) => r.group === group) }))
    .filter((g) => g.rows.length > 0);
}

/**
 * A parameter value in words: `Normal(1, 1.5)`, `LogNormal(median 10, σ 1)`, `Beta(2, 3)` (a distribution
 * or an `{alpha, beta}` pair), `[a, b]` for lists, numbers and text as they are, `not set` when absent.
 */
export function formatParameterValue(v: unknown): string {
  if (v === undefined || v === null) return NOT_SET;
  const d = Distribution.safeParse(v);
  if (d.success) return formatDistribution(d.data);
  if (isBetaPair(v)) return `Beta(${v.alpha}, ${v.beta})`;
  if (Array.isArray(v)) return `[${v.map(formatParameterValue).join(', ')}]`;
  if (isRecord(v)) {
    const { dist, ...rest } = v;
    const args = Object.entries(rest).map(([k, x]) => `${k} ${formatParameterValue(x)}`);
    return `${typeof dist === 'string' ? dist : ''}(${args.join(', ')})`;
  }
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return typeof v;
}

function formatDistribution(d: Distribution): string {
  switch (d.dist) {
    case 'fixed':
      return `Fixed(${d.value})`;
    case 'uniform':
      return `Uniform(${d.min}, ${d.max})`;
    case 'triangular':
      return `Triangular(${d.min}, ${d.mode}, ${d.max})`;
    case 'normal':
      return `Normal(${d.mean}, ${d.sd})`;
    case 'lognormal':
      return `LogNormal(median ${d.median}, σ ${d.sigma})`;
    case 'beta':
      return `Beta(${d.alpha}, ${d.beta})`;
    default: {
      const never: never = d;
      return String(never);
    }
  }
}

/** Emits the rows under `n` (one `not set` row when `n` is absent), skipping the child keys in `skip`. */
function walk(
  n: Node,
  emit: (n: Node, value: string, inFile: boolean) => void,
  skip: ReadonlySet<string> = new Set(),
): void {
  if (n.value === undefined) return emit(n, NOT_SET, false);
  if (isUnit(n.value)) return emit(n, formatParameterValue(n.value), n.raw !== undefined);
  if (Array.isArray(n.value)) {
    for (const e of elements(n)) walk(e, emit, new Set());
    return;
  }
  const value = n.value as Record<string, unknown>;
  const declared = isRecord(value) ? objectKeys(n.schema) : [];
  const keys = [...declared, ...Object.keys(value).filter((k) => !declared.includes(k))];
  for (const key of keys)
    if (!identityKeys.has(key) && !skip.has(key)) walk(descend(n, key), emit, new Set());
}

/** The child `key` of an object node: its value, raw value, schema and source scopes. */
function descend(n: Node, key: string): Node {
  const value = isRecord(n.value) ? n.value[key] : undefined;
  const ref = isRecord(n.value) ? asSourceRef(n.value['source']) : undefined;
  return {
    value,
    raw: isRecord(n.raw) ? n.raw[key] : undefined,
    schema: objectShape(n.schema)?.[key],
    path: n.path === '' ? key : `${n.path}.${key}`,
    scopes: ref === undefined ? n.scopes : [{ ref, at: n.path, key }, ...n.scopes],
  };
}

/**
 * The elements of a list node. Raw elements are matched by `id` where the element has one, else by
 * position. Paths use the id for the top-level lists (`nations[GBR]`) and the position inside a block,
 * where order is meaning (`adversary.ladder[2]` is level 2).
 */
function elements(n: Node, topLevel?: string): Node[] {
  if (!Array.isArray(n.value)) return [];
  const rawList: unknown[] = Array.isArray(n.raw) ? (n.raw as unknown[]) : [];
  const element = unwrap(n.schema);
  const schema = element instanceof z.ZodArray ? (element.element as z.ZodType) : undefined;
  return n.value.map((value: unknown, i) => {
    const id = isRecord(value) && typeof value['id'] === 'string' ? value['id'] : undefined;
    const raw = id === undefined ? rawList[i] : rawList.find((r) => isRecord(r) && r['id'] === id);
    const path = topLevel !== undefined && id !== undefined ? `${topLevel}[${id}]` : `${n.path}[${i}]`;
    return { value, raw, schema, path, scopes: n.scopes };
  });
}

function resolveLabel(scopes: readonly Scope[], sources: Scenario['meta']['sources']): ParameterLabel {
  for (const { ref, at, key } of scopes) {
    const where = `${at}.source`;
    const found: [string, 'field' | 'block', string] | undefined =
      typeof ref === 'string'
        ? [ref, 'block', where]
        : ref[key] !== undefined
          ? [ref[key], 'field', `${where}.${key}`]
          : ref['*'] !== undefined
            ? [ref['*'], 'block', `${where}["*"]`]
            : undefined;
    if (found === undefined) continue;
    const [sourceId, by, via] = found;
    const source = sources[sourceId];
    // An unknown id is a validation error; should one get here, the parameter is as good as unlabelled.
    if (source === undefined) return { kind: 'unlabelled', sourceId, by, via };
    return { kind: source.kind, sourceId, citation: source.citation, by, via };
  }
  return { kind: 'unlabelled' };
}

/** A value shown as one row: not an object to walk into (a distribution or `{alpha, beta}` is one value). */
function isUnit(v: unknown): boolean {
  if (Array.isArray(v)) return !v.some((e) => isRecord(e) || Array.isArray(e));
  if (!isRecord(v)) return true;
  return typeof v['dist'] === 'string' || isBetaPair(v);
}

function isBetaPair(v: unknown): v is { alpha: number; beta: number } {
  return (
    isRecord(v) &&
    Object.keys(v).length === 2 &&
    typeof v['alpha'] === 'number' &&
    typeof v['beta'] === 'number'
  );
}

function asSourceRef(v: unknown): SourceRef | undefined {
  if (typeof v === 'string') return v;
  if (isRecord(v) && Object.values(v).every((x) => typeof x === 'string')) return v as Record<string, string>;
  return undefined;
}

/** A schema without its optional/default wrappers. */
function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let s = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodDefault) s = s.unwrap() as z.ZodType;
  return s;
}

function objectShape(schema: z.ZodType | undefined): Readonly<Record<string, z.ZodType>> | undefined {
  const s = unwrap(schema);
  return s instanceof z.ZodObject ? s.shape : undefined;
}

/** The fields an object schema declares, in schema order (none when the schema is unknown). */
function objectKeys(schema: z.ZodType | undefined): string[] {
  return Object.keys(objectShape(schema) ?? {});
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
