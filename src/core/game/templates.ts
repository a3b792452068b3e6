/**
 * Credibility games built from a scenario (DESIGN.md §7): the tripwire game, deterrence by the backstop
 * alone, and the coalition's commitment (Stackelberg) choice. Players: Adversary, Coalition, Guarantor.
 * Nature first draws the guarantor's type, *resolute* with probability `prior`; only the adversary is
 * uninformed (the coalition, an ally, is assumed to know the guarantor's mind). See docs/games.md.
 *
 * Payoffs, per outcome (Adversary | Coalition | Guarantor):
 *
 * | outcome                                   | A          | C            | G          |
 * | ----------------------------------------- | ---------- | ------------ | ---------- |
 * | Hold (ceasefire holds)                    | 0          | 0            | 0          |
 * | Test, force fights, guarantor intervenes  | V − W − f  | −k           | −cG        |
 * | Test, force fights, guarantor abstains    | V − f      | −k − L − h   | −r(type)*  |
 * | Test, force withdraws, guarantor interv.  | V − W      | −a           | −cG        |
 * | Test, force withdraws, guarantor abstains | V          | −a − h       | −r(type)   |
 *
 * V is the adversary's stakes net of the host's denial, W the guarantor's punishment, f = D_force + R what
 * fighting the force costs it: the same numbers, from the same function (core/assure/deterrence.ts), as
 * the Monte Carlo's hazards, so the adversary tests in the game iff the Monte Carlo's net incentive is
 * positive at the same belief.
 *
 * with r(resolute) > cG > r(irresolute), so the resolute type always intervenes and the irresolute one
 * abstains — except (*) in the `trigger` camp, where, if the expected fatalities of an attack reach the
 * guarantor's fatality threshold, abstaining while the force fights costs any type r(resolute): the
 * tripwire as an automatic trigger. In the `signal` camp the force changes no guarantor's incentives.
 * Adversary payoffs are in the scenario's deterrence units (DESIGN.md §6); the coalition's in shares of its
 * political will; the guarantor's only need the stated order.
 */
import type { Distribution, Scenario } from '../scenario/index.js';
import {
  compileLadder,
  distributionMean,
  emptyDeterrence,
  fillDeterrence,
  perceivedResolve,
} from '../assure/index.js';
import type { Game, GameNode } from './tree.js';

/** How the tripwire works: an automatic trigger of the guarantor's intervention, or a signal only. */
export type TripwireCamp = 'signal' | 'trigger';
export const tripwireCamps: readonly TripwireCamp[] = ['signal', 'trigger'];

export type TemplateKind = 'tripwire' | 'backstop-only' | 'commitment';
export const templateKinds: readonly TemplateKind[] = ['tripwire', 'backstop-only', 'commitment'];

/** The numbers a template game is built from. All finite; `prior` in [0, 1]; costs ≥ 0. */
export interface CredibilityParams {
  /** Probability the guarantor is resolute (the adversary's prior). */
  readonly prior: number;
  /** V: what testing is worth to the adversary net of the host's denial (ρ − D_host), deterrence units. */
  readonly stakes: number;
  /** W: the cost to the adversary of the guarantor's intervention, deterrence units. */
  readonly punishment: number;
  /** The force's own denial D_force, deterrence units (part of f, paid when the force fights). */
  readonly denial: number;
  /** R: the coalition's retaliation when its force fights, deterrence units (the rest of f). */
  readonly retaliation: number;
  /** a: the coalition's audience cost of abandoning the force, will shares. */
  readonly audienceCost: number;
  /** k: the coalition's cost of the casualties of one attack, will shares. */
  readonly casualtyCost: number;
  /** L: the extra cost to the coalition of fighting without the guarantor, will shares. */
  readonly aloneCost: number;
  /** h: the coalition's cost of the host left undefended, will shares. */
  readonly hostLoss: number;
  /** d: the coalition's cost of deploying the force (commitment game), will shares. */
  readonly deployCost: number;
  /** cG: the guarantor's cost of intervening. */
  readonly interventionCost: number;
  /** r(resolute): the resolute guarantor's cost of abstaining (> cG). */
  readonly resoluteAbstainCost: number;
  /** r(irresolute): the irresolute guarantor's cost of abstaining (< cG). */
  readonly irresoluteAbstainCost: number;
  /** True when the expected fatalities of one attack reach the guarantor's fatality threshold. */
  readonly fatalitiesTrigger: boolean;
  readonly camp: TripwireCamp;
}

