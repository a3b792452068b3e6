/**
 * The rule state of each workspace scenario, kept between requests so that an edit re-checks only what it
 * can affect (`nextRuleState`) and a read can show each object's issues without checking the scenario
 * again. Holds one state per scenario: the last one committed or read.
 */
import { nextRuleState, ruleState, type RuleState, type Scenario } from '../core/scenario/index.js';
import type { Issue } from '../core/shared/index.js';

export class ScenarioRules {
  private readonly states = new Map<string, RuleState>();
  private readonly byObject = new WeakMap<RuleState, Map<string, Issue[]>>();

  /** The rule state of `doc` (the scenario `id` as stored or as an edit would leave it). */
  check(id: string, doc: Scenario): RuleState {
    const prev = this.states.get(id);
    return prev === undefined ? ruleState(doc) : nextRuleState(prev, doc);
  }

  /** Keeps `state` as the scenario's current one (after a commit or a read of the stored version). */
  remember(id: string, state: RuleState): void {
    this.states.set(id, state);
  }

  /**
   * The issues (warnings, and errors for data saved before a rule existed) of each object of the stored
   * scenario `doc`, keyed `collection/id`, their paths by id (`pledges.gbr-air.units`).
   */
  issuesByObject(
    id: string,
    doc: Scenario,
    idPaths: (doc: Scenario, issues: readonly Issue[]) => Issue[],
  ): Map<string, Issue[]> {
    const state = this.check(id, doc);
    this.remember(id, state);
    let grouped = this.byObject.get(state);
    if (grouped === undefined) {
      grouped = new Map();
      for (const i of idPaths(doc, state.issues)) {
        const [head, objectId] = i.path;
        if (typeof head !== 'string' || typeof objectId !== 'string') continue;
        const key = `${head}/${objectId}`;
        const list = grouped.get(key);
        if (list) list.push(i);
        else grouped.set(key, [i]);
      }
      this.byObject.set(state, grouped);
    }
    return grouped;
  }
}
