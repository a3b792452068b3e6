/**
 * Names an id may not take: the members of `Object.prototype` that the id pattern would otherwise admit.
 * Ids key plain-object records (`inventory`, `capabilities`, source maps, variant patches by id), where
 * `record["constructor"]` finds an inherited function instead of nothing: forbidding these names at the
 * boundary keeps every such lookup sound. (`__proto__` and the other `__…__` members already fail the
 * pattern's first character.)
 */
export const RESERVED_IDS = [
  'constructor',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  'toString',
  'valueOf',
] as const;

const reserved: ReadonlySet<string> = new Set(RESERVED_IDS);

/** True for a name that is a member of `Object.prototype` (inherited by every plain object). */
export function isReservedId(name: string): boolean {
  return reserved.has(name) || Object.hasOwn(Object.prototype, name);
}

/** The id pattern, as a regular expression source: letters, digits, `-`, `_`, `.`; no reserved name. */
export const ID_PATTERN = `^(?!(?:${RESERVED_IDS.join('|')})$)[A-Za-z0-9][A-Za-z0-9_.-]*$`;
