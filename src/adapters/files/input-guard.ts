/**
 * Guards of the YAML/JSON reader against inputs that would exhaust it: a text nested so deep that the
 * parser's recursion overflows (where it would fail at a position that depends on the stack left), and a
 * parsed document whose depth, list lengths or alias expansion exceed `INPUT_LIMITS`, or whose aliases
 * do not resolve or refer to the node that contains them. Every finding is an issue with its position.
 */
import type { Document, LineCounter, Node } from 'yaml';
import { yaml } from './yaml.js';
import { INPUT_LIMITS, issue, type FieldPath, type Issue } from '../../core/shared/index.js';

/**
 * Nesting the text scan allows: beyond the documents' limit (64, checked exactly on the parsed
 * document) and well below the ~900 levels where the YAML parser's recursion overflows.
 */
const SCAN_DEPTH = 256;

const located = (i: Issue, file: string, counter: LineCounter, offset: number): Issue => {
  const { line, col } = counter.linePos(offset);
  return { ...i, file, line, column: col };
};

/**
 * A conservative scan of the raw text for nesting deeper than `SCAN_DEPTH`: flow brackets outside quotes
 * and comments, plus block indentation levels and compact `- ` / `? ` entries. Deterministic (a function
 * of the text only); returns the issue at the first position too deep, or undefined.
 */
export function scanNesting(text: string, file: string, counter: LineCounter): Issue | undefined {
  let flow = 0;
  const indents: number[] = [];
  let quote: '"' | "'" | undefined;
  let lineStart = true;
  let i = 0;
  const tooDeep = (offset: number): Issue =>
    located(
      issue(
        'input.too-deep',
        [],
        `nested deeper than ${INPUT_LIMITS.depth} levels of objects and lists (docs/scenario-reference.md, Size limits)`,
      ),
      file,
      counter,
      offset,
    );
  while (i < text.length) {
    if (lineStart && quote === undefined && flow === 0) {
      lineStart = false;
      let col = 0;
      while (text[i + col] === ' ') col++;
      const c = text[i + col];
      if (c !== '\n' && c !== '\r' && c !== '#' && c !== undefined) {
        while (indents.length > 0 && (indents.at(-1) as number) >= col) indents.pop();
        indents.push(col);
        // Compact nested entries on one line: `- - - x` or `? - x`.
        let j = i + col;
        while ((text[j] === '-' || text[j] === '?') && (text[j + 1] === ' ' || text[j + 1] === '\t')) {
          j += 2;
          while (text[j] === ' ') j++;
          indents.push(j - i);
        }
        if (indents.length > SCAN_DEPTH) return tooDeep(i + col);
      }
    }
    const c = text[i];
    if (c === '\n') {
      lineStart = true;
    } else if (quote !== undefined) {
      if (quote === '"' && c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      // A quote starts a quoted scalar only at a value's start; inside plain text it is a character.
      const prev = text[i - 1];
      if (prev === undefined || ' \t\n[{,:-'.includes(prev)) quote = c;
    } else if (c === '#' && (i === 0 || ' \t\n'.includes(text[i - 1] as string))) {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    } else if (c === '[' || c === '{') {
      flow++;
      if (flow + indents.length > SCAN_DEPTH) return tooDeep(i);
    } else if ((c === ']' || c === '}') && flow > 0) {
      flow--;
    }
    i++;
  }
  return undefined;
}

interface Frame {
  readonly node: Node;
  readonly path: FieldPath;
  readonly depth: number;
  readonly children: { readonly node: Node; readonly key: string | number }[];
  next: number;
  size: number;
}

/**
 * Checks a parsed document's depth, list and object lengths, and aliases (each must name an anchor set
 * before it, not one that contains it, and all together may add at most `INPUT_LIMITS.aliasNodes` nodes).
 * Iterative; returns the first issue of each kind found, in document order.
 */
export function documentIssues(doc: Document, file: string, counter: LineCounter): Issue[] {
  const { isAlias, isMap, isPair, isScalar, isSeq } = yaml();
  const root = doc.contents;
  if (root === null) return [];
  const out: Issue[] = [];
  const codes = new Set<string>();
  const report = (code: string, path: FieldPath, message: string, node: Node): void => {
    if (codes.has(code)) return;
    codes.add(code);
    out.push(located(issue(code, path, message), file, counter, node.range?.[0] ?? 0));
  };
  const anchors = new Map<string, Node>();
  const sizes = new Map<Node, number>();
  const open = new Set<Node>();
  let aliasNodes = 0;
  const stack: Frame[] = [];
  const enter = (node: Node, path: FieldPath, depth: number): number => {
    if (node.anchor !== undefined) anchors.set(node.anchor, node);
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (target === undefined) {
        report(
          'syntax.alias-unknown',
          path,
          `alias *${node.source} names no anchor &${node.source} set before it`,
          node,
        );
        return 1;
      }
      if (open.has(target)) {
        report(
          'syntax.alias-cycle',
          path,
          `alias *${node.source} refers to the node that contains it (a cycle)`,
          node,
        );
        return 1;
      }
      const size = sizes.get(target) ?? 1;
      aliasNodes += size;
      if (aliasNodes > INPUT_LIMITS.aliasNodes)
        report(
          'syntax.alias-expansion',
          path,
          `aliases expand to more than ${INPUT_LIMITS.aliasNodes.toLocaleString('en-GB')} nodes (an "alias bomb"; docs/scenario-reference.md, Size limits)`,
          node,
        );
      return size;
    }
    if (isMap(node) || isSeq(node)) {
      if (depth > INPUT_LIMITS.depth) {
        report(
          'input.too-deep',
          path,
          `nested deeper than ${INPUT_LIMITS.depth} levels of objects and lists (docs/scenario-reference.md, Size limits)`,
          node,
        );
        return 1;
      }
      if (node.items.length > INPUT_LIMITS.items)
        report(
          'input.too-long',
          path,
          `${node.items.length.toLocaleString('en-GB')} entries; at most ${INPUT_LIMITS.items.toLocaleString('en-GB')} in one list or object (docs/scenario-reference.md, Size limits)`,
          node,
        );
      const children: Frame['children'][number][] = [];
      if (isSeq(node))
        node.items.forEach((item, i) => {
          if (isNodeValue(item)) children.push({ node: item, key: i });
        });
      else
        for (const pair of node.items) {
          if (!isPair(pair)) continue;
          const key = isScalar(pair.key) ? String(pair.key.value) : '?';
          if (isNodeValue(pair.key) && !isScalar(pair.key)) children.push({ node: pair.key, key });
          if (isNodeValue(pair.value)) children.push({ node: pair.value, key });
        }
      open.add(node);
      stack.push({ node, path, depth, children, next: 0, size: 1 });
      return -1;
    }
    return 1;
  };
  const first = enter(root, [], 1);
  if (first >= 0) return out;
  while (stack.length > 0 && !codes.has('syntax.alias-expansion')) {
    const top = stack.at(-1) as Frame;
    const child = top.children[top.next++];
    if (child === undefined) {
      stack.pop();
      open.delete(top.node);
      sizes.set(top.node, top.size);
      const parent = stack.at(-1);
      if (parent !== undefined) parent.size += top.size;
      continue;
    }
    const size = enter(child.node, [...top.path, child.key], top.depth + 1);
    if (size >= 0) top.size += size;
  }
  return out;
}

function isNodeValue(v: unknown): v is Node {
  return v !== null && typeof v === 'object' && 'range' in v;
}
