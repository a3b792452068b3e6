/**
 * Limits on the shape of any outside input (scenario files, API bodies, variant patches), so that no input
 * can exhaust the stack (recursive merge patches, hashing, serialisation) or make validation run for
 * minutes. Each is far beyond any real scenario: the deepest field of a built-in is 9 levels down, its
 * longest list 93 items, its file 101 KB (docs/scenario-reference.md, "Size limits").
 */
import { issue, type FieldPath, type Issue } from './issue.js';

export const INPUT_LIMITS = {
  /** Bytes of one scenario file or stream (5 MiB; the default scenario is 101 KB). */
  bytes: 5 * 1024 * 1024,
  /** Nesting depth of objects and lists (the root object is depth 1). */
  depth: 64,
  /** Items of one list, or keys of one object. */
  items: 10_000,
  /** Nodes that YAML aliases may add when expanded (the "billion laughs" expands to 10⁹). */
  aliasNodes: 10_000,
} as const;

/**
 * The first place where `data` nests deeper than `maxDepth` or holds a list (or object) with more than
 * `INPUT_LIMITS.items` entries, as issues (`input.too-deep`, `input.too-long`; at most one of each).
 * Iterative, so any depth is safe to check; a cycle counts as too deep. `depth` is the depth of `data`
 * itself (1 for a document's root).
 */
export function shapeIssues(
  data: unknown,
  maxDepth: number = INPUT_LIMITS.depth,
  prefix: FieldPath = [],
  depth = 1,
): Issue[] {
  const out: Issue[] = [];
  let deep = false;
  let long = false;
  const stack: { value: unknown; path: FieldPath; depth: number }[] = [{ value: data, path: prefix, depth }];
  while (stack.length > 0 && !(deep && long)) {
    const { value, path, depth: d } = stack.pop() as { value: unknown; path: FieldPath; depth: number };
    if (value === null || typeof value !== 'object') continue;
    if (d > maxDepth) {
      if (!deep)
        out.push(
          issue(
            'input.too-deep',
            path,
            `nested deeper than ${maxDepth} levels of objects and lists (docs/scenario-reference.md, Size limits)`,
          ),
        );
      deep = true;
      continue;
    }
    // A plain loop, not `map`: a sparse array's holes must count too.
    const entries: [string | number, unknown][] = [];
    if (Array.isArray(value)) for (let i = 0; i < value.length; i++) entries.push([i, value[i]]);
    else entries.push(...Object.entries(value));
    if (entries.length > INPUT_LIMITS.items && !long) {
      out.push(
        issue(
          'input.too-long',
          path,
          `${entries.length.toLocaleString('en-GB')} entries; at most ${INPUT_LIMITS.items.toLocaleString('en-GB')} in one list or object (docs/scenario-reference.md, Size limits)`,
        ),
      );
      long = true;
    }
    for (let i = entries.length - 1; i >= 0; i--) {
      const [k, v] = entries[i] as [string | number, unknown];
      stack.push({ value: v, path: [...path, k], depth: d + 1 });
    }
  }
  return out;
}