/** Template assumptions not found in a scenario, with their defaults (all labelled assumptions). */
export interface GameAssumptions {
  /** Audience cost of abandoning the force per 1,000 personnel deployed, will shares. */
  readonly audienceCostPerThousand: number;
  /** Deployment cost per 1,000 personnel, will shares (commitment game). */
  readonly deployCostPerThousand: number;
  /** Fighting without the guarantor multiplies the casualty cost by (1 + this). */
  readonly aloneMultiplier: number;
  readonly hostLoss: number;
  readonly interventionCost: number;
  readonly resoluteAbstainCost: number;
  readonly irresoluteAbstainCost: number;
  /** Used when the scenario has no `assurance.attackFatalities`. */
  readonly attackFatalities: number;
  /** Used when no contributing nation states a casualty tolerance. */
  readonly casualtyTolerance: number;
  /** Used when the scenario has no adversary risk tolerance (or its mean is not positive). */
  readonly stakes: number;
  readonly camp: TripwireCamp;
}

export const defaultAssumptions: Readonly<GameAssumptions> = Object.freeze({
  audienceCostPerThousand: 0.1,
  deployCostPerThousand: 0.02,
  aloneMultiplier: 2,
  hostLoss: 1,
  interventionCost: 1,
  resoluteAbstainCost: 2,
  irresoluteAbstainCost: 0.5,
  attackFatalities: 10,
  casualtyTolerance: 100,
  stakes: 1,
  camp: 'signal',
});

/** Where a parameter's value came from, in words. */
export interface ParamSource {
  readonly kind: 'scenario' | 'assumption';
  readonly note: string;
}

export interface Derivation {
  readonly params: CredibilityParams;
  readonly sources: Readonly<Record<Exclude<keyof CredibilityParams, 'camp'>, ParamSource>>;
  /** The force the parameters describe: its peak period, personnel and combat power. */
  readonly force: { readonly period: number; readonly personnel: number; readonly combatPower: number };
  /** Mean of the guarantor's backstop credibility (the modeller's estimate), if the scenario has one. */
  readonly guarantorCredibility: number | undefined;
  /** D_host at the start, netted out of the stakes (V = mean ρ − D_host). */
  readonly hostDenial: number;
  /** The adversary's risk tolerance ρ as the scenario draws it (the Monte Carlo's adversary types). */
  readonly riskTolerance: Distribution | undefined;
}

/**
 * Template parameters from a validated scenario. The force is the active pledges in the period where
 * they deploy the most personnel. Every parameter says whether it came from the scenario or is an assumption.
 */
