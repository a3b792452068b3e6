/**
 * Textbook games with known equilibria, and a self-check that runs the solvers on them. The CLI reports
 * the result in its closing note, so every answer comes with the evidence that the solvers work.
 */
import { solveOneSidedBayesian, solvePerfectInformation } from './backward-induction.js';
import { normalForm, profitableDeviation } from './normal-form.js';
import { supportEnumeration } from './support-enumeration.js';
import { thresholdByBisection } from './thresholds.js';
import type { Game, GameNode } from './tree.js';

const leaf = (...payoffs: number[]): GameNode => ({ kind: 'terminal', label: '', payoffs });
const decide = (player: number, infoSet: string, moves: [string, GameNode][]): GameNode => ({
  kind: 'decision',
  label: '',
  player,
  infoSet,
  moves: moves.map(([action, node]) => ({ action, node })),
});

/** Selten (1978), "The chain store paradox", stage game: Out (1, 5); In → Fight (0, 0) or Share (2, 2). */
export const chainStoreStage: Game = {
  title: "Selten's chain-store stage game",
  description: 'SPE: In, Share (2, 2).',
  players: ['Entrant', 'Chain store'],
  root: decide(0, 'entrant', [
    ['Out', leaf(1, 5)],
    [
      'In',
      decide(1, 'chain', [
        ['Fight', leaf(0, 0)],
        ['Share', leaf(2, 2)],
      ]),
    ],
  ]),
};

/** Entry deterrence with a non-credible threat: (Out, Fight) is Nash, only (In, Accommodate) is SPE. */
export const entryDeterrence: Game = {
  title: 'Entry deterrence',
  description: 'SPE: In, Accommodate (1, 1); (Out, Fight) is a Nash equilibrium on a non-credible threat.',
  players: ['Entrant', 'Incumbent'],
  root: decide(0, 'entrant', [
    ['Out', leaf(0, 2)],
    [
      'In',
      decide(1, 'incumbent', [
        ['Fight', leaf(-1, -1)],
        ['Accommodate', leaf(1, 1)],
      ]),
    ],
  ]),
};

/** Matching pennies, simultaneous: unique equilibrium, both mix 1/2. */
export const matchingPennies: Game = {
  title: 'Matching pennies',
  description: 'Unique Nash equilibrium: both mix 1/2–1/2.',
  players: ['Even', 'Odd'],
  root: decide(0, 'even', [
    [
      'Heads',
      decide(1, 'odd', [
        ['Heads', leaf(1, -1)],
        ['Tails', leaf(-1, 1)],
      ]),
    ],
    [
      'Tails',
      decide(1, 'odd', [
        ['Heads', leaf(-1, 1)],
        ['Tails', leaf(1, -1)],
      ]),
    ],
  ]),
};

/**
 * Bayesian entry: the incumbent is tough with probability p (fights) or weak (accommodates); the entrant,
 * uninformed, earns b = 2 if accommodated and −c = −1 if fought, so it enters iff p < b / (b + c) = 2/3.
 */
export function bayesianEntry(p: number): Game {
  const branch = (fight: number, accommodate: number): GameNode =>
    decide(0, 'entrant', [
      ['Out', leaf(0, 3)],
      [
        'Enter',
        decide(1, `incumbent-${fight}`, [
          ['Fight', leaf(-1, fight)],
          ['Accommodate', leaf(2, accommodate)],
        ]),
      ],
    ]);
  return {
    title: 'Bayesian entry',
    description: 'The entrant enters iff the probability of a tough incumbent is below 2/3.',
    players: ['Entrant', 'Incumbent'],
    root: {
      kind: 'chance',
      label: '',
      branches: [
        { action: 'Tough', probability: p, node: branch(1, 0) },
        { action: 'Weak', probability: 1 - p, node: branch(-1, 1) },
      ],
    },
  };
}

export interface TextbookCheck {
  readonly name: string;
  readonly expected: string;
  readonly ok: boolean;
}

const close = (a: number, b: number, tol = 1e-6): boolean => Math.abs(a - b) < tol;

/** Runs every solver on the textbook games and says whether it found the known answer. */
export function verifyTextbookCases(): TextbookCheck[] {
  const out: TextbookCheck[] = [];
  const chain = solvePerfectInformation(chainStoreStage);
  out.push({
    name: chainStoreStage.title,
    expected: 'backward induction: In, Share (2, 2)',
    ok: chain.ok && chain.value.choices.map((c) => c.action).join(',') === 'In,Share',
  });
  const entry = solvePerfectInformation(entryDeterrence);
  const threat = new Map([
    ['entrant', 0],
    ['incumbent', 0],
  ]);
  out.push({
    name: entryDeterrence.title,
    expected: 'SPE In, Accommodate; (Out, Fight) Nash but not subgame perfect',
    ok:
      entry.ok &&
      entry.value.choices.map((c) => c.action).join(',') === 'In,Accommodate' &&
      profitableDeviation(entryDeterrence, threat) === undefined,
  });
  const nf = normalForm(matchingPennies);
  const pennies = nf.ok ? supportEnumeration(nf.value) : undefined;
  const eq = pennies?.ok === true ? pennies.value.equilibria : [];
  out.push({
    name: matchingPennies.title,
    expected: 'support enumeration: unique equilibrium, both mix 1/2',
    ok: eq.length === 1 && [...(eq[0]?.row ?? []), ...(eq[0]?.col ?? [])].every((x) => close(x, 0.5)),
  });
  const t = thresholdByBisection((p) => {
    const r = solveOneSidedBayesian(bayesianEntry(p));
    return r.ok && r.value.choices.find((c) => c.infoSet === 'entrant')?.action === 'Enter';
  });
  out.push({
    name: 'Bayesian entry',
    expected: 'one-sided Bayesian solver: entry stops at p* = 2/3',
    ok: t !== null && close(t, 2 / 3),
  });
  return out;
}
