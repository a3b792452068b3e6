/**
 * Incremental rule checks (issue 18 item 6): after an edit, re-run only the rules the edit can affect and
 * reuse the rest from the previous check, with exactly the issues `checkRules` gives, in its order.
 *
 * `checkRules` is the scenario-wide rules (`globalIssues`, which read no pledge), the pledge-id check, and
 * one part per nation (`nationPledgeIssues`), which reads that nation's pledges and the rest of the
 * scenario but no other nation's pledge. So when only `pledges` changed (every other top-level value is
 * the same object), the scenario-wide issues stand, and a nation's part stands when its pledges are the
 * same objects in the same order; the parts of the nations whose pledges were added, removed or replaced
 * (before and after: a pledge moved from one nation to another dirties both) are checked again. Any other
 * change checks everything. Issues are immutable values; a reused part only has its pledge indices moved.
 */
import type { Issue } from '../shared/index.js';
import { globalIssues, nationPledgeIssues, pledgeIdIssues, pledgesByNation } from './rules.js';
import type { Scenario } from './schema.js';

/** A scenario with every issue of its rules, and the parts they were assembled from. */
export interface RuleState {
  readonly scenario: Scenario;
  /** Equal to `checkRules(scenario)`. */
  readonly issues: readonly Issue[];
  readonly global: readonly Issue[];
  /** Per nation id: its pledges' ids in order and its part's issues (pledge paths by index in `scenario`). */
  readonly nations: ReadonlyMap<string, NationPart>;
  /** How much was checked again to get here: `full`, or the nations whose part was re-run. */
  readonly rechecked: 'full' | readonly string[];
}

interface NationPart {
  readonly ids: readonly string[];
  readonly issues: readonly Issue[];
}

/** Checks every rule of `s`. */
export function ruleState(s: Scenario): RuleState {
  return assemble(s, globalIssues(s), () => undefined, 'full');
}

/**
 * The rule state of `s`, reusing what `prev` checked where the edit from `prev.scenario` to `s` cannot
 * have changed it. Correct for any `prev` (an unrelated one only costs a full check).
 */
export function nextRuleState(prev: RuleState, s: Scenario): RuleState {
  if (prev.scenario === s) return prev;
  if (!onlyPledgesDiffer(prev.scenario, s)) return ruleState(s);
  const before = uniqueIdMap(prev.scenario.pledges);
  const after = uniqueIdMap(s.pledges);
  // Duplicate ids make "the same pledge" ambiguous (and are an error anyway): check everything.
  if (before === undefined || after === undefined) return ruleState(s);
  const dirty = new Set<string>();
  for (const p of s.pledges) {
    const old = before.get(p.id);
    if (old === p) continue;
    dirty.add(p.nation);
    if (old !== undefined) dirty.add(old.nation);
  }
  for (const [id, old] of before) if (!after.has(id)) dirty.add(old.nation);
  const oldIndexToId = prev.scenario.pledges.map((p) => p.id);
  const reuse = (nation: string, ids: readonly string[]): readonly Issue[] | undefined => {
    if (dirty.has(nation)) return undefined;
    const part = prev.nations.get(nation);
    if (part === undefined || !sameList(part.ids, ids)) return undefined;
    return part.issues.map((i) => {
      const [head, index, ...rest] = i.path;
      if (head !== 'pledges' || typeof index !== 'number') return i;
      const moved = after.get(oldIndexToId[index] ?? '');
      const at = moved === undefined ? -1 : s.pledges.indexOf(moved);
      return at === index ? i : { ...i, path: ['pledges', at, ...rest] };
    });
  };
  return assemble(s, prev.global, reuse, [...dirty].sort());
}

function assemble(
  s: Scenario,
  global: readonly Issue[],
  reuse: (nation: string, ids: readonly string[]) => readonly Issue[] | undefined,
  rechecked: RuleState['rechecked'],
): RuleState {
  const issues: Issue[] = [...global, ...pledgeIdIssues(s)];
  const nations = new Map<string, NationPart>();
  for (const [nation, indices] of pledgesByNation(s)) {
    const ids = indices.map((i) => s.pledges[i]?.id ?? '');
    const part = reuse(nation, ids) ?? nationPledgeIssues(s, indices);
    nations.set(nation, { ids, issues: part });
    issues.push(...part);
  }
  return { scenario: s, issues, global, nations, rechecked };
}

/** True when every top-level value but `pledges` is the same object (or both absent). */
function onlyPledgesDiffer(a: Scenario, b: Scenario): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    if (k === 'pledges') continue;
    if ((a as Record<string, unknown>)[k] !== (b as Record<string, unknown>)[k]) return false;
  }
  return true;
}

function uniqueIdMap<T extends { id: string }>(items: readonly T[]): Map<string, T> | undefined {
  const out = new Map<string, T>();
  for (const x of items) {
    if (out.has(x.id)) return undefined;
    out.set(x.id, x);
  }
  return out;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
