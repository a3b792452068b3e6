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
 * | Test, force fights, guarantor intervenes  | −W − f     | −k           | −cG        |
 * | Test, force fights, guarantor abstains    | V − f      | −k − L − h   | −r(type)*  |
 * | Test, force withdraws, guarantor interv.  | −W         | −a           | −cG        |
 * | Test, force withdraws, guarantor abstains | V          | −a − h       | −r(type)   |
 *
 * with r(resolute) > cG > r(irresolute), so the resolute type always intervenes and the irresolute one
 * abstains — except (*) in the `trigger` camp, where, if the expected fatalities of an attack reach the
 * guarantor's fatality threshold, abstaining while the force fights costs any type r(resolute): the
 * tripwire as an automatic trigger. In the `signal` camp the force changes no guarantor's incentives.
 * Adversary payoffs are in the scenario's deterrence units (DESIGN.md §6); the coalition's in shares of its
 * political will; the guarantor's only need the stated order.
 */
import type { Distribution, Scenario } from '../scenario/index.js';
import { activePledges, coalitionNations, coversPeriod, pledgePersonnel } from '../scenario/index.js';
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
  /** V: what the adversary gains by a successful test, deterrence units. */
  readonly stakes: number;
  /** W: the cost to the adversary of the guarantor's intervention, deterrence units. */
  readonly punishment: number;
  /** f: the cost to the adversary of fighting the force (denial), deterrence units. */
  readonly denial: number;
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
}

/** Mean of a scenario distribution (log-normal: median·exp(σ²/2); beta: α/(α+β)). */
export function distributionMean(d: Distribution): number {
  switch (d.dist) {
    case 'fixed':
      return d.value;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'triangular':
      return (d.min + d.mode + d.max) / 3;
    case 'normal':
      return d.mean;
    case 'lognormal':
      return d.median * Math.exp((d.sigma * d.sigma) / 2);
    case 'beta':
      return d.alpha / (d.alpha + d.beta);
  }
}

/**
 * Template parameters from a validated scenario. The force is the active pledges in the period where
 * they deploy the most personnel. Every parameter says whether it came from the scenario or is an assumption.
 */
export function deriveParams(s: Scenario, overrides: Partial<GameAssumptions> = {}): Derivation {
  const as: GameAssumptions = { ...defaultAssumptions, ...overrides };
  const pledges = activePledges(s);
  let period = 1;
  let personnel = 0;
  for (let t = 1; t <= s.horizon.periods; t++) {
    const p = pledges.filter((x) => coversPeriod(s, x, t)).reduce((n, x) => n + pledgePersonnel(s, x), 0);
    if (p > personnel) [period, personnel] = [t, p];
  }
  const deployed = pledges.filter((x) => coversPeriod(s, x, period));
  const combatPower = deployed.reduce(
    (n, x) => n + x.units * (s.catalog.find((u) => u.id === x.unitType)?.combatPower ?? 0),
    0,
  );
  const w = s.assurance.weights;
  const scen = (note: string): ParamSource => ({ kind: 'scenario', note });
  const assumed = (note: string): ParamSource => ({ kind: 'assumption', note });

  const credibility =
    s.guarantor === undefined ? undefined : distributionMean(s.guarantor.backstop.credibility);
  const pr = s.adversary?.priorResolve;
  const prior =
    pr !== undefined
      ? {
          v: pr.alpha / (pr.alpha + pr.beta),
          src: scen(`adversary.priorResolve: Beta(${pr.alpha}, ${pr.beta}) mean`),
        }
      : credibility !== undefined
        ? { v: credibility, src: scen('guarantor.backstop.credibility mean (no adversary prior given)') }
        : { v: 0.5, src: assumed('no adversary prior and no guarantor: even odds') };
  const rho = s.adversary === undefined ? undefined : distributionMean(s.adversary.riskTolerance);
  const stakes =
    rho !== undefined && rho > 0
      ? { v: rho, src: scen('adversary.riskTolerance mean (rho, deterrence units)') }
      : { v: as.stakes, src: assumed('adversary stakes (no positive risk tolerance in the scenario)') };
  const g = s.guarantor?.backstop;
  const punishment =
    g === undefined || g.kind === 'none'
      ? { v: 0, src: scen(g === undefined ? 'no guarantor' : 'backstop kind none') }
      : { v: w.guarantor * g.power, src: scen('assurance.weights.guarantor × guarantor.backstop.power') };
  const denial = {
    v: (w.force * combatPower) / s.assurance.forceReference,
    src: scen(
      `assurance.weights.force × combat power of active pledges in period ${period} (${combatPower}) / assurance.forceReference`,
    ),
  };
  const fat = s.assurance.attackFatalities;
  const fatalities =
    fat !== undefined
      ? { v: distributionMean(fat), note: 'mean of assurance.attackFatalities' }
      : { v: as.attackFatalities, note: 'assumed fatalities per attack' };
  // Casualty tolerance of the contributors, weighted by the personnel each keeps deployed.
  let tolSum = 0;
  let tolWeight = 0;
  for (const n of coalitionNations(s)) {
    const own = deployed.filter((x) => x.nation === n.id).reduce((m, x) => m + pledgePersonnel(s, x), 0);
    if (n.casualtyTolerance !== undefined && own > 0) {
      tolSum += own * distributionMean(n.casualtyTolerance);
      tolWeight += own;
    }
  }
  const tolerance =
    tolWeight > 0
      ? { v: tolSum / tolWeight, note: 'personnel-weighted mean casualty tolerance of contributors' }
      : { v: as.casualtyTolerance, note: 'assumed casualty tolerance' };
  const casualtyCost = fatalities.v / tolerance.v;
  const casualtySource =
    fat !== undefined && tolWeight > 0
      ? scen(`${fatalities.note} (${round(fatalities.v)}) / ${tolerance.note} (${round(tolerance.v)})`)
      : assumed(`${fatalities.note} (${round(fatalities.v)}) / ${tolerance.note} (${round(tolerance.v)})`);
  const trigger = g !== undefined && g.kind !== 'none' && fatalities.v >= g.fatalityThreshold;

  const params: CredibilityParams = {
    prior: prior.v,
    stakes: stakes.v,
    punishment: punishment.v,
    denial: denial.v,
    audienceCost: (as.audienceCostPerThousand * personnel) / 1000,
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
  return {
    params,
    sources: {
      prior: prior.src,
      stakes: stakes.src,
      punishment: punishment.src,
      denial: denial.src,
      audienceCost: assumed(
        `${as.audienceCostPerThousand} per 1,000 personnel × ${personnel} personnel deployed in period ${period}`,
      ),
      casualtyCost: casualtySource,
      aloneCost: assumed(`${as.aloneMultiplier} × casualty cost: fighting without the guarantor`),
      hostLoss: assumed('the host left undefended costs the coalition this share of its will'),
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
          : scen(
              `${fatalities.note} (${round(fatalities.v)}) against guarantor.backstop.fatalityThreshold (${g.fatalityThreshold})`,
            ),
    },
    force: { period, personnel, combatPower },
    guarantorCredibility: credibility,
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
            -p.punishment - p.denial,
            -p.casualtyCost - d,
            -p.interventionCost,
          ),
        ],
        [
          'Abstain',
          leaf(
            'force fights alone',
            p.stakes - p.denial,
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
            -p.punishment,
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
    ['Intervene', leaf('guarantor intervenes', -p.punishment, 0, -p.interventionCost)],
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
