/**
 * Positions of fields in a parsed YAML/JSON document: from an issue's field path to the 1-based line and
 * column of the node (or the nearest enclosing node that exists, for missing fields).
 */
import type { Document, LineCounter, Node } from 'yaml';
import { yaml } from './yaml.js';
import type { FieldPath, Issue } from '../../core/shared/index.js';

export interface Position {
  readonly line: number;
  readonly column: number;
}

/** Position of the value at `path` (or of the key, for an unknown key), falling back to the deepest ancestor. */
export function positionOf(doc: Document, counter: LineCounter, path: FieldPath): Position | undefined {
  const { isMap, isPair, isScalar, isSeq } = yaml();
  let node: unknown = doc.contents;
  let best: [number, number, number] | undefined = rangeOf(node);
  for (const part of path) {
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(part),
      );
      if (pair === undefined) break;
      // Point at the key: the value may be far below, or missing.
      best = rangeOf(pair.key) ?? best;
      node = pair.value;
      const r = rangeOf(node);
      if (r !== undefined && !isMap(node) && !isSeq(node)) best = r;
    } else if (isSeq(node) && typeof part === 'number') {
      const item = node.items[part];
      if (item === undefined) break;
      node = item;
      best = rangeOf(node) ?? best;
    } else break;
  }
  if (best === undefined) return undefined;
  const { line, col } = counter.linePos(best[0]);
  return { line, column: col };
}

function rangeOf(node: unknown): [number, number, number] | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ?? undefined;
}

/** Adds file, line and column to each issue. */
export function locate(issues: readonly Issue[], file: string, doc: Document, counter: LineCounter): Issue[] {
  return issues.map((i) => {
    // An empty document has no node to point at: its first line stands for it.
    const pos = positionOf(doc, counter, i.path) ?? { line: 1, column: 1 };
    return { ...i, file, line: pos.line, column: pos.column };
  });
}