export function deriveParams(s: Scenario, overrides: Partial<GameAssumptions> = {}): Derivation {
  const c = s.assurance.commitment;
  const as: GameAssumptions = {
    ...defaultAssumptions,
    audienceCostPerThousand: c.audienceCostPerThousand,
    aloneMultiplier: c.aloneMultiplier,
    hostLoss: c.hostLoss,
    camp: s.assurance.tripwire,
    ...overrides,
  };
  const scen = (note: string): ParamSource => ({ kind: 'scenario', note });
  const assumed = (note: string): ParamSource => ({ kind: 'assumption', note });
  const noAttack = s.assurance.attack === undefined && s.assurance.attackFatalities === undefined;
  // The same compiled model the Monte Carlo runs (the pledged force), with the game's overrides.
  const model: Scenario = {
    ...s,
    adversary: s.adversary ?? {
      nation: 'XXX',
      ladder: [],
      riskTolerance: { dist: 'fixed', value: as.stakes },
      priorResolve: { alpha: 1, beta: 1 },
    },
    assurance: {
      ...s.assurance,
      commitment: {
        audienceCostPerThousand: as.audienceCostPerThousand,
        aloneMultiplier: as.aloneMultiplier,
        hostLoss: as.hostLoss,
      },
      tripwire: as.camp,
      ...(noAttack ? { attackFatalities: { dist: 'fixed', value: as.attackFatalities } } : {}),
    },
  };
  const m = compileLadder(model);
  let period = 0;
  let personnel = 0;
  for (let p = 0; p < m.periods; p++) {
    let n = 0;
    for (let k = 0; k < m.nations; k++) n += m.personnel[p * m.nations + k]!;
    if (n > personnel) [period, personnel] = [p, n];
  }
  let combatPower = 0;
  let exposed = 0;
  let tolerant = false;
  for (let k = 0; k < m.nations; k++) {
    combatPower += m.combat[period * m.nations + k]!;
    exposed += m.exposed[period * m.nations + k]!;
    if (m.hasTolerance[k] === 1 && m.personnel[period * m.nations + k]! > 0) tolerant = true;
  }

  const g = s.guarantor?.backstop;
  const active = m.guarantorActive === 1;
  const credibility = g === undefined ? undefined : distributionMean(g.credibility);
  const pr = s.adversary?.priorResolve;
  let prior: { v: number; src: ParamSource };
  if (!active)
    prior = {
      v: 0,
      src: scen(
        g === undefined ? 'no guarantor: none to be resolute' : 'backstop kind none: it offers nothing',
      ),
    };
  else if (pr !== undefined && credibility !== undefined) {
    const [al, be] = perceivedResolve(pr.alpha, pr.beta, m.visibility, credibility);
    prior = {
      v: al / (al + be),
      src: scen(
        `adversary.priorResolve Beta(${pr.alpha}, ${pr.beta}) updated by the ${g?.kind} commitment's visibility ${m.visibility} at the mean credibility ${round(credibility)}`,
      ),
    };
  } else if (pr !== undefined)
    prior = {
      v: pr.alpha / (pr.alpha + pr.beta),
      src: scen(`adversary.priorResolve: Beta(${pr.alpha}, ${pr.beta}) mean`),
    };
  else if (credibility !== undefined)
    prior = { v: credibility, src: scen('guarantor.backstop.credibility mean (no adversary prior given)') };
  else prior = { v: 0.5, src: assumed('no adversary prior and no guarantor: even odds') };

  const rho = s.adversary === undefined ? as.stakes : distributionMean(s.adversary.riskTolerance);
  const st = emptyDeterrence();
  fillDeterrence(m, st, period, null, m.hostBaseline, prior.v, rho, null);
  let casualtyCost = st.casualtyCost;
  const fatalities = m.expectedFatalities[period]!;
  if (!tolerant) casualtyCost = fatalities / as.casualtyTolerance;
  const trigger = active && exposed > 0 && fatalities >= m.fatalityThreshold;
  const fatNote =
    s.assurance.attack !== undefined
      ? `expected fatalities of one attack on a site (assurance.attack engagement: ${round(fatalities)})`
      : noAttack
        ? `assumed fatalities per attack (${round(fatalities)})`
        : `mean of assurance.attackFatalities (${round(fatalities)})`;

  const params: CredibilityParams = {
    prior: prior.v,
    stakes: rho - st.hostDenial,
    punishment: st.guarantorPunishment,
    denial: st.forceDenial,
    retaliation: st.retaliation,
    audienceCost: st.audienceCost,
    casualtyCost,
    aloneCost: as.aloneMultiplier * casualtyCost,
    hostLoss: as.hostLoss,
    deployCost: (as.deployCostPerThousand * personnel) / 1000,
    interventionCost: as.interventionCost,
    resoluteAbstainCost: as.resoluteAbstainCost,
    irresoluteAbstainCost: as.irresoluteAbstainCost,
    fatalitiesTrigger: trigger,
    camp: as.camp,
  };
  const fromScenario = (key: keyof GameAssumptions, note: string): ParamSource =>
    overrides[key] === undefined ? scen(note) : assumed(`${note} (overridden)`);
  return {
    params,
    sources: {
      prior: prior.src,
      stakes:
        s.adversary === undefined
          ? assumed('adversary stakes (no adversary in the scenario)')
          : scen(
              `adversary.riskTolerance mean (${round(rho)}) minus the host's denial (${round(st.hostDenial)})`,
            ),
      punishment: active
        ? scen(`assurance.weights.guarantor × guarantor.backstop.power × kinds.${g?.kind}.weight`)
        : scen(g === undefined ? 'no guarantor' : 'backstop kind none'),
      denial: scen(
        `assurance.weights.force × combat power in period ${period + 1} (${round(combatPower)}) / assurance.forceReference`,
      ),
      retaliation: scen(
        s.assurance.retaliation === 'defence-budget'
          ? "assurance.retaliation defence-budget: contributors' committable share of defence spending over the host's"
          : 'assurance.retaliation, shared among contributors by peak personnel',
      ),
      audienceCost: fromScenario(
        'audienceCostPerThousand',
        `assurance.commitment.audienceCostPerThousand ${as.audienceCostPerThousand} × ${personnel} personnel in period ${period + 1}`,
      ),
      casualtyCost: tolerant
        ? scen(`${fatNote} / personnel-weighted mean casualty tolerance of contributors`)
        : assumed(`${fatNote} / assumed casualty tolerance ${as.casualtyTolerance}`),
      aloneCost: fromScenario(
        'aloneMultiplier',
        `assurance.commitment.aloneMultiplier ${as.aloneMultiplier} × casualty cost: fighting without the guarantor`,
      ),
      hostLoss: fromScenario('hostLoss', 'assurance.commitment.hostLoss: the host left undefended'),
      deployCost: assumed(`${as.deployCostPerThousand} per 1,000 personnel deployed`),
      interventionCost: assumed(
        "guarantor's cost of intervening (only the order of the guarantor's payoffs matters)",
      ),
      resoluteAbstainCost: assumed("resolute guarantor's cost of abstaining (above its intervention cost)"),
      irresoluteAbstainCost: assumed(
        "irresolute guarantor's cost of abstaining (below its intervention cost)",
      ),
      fatalitiesTrigger:
        g === undefined
          ? scen('no guarantor')
          : scen(`${fatNote} against guarantor.backstop.fatalityThreshold (${g.fatalityThreshold})`),
    },
    force: { period: period + 1, personnel, combatPower },
    guarantorCredibility: credibility,
    hostDenial: st.hostDenial,
    riskTolerance: s.adversary?.riskTolerance,
  };
}

