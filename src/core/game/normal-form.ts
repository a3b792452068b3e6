/**
 * The (reduced) normal form of a finite extensive-form game, and a check that a pure profile is a Nash
 * equilibrium. A pure strategy picks one action at each of its player's information sets; the *reduced*
 * normal form identifies strategies that differ only at information sets their own earlier moves rule out
 * (Osborne & Rubinstein 1994, *A Course in Game Theory*, §11.1). Sizes grow exponentially: callers pass a
 * limit and get an issue when it is exceeded.
 */
import { fail, issue, ok, type Result } from '../shared/index.js';
import { EPSILON, expectedPayoffs, infoSetsOf, type Game, type GameNode, type InfoSet } from './tree.js';

/** An n-player game in normal form. `payoffs[k]` belongs to the profile with mixed-radix index k. */
export interface NormalForm {
  readonly players: readonly string[];
  /** Per player, labels of its strategies ("Fight" or "In,Fight"; `*` where a reduced strategy is silent). */
  readonly strategies: readonly (readonly string[])[];
  /** Per player, the pure behaviour profile (information set → action index) of each strategy. */
  readonly plans: readonly (readonly ReadonlyMap<string, number>[])[];
  /** Payoff vectors, row-major over players (player 0 slowest). */
  readonly payoffs: readonly (readonly number[])[];
}

/** Payoff vector of a pure profile given as one strategy index per player. */
export function payoffAt(nf: NormalForm, indices: readonly number[]): readonly number[] {
  let k = 0;
  for (let i = 0; i < nf.strategies.length; i++) k = k * (nf.strategies[i]?.length ?? 1) + (indices[i] ?? 0);
  return nf.payoffs[k] ?? [];
}

export interface NormalFormOptions {
  /** Identify strategies that differ only where the player's own moves exclude play. Default true. */
  readonly reduced?: boolean;
  /** Most profiles (product of strategy counts) to build. Default 100,000. */
  readonly maxProfiles?: number;
}

/** The normal form of `game`, or `game.too-large` when it would exceed the profile limit. */
export function normalForm(game: Game, options: NormalFormOptions = {}): Result<NormalForm> {
  const reduced = options.reduced ?? true;
  const limit = options.maxProfiles ?? 100_000;
  const sets = infoSetsOf(game);
  const strategies: string[][] = [];
  const plans: Map<string, number>[][] = [];
  let size = 1;
  for (let p = 0; p < game.players.length; p++) {
    const own = sets.filter((s) => s.player === p);
    const full = own.reduce((n, s) => n * s.actions.length, 1);
    if (!reduced && full > limit)
      return fail([
        issue('game.too-large', ['players', p], `${game.players[p]} has ${full} pure strategies`),
      ]);
    const labels: string[] = [];
    const list: Map<string, number>[] = [];
    const bound = reduced ? reducedPlanBound(game.root, p) : full;
    if (bound > limit)
      return fail([
        issue('game.too-large', ['players', p], `${game.players[p]} has up to ${bound} strategies`),
      ]);
    const candidates = reduced ? reducedPlans(game, p) : [...cartesian(own)];
    if (candidates.length > limit)
      return fail([
        issue('game.too-large', ['players', p], `${game.players[p]} has ${candidates.length} strategies`),
      ]);
    for (const plan of candidates) {
      labels.push(
        own.length === 0
          ? '(no move)'
          : own.map((s) => (plan.has(s.id) ? (s.actions[plan.get(s.id) ?? 0] ?? '') : '*')).join(','),
      );
      list.push(plan);
    }
    strategies.push(labels);
    plans.push(list);
    size *= labels.length;
    if (size > limit)
      return fail([issue('game.too-large', ['players'], `the normal form has over ${limit} profiles`)]);
  }
  const payoffs: number[][] = [];
  const indices = game.players.map(() => 0);
  for (let k = 0; k < size; k++) {
    let rest = k;
    for (let p = game.players.length - 1; p >= 0; p--) {
      const n = strategies[p]?.length ?? 1;
      indices[p] = rest % n;
      rest = Math.floor(rest / n);
    }
    const profile = new Map<string, number>();
    indices.forEach((s, p) => plans[p]?.[s]?.forEach((a, id) => profile.set(id, a)));
    payoffs.push(expectedPayoffs(game, profile));
  }
  return ok({ players: game.players, strategies, plans, payoffs });
}

/**
 * The reduced plans of player p: assignments of actions to exactly the player's information sets that its
 * own choices leave reachable. Built bottom-up: at the player's own nodes one action per plan; elsewhere
 * (chance, other players) every child is reachable, so plans of the children are combined, keeping only
 * consistent combinations (an information set may span several subtrees). Sorted as found (first action
 * first, left subtree slowest).
 */
export function reducedPlans(game: Game, p: number): Map<string, number>[] {
  const plansOf = (node: GameNode): Map<string, number>[] => {
    switch (node.kind) {
      case 'terminal':
        return [new Map<string, number>()];
      case 'decision':
        if (node.player === p)
          return node.moves.flatMap((m, a) =>
            plansOf(m.node).flatMap((plan) => {
              const have = plan.get(node.infoSet);
              if (have !== undefined && have !== a) return [];
              return [new Map([[node.infoSet, a], ...plan])];
            }),
          );
        return combine(node.moves.map((m) => plansOf(m.node)));
      case 'chance':
        return combine(node.branches.map((b) => plansOf(b.node)));
    }
  };
  const combine = (parts: readonly Map<string, number>[][]): Map<string, number>[] => {
    let acc: Map<string, number>[] = [new Map<string, number>()];
    for (const part of parts) {
      const next: Map<string, number>[] = [];
      for (const a of acc)
        for (const b of part) {
          let consistent = true;
          for (const [k, v] of b) if (a.has(k) && a.get(k) !== v) consistent = false;
          if (consistent) next.push(new Map([...a, ...b]));
        }
      acc = dedupe(next);
    }
    return acc;
  };
  return dedupe(plansOf(game.root));
}

