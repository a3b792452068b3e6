/**
 * JSON Merge Patch (RFC 7396) with one extension for arrays of objects that have an `id`: the patch may be
 * an object keyed by id, where `null` removes the element and an object merges into it (or, for a new id,
 * appends it). A patch that is an array replaces the array, as in RFC 7396.
 */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return patch;
  if (Array.isArray(target) && target.every((e) => isPlainObject(e) && typeof e['id'] === 'string')) {
    return patchById(target as Record<string, unknown>[], patch);
  }
  const base: Record<string, unknown> = isPlainObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete base[key];
    // An own property even for `__proto__` (assignment would set the prototype): the schema then
    // reports it as an unknown field instead of inheriting what it holds.
    else define(base, key, mergePatch(Object.hasOwn(base, key) ? base[key] : undefined, value));
  }
  return base;
}

function define(o: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

function patchById(target: Record<string, unknown>[], patch: Record<string, unknown>): unknown[] {
  const out: unknown[] = [];
  for (const element of target) {
    const id = element['id'] as string;
    if (!Object.hasOwn(patch, id)) out.push(element);
    else if (patch[id] !== null) out.push(mergePatch(element, patch[id]));
  }
  const existing = new Set(target.map((e) => e['id'] as string));
  for (const [id, value] of Object.entries(patch)) {
    if (!existing.has(id) && value !== null) out.push(mergePatch({ id }, value));
  }
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