const round = (x: number): string => String(Math.round(x * 1000) / 1000);

export const PLAYERS = ['Adversary', 'Coalition', 'Guarantor'] as const;
const A = 0;
const C = 1;
const G = 2;

const leaf = (label: string, a: number, c: number, g: number): GameNode => ({
  kind: 'terminal',
  label,
  payoffs: [a, c, g],
});
const decide = (
  player: number,
  history: readonly string[],
  moves: [string, GameNode][],
  infoSet?: string,
): GameNode => ({
  kind: 'decision',
  label: '',
  player,
  infoSet: infoSet ?? `${PLAYERS[player]}@${history.join('/')}`,
  moves: moves.map(([action, node]) => ({ action, node })),
});

type TypeName = 'Resolute' | 'Irresolute';

/** The guarantor's cost of abstaining, by type and by whether the force is fighting. */
function abstainCost(p: CredibilityParams, type: TypeName, forceFights: boolean): number {
  if (type === 'Resolute') return p.resoluteAbstainCost;
  if (forceFights && p.camp === 'trigger' && p.fatalitiesTrigger) return p.resoluteAbstainCost;
  return p.irresoluteAbstainCost;
}

/** After the adversary tests the force: coalition fights or withdraws, then the guarantor acts. */
function tripwireSubgame(p: CredibilityParams, type: TypeName, h: readonly string[], d: number): GameNode {
  const fight = [...h, 'Fight'];
  const withdraw = [...h, 'Withdraw'];
  return decide(C, h, [
    [
      'Fight',
      decide(G, fight, [
        [
          'Intervene',
          leaf(
            'force fights; guarantor intervenes',
            p.stakes - p.punishment - p.denial - p.retaliation,
            -p.casualtyCost - d,
            -p.interventionCost,
          ),
        ],
        [
          'Abstain',
          leaf(
            'force fights alone',
            p.stakes - p.denial - p.retaliation,
            -p.casualtyCost - p.aloneCost - p.hostLoss - d,
            -abstainCost(p, type, true),
          ),
        ],
      ]),
    ],
    [
      'Withdraw',
      decide(G, withdraw, [
        [
          'Intervene',
          leaf(
            'force withdraws; guarantor defends the host',
            p.stakes - p.punishment,
            -p.audienceCost - d,
            -p.interventionCost,
          ),
        ],
        [
          'Abstain',
          leaf(
            'force withdraws; host left alone',
            p.stakes,
            -p.audienceCost - p.hostLoss - d,
            -abstainCost(p, type, false),
          ),
        ],
      ]),
    ],
  ]);
}