/**
 * An upper bound on the number of reduced plans of player p below `node`, without building them: a sum over
 * the player's own actions, a product over other children (merges across information sets only reduce it).
 */
function reducedPlanBound(node: GameNode, p: number): number {
  switch (node.kind) {
    case 'terminal':
      return 1;
    case 'decision':
      return node.player === p
        ? node.moves.reduce((n, m) => n + reducedPlanBound(m.node, p), 0)
        : node.moves.reduce((n, m) => n * reducedPlanBound(m.node, p), 1);
    case 'chance':
      return node.branches.reduce((n, b) => n * reducedPlanBound(b.node, p), 1);
  }
}

function dedupe(plans: Map<string, number>[]): Map<string, number>[] {
  const seen = new Set<string>();
  return plans.filter((m) => {
    const key = [...m]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${k}=${v}`)
      .join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Every full plan over the given information sets (odometer order, first set slowest). */
function* cartesian(sets: readonly InfoSet[]): Generator<Map<string, number>> {
  const idx = sets.map(() => 0);
  for (;;) {
    yield new Map(sets.map((s, i) => [s.id, idx[i] ?? 0]));
    let i = sets.length - 1;
    while (i >= 0 && (idx[i] ?? 0) + 1 >= (sets[i]?.actions.length ?? 1)) idx[i--] = 0;
    if (i < 0) return;
    idx[i] = (idx[i] ?? 0) + 1;
  }
}

/** A profitable pure deviation from a profile, if any. */
export interface Deviation {
  readonly player: number;
  /** The deviating plan (information set → action label, `*` where unreached). */
  readonly strategy: string;
  readonly gain: number;
}

/**
 * Player p's best response to the other players' pure choices in `profile`: its expected payoff and plan.
 * Computed without enumerating strategies, which perfect recall allows: the player's information sets reached
 * after one of its own choices are reached only after that choice, so each information set's action can be
 * chosen to maximise the payoff summed over its nodes, weighted by their reach probability under chance
 * and the others' play (the recursion behind sequence-form best responses; von Stengel 1996).
 */
export function bestResponse(
  game: Game,
  profile: ReadonlyMap<string, number>,
  p: number,
): { value: number; plan: Map<string, number> } {
  const plan = new Map<string, number>();
  const solveContext = (roots: readonly { node: GameNode; w: number }[]): number => {
    let total = 0;
    const pending = new Map<string, { node: GameNode & { kind: 'decision' }; w: number }[]>();
    const expand = (node: GameNode, w: number): void => {
      if (w === 0) return;
      switch (node.kind) {
        case 'terminal':
          total += w * (node.payoffs[p] ?? 0);
          return;
        case 'chance':
          for (const b of node.branches) expand(b.node, w * b.probability);
          return;
        case 'decision': {
          if (node.player === p) {
            const list = pending.get(node.infoSet) ?? [];
            list.push({ node, w });
            pending.set(node.infoSet, list);
            return;
          }
          const m = node.moves[profile.get(node.infoSet) ?? 0];
          if (m !== undefined) expand(m.node, w);
          return;
        }
      }
    };
    for (const r of roots) expand(r.node, r.w);
    for (const [id, members] of pending) {
      const first = members[0]?.node;
      let best = -Infinity;
      let arg = 0;
      first?.moves.forEach((_, a) => {
        const v = solveContext(members.map((m) => ({ node: m.node.moves[a]?.node ?? m.node, w: m.w })));
        if (a === 0 || v > best + EPSILON * Math.max(1, Math.abs(best))) [best, arg] = [v, a];
      });
      plan.set(id, arg);
      total += best;
    }
    return total;
  };
  return { value: solveContext([{ node: game.root, w: 1 }]), plan };
}

/**
 * Whether the pure profile (information set → action index) is a Nash equilibrium: no player gains more than
 * `EPSILON` by switching strategy (best response computed exactly, see `bestResponse`). Returns the largest
 * profitable deviation found, or undefined when none pays.
 */
export function profitableDeviation(game: Game, profile: ReadonlyMap<string, number>): Deviation | undefined {
  const base = expectedPayoffs(game, profile);
  const sets = infoSetsOf(game);
  let best: Deviation | undefined;
  for (let p = 0; p < game.players.length; p++) {
    const br = bestResponse(game, profile, p);
    const gain = br.value - (base[p] ?? 0);
    if (gain > EPSILON * Math.max(1, Math.abs(base[p] ?? 0)) && (best === undefined || gain > best.gain)) {
      const own = sets.filter((s) => s.player === p);
      const strategy = own
        .map((s) => (br.plan.has(s.id) ? s.actions[br.plan.get(s.id) ?? 0] : '*'))
        .join(',');
      best = { player: p, strategy, gain };
    }
  }
  return best;
}