/** With no force: the guarantor alone decides whether to answer a test. */
function backstopSubgame(p: CredibilityParams, type: TypeName, h: readonly string[]): GameNode {
  return decide(G, h, [
    ['Intervene', leaf('guarantor intervenes', p.stakes - p.punishment, 0, -p.interventionCost)],
    [
      'Abstain',
      leaf('guarantor abstains; host left alone', p.stakes, -p.hostLoss, -abstainCost(p, type, false)),
    ],
  ]);
}

/** Nature draws the type; the adversary, not knowing it, holds or tests. `prefix`: actions before. */
function typed(
  p: CredibilityParams,
  prefix: readonly string[],
  d: number,
  afterTest: (type: TypeName, h: readonly string[]) => GameNode,
): GameNode {
  const infoSet = `Adversary@${[...prefix, 'type?'].join('/')}`;
  const branch = (type: TypeName): GameNode => {
    const h = [...prefix, type];
    return decide(
      A,
      h,
      [
        ['Hold', leaf('ceasefire holds', 0, -d, 0)],
        ['Test', afterTest(type, [...h, 'Test'])],
      ],
      infoSet,
    );
  };
  return {
    kind: 'chance',
    label: "guarantor's resolve",
    branches: [
      { action: 'Resolute', probability: p.prior, node: branch('Resolute') },
      { action: 'Irresolute', probability: 1 - p.prior, node: branch('Irresolute') },
    ],
  };
}

/** (a) The tripwire game: the adversary tests the force or not; coalition fights or withdraws; guarantor acts. */
export function tripwireGame(p: CredibilityParams): Game {
  return {
    title: 'Tripwire game',
    description: `Guarantor resolute with probability ${p.prior}; tripwire camp: ${p.camp}.`,
    players: [...PLAYERS],
    root: typed(p, [], 0, (type, h) => tripwireSubgame(p, type, h, 0)),
  };
}

/** (b) Deterrence by the backstop alone: no force; the adversary tests the host and the guarantor acts. */
export function backstopOnlyGame(p: CredibilityParams): Game {
  return {
    title: 'Backstop-only game',
    description: `No force. Guarantor resolute with probability ${p.prior}.`,
    players: [...PLAYERS],
    root: typed(p, [], 0, (type, h) => backstopSubgame(p, type, h)),
  };
}

/** (c) Commitment: the coalition first deploys the force or not (seen by all), then (a) or (b) follows. */
export function commitmentGame(p: CredibilityParams): Game {
  return {
    title: 'Commitment game',
    description: `The coalition chooses its posture first. Guarantor resolute with probability ${p.prior}; tripwire camp: ${p.camp}.`,
    players: [...PLAYERS],
    root: decide(
      C,
      [],
      [
        [
          'Deploy',
          typed(p, ['Deploy'], p.deployCost, (type, h) => tripwireSubgame(p, type, h, p.deployCost)),
        ],
        ['No force', typed(p, ['No force'], 0, (type, h) => backstopSubgame(p, type, h))],
      ],
    ),
  };
}

export function templateGame(kind: TemplateKind, p: CredibilityParams): Game {
  switch (kind) {
    case 'tripwire':
      return tripwireGame(p);
    case 'backstop-only':
      return backstopOnlyGame(p);
    case 'commitment':
      return commitmentGame(p);
  }
}
