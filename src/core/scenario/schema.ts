/**
 * The scenario schema (DESIGN.md §4). The shape lives here once; every TypeScript type of the scenario is
 * inferred from it (`z.infer`), and the JSON Schema for editors is generated from it (`scenarioJsonSchema`).
 * Meaning (references, ranges across fields) is checked afterwards by `rules.ts`.
 *
 * Units are in field names: `personnel`, `costPerYearUsd`, `tourMonths`, `leadTimeDays`, `gdpUsd`.
 * Periods are 1-based and inclusive: period 1 starts at `horizon.start`.
 */
import { z } from 'zod';
import { ID_PATTERN, INPUT_LIMITS, shapeIssues } from '../shared/index.js';

/**
 * Identifier used for cross-references: letters, digits, `-`, `_`, `.`; starts with a letter or digit; not
 * the name of an `Object.prototype` member (`constructor`, `toString`, …: ids key plain-object records).
 */
export const Id = z
  .string()
  .regex(
    new RegExp(ID_PATTERN),
    'an id: letters, digits, "-", "_" or "." (no spaces), and not a JavaScript object member name such as "constructor" or "toString"',
  );

/** ISO 3166-1 alpha-3 code in upper case, e.g. `GBR`. */
export const Iso3 = z.string().regex(/^[A-Z]{3}$/, 'an ISO 3166-1 alpha-3 code such as "GBR"');

export const IsoDate = z.iso.date({ message: 'a date as YYYY-MM-DD' });

const Share = z.number().min(0).max(1);
const Period = z.number().int().min(1);

/**
 * Upper (and a few lower) bounds of scenario numbers, with their units (docs/scenario-reference.md,
 * "Bounds"). Each is far beyond any real figure, and low enough that every product the planner and the
 * Monte Carlo form from a few of them (personnel × units × rotation, trainees × strength per trainee ×
 * days, budgets over the host's budget, …) stays a finite double: a scenario that validates cannot make a
 * hazard, a clock or a total `Infinity` or `NaN`. The one product bounds alone cannot keep finite, the
 * deterrence exponent of the hazards, has its own rule (`assurance.hazard-overflow`, rules.ts).
 */
export const BOUNDS = {
  /** Units of one type in a pledge, an inventory. */
  units: 1e6,
  inventory: 1e7,
  /** Personnel of one unit; a nation's personnel ceiling. */
  personnelPerUnit: 1e6,
  personnel: 1e9,
  /** US$ (GDP, budgets, a year's cost of one unit). */
  usd: 1e15,
  /** Capability amount one unit provides; a requirement's amount; combat power of one unit. */
  capabilityPerUnit: 1e6,
  amount: 1e9,
  /** Months of a tour or of dwell; the shortest tour (0.1 month, about 3 days). */
  months: 1200,
  minTourMonths: 0.1,
  /** Days (lead times, response lag, calibration days). */
  days: 36_500,
  /** Daily hazards of the ladder (a hazard of 1,000 a day already moves on the first day). */
  hazardPerDay: 1e3,
  /** Deterrence multiplier of a ladder step; θ. */
  deterrence: 100,
  theta: 1e3,
  /** Deterrence units and will shares (weights, strengths, references, costs, power, visibility). */
  magnitude: 1e6,
  /** Host strength at the start, in its reference units; the smallest reference (denominators). */
  hostStrength: 1e9,
  reference: 1e9,
  minReference: 1e-6,
  /** Parameters of a distribution (values, means, medians, standard deviations); log-normal σ. */
  distribution: 1e12,
  sigma: 10,
  /** Beta and Beta-prior parameters (pseudo-observations). */
  pseudoCounts: 1e9,
  /** Fatalities (thresholds). */
  fatalities: 1e9,
  /** Tonnes: one unit's lift footprint; a lift or reception node's tonnes a day. */
  tonnes: 1e9,
} as const;

type Bound = keyof typeof BOUNDS;
/** The unit of each bound, for messages and docs. */
export const BOUND_UNITS: Record<Bound, string> = {
  units: 'units',
  inventory: 'units',
  personnelPerUnit: 'personnel',
  personnel: 'personnel',
  usd: 'US$',
  capabilityPerUnit: 'per unit',
  amount: 'of the capability',
  months: 'months',
  minTourMonths: 'months',
  days: 'days',
  hazardPerDay: 'a day',
  deterrence: '(multiplier)',
  theta: '(per deterrence unit)',
  magnitude: 'deterrence units or will shares',
  hostStrength: 'host-strength units',
  reference: '(strength or combat power per unit of denial)',
  minReference: '(strength or combat power per unit of denial)',
  distribution: "(in the parameter's units)",
  sigma: '(log scale)',
  pseudoCounts: 'pseudo-observations',
  fatalities: 'fatalities',
  tonnes: 'tonnes',
};
const big = (x: number): string => (x >= 1e6 ? x.toExponential().replace('e+', 'e') : String(x));
const atMost = (b: Bound): string =>
  `at most ${big(BOUNDS[b])} ${BOUND_UNITS[b]} (docs/scenario-reference.md, Bounds)`;
const atLeast = (b: Bound): string =>
  `at least ${big(BOUNDS[b])} ${BOUND_UNITS[b]} (docs/scenario-reference.md, Bounds)`;
const Bounded = (b: Bound) => z.number().finite().nonnegative().max(BOUNDS[b], atMost(b));
const PositiveBounded = (b: Bound) => z.number().finite().positive().max(BOUNDS[b], atMost(b));
const DistParam = z
  .number()
  .finite()
  .min(-BOUNDS.distribution, `at least -${big(BOUNDS.distribution)}`)
  .max(BOUNDS.distribution, atMost('distribution'));
const Usd = Bounded('usd');
const Days = Bounded('days');
const Magnitude = Bounded('magnitude');
const TourMonths = z
  .number()
  .finite()
  .min(BOUNDS.minTourMonths, atLeast('minTourMonths'))
  .max(BOUNDS.months, atMost('months'));
const Reference = z
  .number()
  .finite()
  .min(BOUNDS.minReference, atLeast('minReference'))
  .max(BOUNDS.reference, atMost('reference'));

/**
 * Where a figure comes from: one source id for the whole object, or a map from field name to source id
 * (key `"*"` covers the fields not named). Ids resolve in `meta.sources`.
 */
export const SourceRef = z.union([Id, z.record(z.string(), Id)]);

/**
 * A probability distribution for an uncertain parameter, drawn once per Monte Carlo run.
 * Each form documents its parameters; `rules.ts` checks the cross-field conditions (min < max, …).
 */
export const Distribution = z.discriminatedUnion('dist', [
  z.strictObject({ dist: z.literal('fixed'), value: DistParam }),
  z.strictObject({ dist: z.literal('uniform'), min: DistParam, max: DistParam }),
  z.strictObject({
    dist: z.literal('triangular'),
    min: DistParam,
    mode: DistParam,
    max: DistParam,
  }),
  z.strictObject({ dist: z.literal('normal'), mean: DistParam, sd: PositiveBounded('distribution') }),
  /** Log-normal by its median and the multiplicative spread `sigma` of the underlying normal. */
  z.strictObject({
    dist: z.literal('lognormal'),
    median: PositiveBounded('distribution'),
    sigma: PositiveBounded('sigma'),
  }),
  /** Beta(alpha, beta) on [0, 1]; mean alpha / (alpha + beta). */
  z.strictObject({
    dist: z.literal('beta'),
    alpha: PositiveBounded('pseudoCounts'),
    beta: PositiveBounded('pseudoCounts'),
  }),
]);

export const Source = z.strictObject({
  /** `source`: a published figure; `derived`: arithmetic on sources; `assumption`: a stated judgement. */
  kind: z.enum(['source', 'derived', 'assumption']).default('source'),
  citation: z.string().min(1),
  url: z.url().optional(),
  /** For derived figures and assumptions: how the number was obtained. */
  method: z.string().min(1).optional(),
  date: IsoDate.optional(),
});

/**
 * A name in the briefing's other languages: `labels: { fr: "Ciel" }`. Optional, per name; a language
 * without a label shows the source `name` (never the id).
 */
export const Labels = z.strictObject({
  fr: z.string().min(1).optional(),
});

export const Meta = z.strictObject({
  id: Id,
  title: z.string().min(1),
  /** The title in the briefing's other languages (as `labels` elsewhere translate a `name`). */
  labels: Labels.optional(),
  description: z.string().default(''),
  /** The date the situation is described as of (reporting moves; keep this honest). */
  asOf: IsoDate,
  sources: z.record(Id, Source).default({}),
  /** Free-text notes on the scenario's assumptions, shown in the briefing's appendix. */
  assumptions: z.array(z.string().min(1)).default([]),
});

export const Horizon = z.strictObject({
  start: IsoDate,
  /** Number of planning periods. */
  periods: z.number().int().min(1).max(240),
  /** Length of one planning period in months. */
  periodMonths: z.number().int().min(1).max(24).default(3),
});

export const Capability = z.strictObject({
  id: Id,
  name: z.string().min(1),
  labels: Labels.optional(),
  /** What one unit of the capability measures, e.g. "continuous air-policing orbits". */
  unit: z.string().min(1),
  /** `unit` in the briefing's other languages: `unitLabels: { fr: "orbites continues" }`. */
  unitLabels: Labels.optional(),
  /**
   * `unit` for a count of one, where the language's plural rule calls for it: "continuous air-policing
   * orbit" (English: exactly 1; French: under 2). Without it the briefing uses `unit` for every count.
   */
  unitOne: z.string().min(1).optional(),
  /** `unitOne` in the briefing's other languages. */
  unitOneLabels: Labels.optional(),
  description: z.string().optional(),
});

export const unitCategories = ['air', 'maritime', 'land', 'training', 'enabler'] as const;
export const UnitCategory = z.enum(unitCategories);
/** Services whose rotation (harmony) rules differ: army, air force, navy. */
export const services = ['army', 'air', 'navy'] as const;
export const Service = z.enum(services);

export const UnitType = z.strictObject({
  id: Id,
  name: z.string().min(1),
  labels: Labels.optional(),
  category: UnitCategory,
  /** Personnel deployed with one unit (including its immediate support). */
  personnel: z.number().int().positive().max(BOUNDS.personnelPerUnit, atMost('personnelPerUnit')),
  /** Incremental cost of keeping one unit deployed for a year, US$. */
  costPerYearUsd: Usd,
  /** Length of one unit tour in theatre. */
  tourMonths: TourMonths,
  /** Time a unit spends at home between tours (recovering and preparing). Rotation ratio = (tour + dwell) / tour. */
  dwellMonths: Bounded('months'),
  /** Service whose national rotation rules apply (`rotation.rules`); default from the category: air → air, maritime → navy, else army. */
  service: Service.optional(),
  /** Days from decision to a unit of this type being in place. */
  leadTimeDays: Days.default(0),
  /** Amount of each capability one deployed unit provides (capability id → amount). */
  capabilities: z.record(Id, Bounded('capabilityPerUnit')),
  /** Combat power of one deployed unit, in the scenario's force-reference units (assurance: deterrence by denial). */
  combatPower: Bounded('capabilityPerUnit').default(0),
  /**
   * True when a pledge may hold a fraction of this unit type (a measure of strength such as
   * company-equivalents), false when it is a formed unit that deploys whole (2.5 batteries is impossible:
   * `pledge.fractional-unit`). Omitted: `DIVISIBLE_BY_CATEGORY` of the category (`isDivisible`).
   */
  divisible: z.boolean().optional(),
  source: SourceRef.optional(),
});

/**
 * Whether a unit type of each category may be pledged in fractions when its catalog entry does not say
 * (`UnitType.divisible`). An assumption, with its method: every category's catalog entries are formed
 * units — a squadron or detachment (air), a ship (maritime), a battlegroup, company or battery (land), a
 * team (training), an HQ element, battalion-equivalent or role-2 medical unit (enabler) — and force
 * generation offers formed units whole, so none is divisible by default. A unit type that measures
 * strength rather than formed units (the Baltic eFP's company-equivalents) says `divisible: true`.
 */
export const DIVISIBLE_BY_CATEGORY: Readonly<Record<(typeof unitCategories)[number], boolean>> = {
  air: false,
  maritime: false,
  land: false,
  training: false,
  enabler: false,
};

/**
 * A national (or coalition-wide) rotation rule: tour and dwell for one service or one unit type. The most
 * specific rule wins: nation + unit type, nation + service, unit type, service; without one, the catalog's
 * `tourMonths` / `dwellMonths` apply (see `rotationFor`).
 */
export const RotationRule = z.strictObject({
  /** Nation the rule applies to; omitted: every nation without a rule of its own. */
  nation: Iso3.optional(),
  /** Service the rule covers (give this or `unitType`). */
  service: Service.optional(),
  /** Unit type the rule covers (give this or `service`). */
  unitType: Id.optional(),
  tourMonths: TourMonths,
  dwellMonths: Bounded('months'),
  source: SourceRef.optional(),
  note: z.string().optional(),
});

/**
 * What a nation can rotate through the operation, beyond which keeping its part of the force breaks its
 * dwell rule: trained crews of a skill-limited unit type (`unitType` + `units`), or personnel across all
 * its units (`personnel`: deployed, preparing and recovering together).
 */
export const RotationPool = z.strictObject({
  nation: Iso3,
  unitType: Id.optional(),
  /** Units (trained crews) of `unitType`; replaces the inventory as the pool of that type. */
  units: Bounded('inventory').optional(),
  /** Personnel the nation can hold in the rotation for this operation. */
  personnel: Bounded('personnel').optional(),
  source: SourceRef.optional(),
  note: z.string().optional(),
});

export const Rotation = z.strictObject({
  rules: z.array(RotationRule).default([]),
  pools: z.array(RotationPool).default([]),
});

export const Location = z.strictObject({
  id: Id,
  name: z.string().min(1),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  /** Country the location is in (ISO alpha-3); need not be a scenario nation. */
  country: Iso3,
  /** Sea areas and corridors are drawn differently on the map. */
  kind: z.enum(['city', 'base', 'port', 'sea', 'training', 'headquarters']).default('city'),
  labels: Labels.optional(),
});

export const Requirement = z.strictObject({
  capability: Id,
  /** Amount of the capability needed in each period of [fromPeriod, toPeriod]. */
  amount: Bounded('amount'),
  fromPeriod: Period.default(1),
  /** Defaults to the last period of the horizon. */
  toPeriod: Period.optional(),
  /** 1 is the most important; shortfall on priority p weighs more than on p + 1. */
  priority: z.number().int().min(1).max(5).default(2),
  source: SourceRef.optional(),
  note: z.string().optional(),
});

export const Mission = z.strictObject({
  id: Id,
  name: z.string().min(1),
  labels: Labels.optional(),
  description: z.string().default(''),
  /** True when the mission deploys on the host's territory (caveats such as "no troops in Ukraine"). */
  inHost: z.boolean().default(true),
  /** True when the mission deploys where fighting may take place (caveats with `combatZoneOnly`). */
  combatZone: z.boolean().optional(),
  requirements: z.array(Requirement).default([]),
  locations: z.array(Location).default([]),
});

export const nationRoles = ['coalition', 'host', 'adversary', 'guarantor'] as const;

export const Caveat = z.strictObject({
  /** Missions the nation will not contribute to; omitted means all missions in scope below. */
  missions: z.array(Id).optional(),
  /** Unit categories the caveat covers; omitted means all. */
  categories: z.array(UnitCategory).optional(),
  /** When true, the caveat covers only missions deployed on the host's territory. */
  hostTerritoryOnly: z.boolean().default(false),
  /** When true, the caveat covers only missions flagged `combatZone` ("only outside combat zones"). */
  combatZoneOnly: z.boolean().optional(),
  /**
   * Conditions that lift the caveat: it applies unless every one of them holds (Germany: no troops in the
   * host unless the US takes a role). Omitted: it always applies.
   */
  unless: z.array(Id).optional(),
  /**
   * What the limit rests on: `legal` (a constitutional or statutory bar), `political` (a government's
   * stated position), `operational` (a caveat on how units may be used). Omitted: a caveat.
   */
  kind: z.enum(['legal', 'political', 'operational']).optional(),
  reason: z.string().regex(/\S/, 'give the reason in words: what the nation will not do, and why'),
  source: SourceRef.optional(),
});

export const Nation = z.strictObject({
  id: Iso3,
  name: z.string().min(1),
  role: z.enum(nationRoles),
  gdpUsd: PositiveBounded('usd'),
  /** Annual military expenditure, US$ (SIPRI definition): 0, or at least 1 (it divides the host's). */
  defenceBudgetUsd: Usd.refine((x) => x === 0 || x >= 1, 'US$: 0 or at least 1').optional(),
  /** Units held, by unit type id (coalition members). */
  inventory: z
    .record(Id, z.number().int().nonnegative().max(BOUNDS.inventory, atMost('inventory')))
    .default({}),
  /** Share of its inventory the nation may commit to this operation (potential mode). */
  committableShare: Share.default(0.25),
  /** Most personnel the nation keeps deployed at once. */
  personnelCeiling: z.number().int().nonnegative().max(BOUNDS.personnel, atMost('personnel')).optional(),
  /** Most it spends on the force per year, US$. */
  budgetCeilingUsdPerYear: Usd.optional(),
  caveats: z.array(Caveat).default([]),
  /** Days before the nation can deploy anything (added to unit lead times). */
  leadTimeDays: Days.default(0),
  /** Fatalities among its own personnel the nation's public will bear before withdrawing. */
  casualtyTolerance: Distribution.optional(),
  /** Condition ids the nation's whole participation depends on (e.g. `backstop`). */
  conditions: z.array(Id).default([]),
  source: SourceRef.optional(),
  note: z.string().optional(),
});

/** The pledge status ladder, lowest first (the Kiel tracker's pledged → allocated → delivered, one rung finer). */
export const pledgeStatuses = ['assumed', 'announced', 'offered', 'confirmed', 'deployed'] as const;
export type PledgeStatus = (typeof pledgeStatuses)[number];

export const Pledge = z.strictObject({
  id: Id,
  nation: Iso3,
  unitType: Id,
  /** Units the nation keeps deployed continuously (it sustains the rotation itself). */
  units: PositiveBounded('units'),
  /** Missions the units may serve; omitted means any mission that uses their capabilities. */
  missions: z.array(Id).optional(),
  fromPeriod: Period.default(1),
  toPeriod: Period.optional(),
  conditions: z.array(Id).default([]),
  /**
   * How firm the pledge is, on the ladder `pledgeStatuses` (lowest first): assumed (a judgement from a
   * signal, not a stated offer) → announced (stated in public) → offered (put to the force generation) →
   * confirmed (committed) → deployed (in theatre).
   */
  status: z.enum(pledgeStatuses),
  /** Date the pledge reached its status (its source names who said so; field-wise `source.status`). */
  statusDate: IsoDate.optional(),
  /** True for a unit type the nation does not hold yet (to be raised or procured). */
  new: z.boolean().default(false),
  source: SourceRef,
  note: z.string().optional(),
});

export const backstopKinds = ['none', 'intelligence-logistics', 'air-support', 'full'] as const;
export const BackstopKind = z.enum(backstopKinds);

export const Condition = z.strictObject({
  id: Id,
  /** A short name for the briefing's charts and sentences ("UK Commons vote"); default: the description. */
  name: z.string().min(1).optional(),
  /** The name (without one, the description) in the briefing's other languages. */
  labels: Labels.optional(),
  description: z.string().min(1),
  /** The condition holds when the guarantor's backstop is at least this kind … */
  requiresBackstop: BackstopKind.optional(),
  /** … or, for conditions not about the backstop, as stated here. */
  holds: z.boolean().optional(),
});

/** What one backstop kind commits (see `Guarantor.backstop.kinds`). */
export const BackstopKindEffect = z.strictObject({
  /** Share of the guarantor's power this kind brings to punishment. */
  weight: Share,
  /** True when the kind puts the guarantor's own forces in harm's way (air support, troops). */
  inHarmsWay: z.boolean(),
  /** Pseudo-observations of the guarantor's resolve that the declared, visible commitment gives the adversary. */
  visibility: Magnitude,
});

export const Guarantor = z.strictObject({
  nation: Iso3,
  backstop: z.strictObject({
    kind: BackstopKind,
    /** Probability the guarantor acts when its trigger is met, drawn per run. */
    credibility: Distribution,
    /** Days between the trigger and the guarantor acting. */
    responseLagDays: Days,
    /** Coalition fatalities that trigger the backstop. */
    fatalityThreshold: Bounded('fatalities'),
    /** Punishment power of the guarantor when it is in, in deterrence units (G). */
    power: Magnitude,
    /**
     * What each backstop kind means (assurance and games): the share of `power` it brings, whether it puts
     * the guarantor's own forces where an attack in coalition combat reaches them (only then can coalition
     * combat become war with the guarantor without a guarantor decision), and how much of the guarantor's
     * resolve it shows the adversary before any trigger (pseudo-observations of a Beta–Bernoulli update of
     * the adversary's prior). Default: an assumption; `bulwark show --assumptions` marks it as a default.
     */
    kinds: z
      .strictObject({
        'intelligence-logistics': BackstopKindEffect,
        'air-support': BackstopKindEffect,
        full: BackstopKindEffect,
      })
      .default({
        'intelligence-logistics': { weight: 0.25, inHarmsWay: false, visibility: 1 },
        'air-support': { weight: 0.6, inHarmsWay: true, visibility: 2 },
        full: { weight: 1, inHarmsWay: true, visibility: 4 },
      }),
    source: SourceRef.optional(),
  }),
  source: SourceRef.optional(),
});

export const LadderLevel = z.strictObject({
  id: Id,
  name: z.string().min(1),
  /** Base daily hazard of stepping up from this level (before deterrence). */
  upPerDay: Bounded('hazardPerDay'),
  /** Base daily hazard of stepping down from this level. */
  downPerDay: Bounded('hazardPerDay'),
  /**
   * How strongly deterrence acts on the step up from this level: the hazard is
   * upPerDay * exp(deterrence * theta * (rho - D - P)). 0: the step ignores deterrence (CSIS 2025: monitors
   * reduce large-scale violence but not minor clashes); 1: full effect.
   */
  deterrence: Bounded('deterrence').default(1),
  source: SourceRef.optional(),
});

export const Adversary = z.strictObject({
  nation: Iso3,
  /** Escalation ladder, lowest level first: 0 holding … 6 war with the guarantor (DESIGN.md §6). */
  ladder: z.array(LadderLevel).min(2),
  /** Risk tolerance rho, in deterrence units, drawn per run. */
  riskTolerance: Distribution,
  /** Prior belief about the guarantor's resolve, Beta(alpha, beta). */
  priorResolve: z.strictObject({
    alpha: PositiveBounded('pseudoCounts'),
    beta: PositiveBounded('pseudoCounts'),
  }),
  source: SourceRef.optional(),
});

export const Assurance = z.strictObject({
  runs: z.number().int().min(1).max(100_000_000).default(10_000),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1)
    .default(1),
  horizonDays: z.number().int().min(1).max(BOUNDS.days, atMost('days')).default(730),
  /** Sensitivity of hazards to deterrence: lambda_up = base * exp(theta * (rho - D - P)). */
  theta: Bounded('theta').default(1),
  weights: z
    .strictObject({ host: Magnitude, force: Magnitude, retaliation: Magnitude, guarantor: Magnitude })
    .default({ host: 1, force: 1, retaliation: 1, guarantor: 1 }),
  host: z
    .strictObject({
      /** Host strength at the start, in the same units as `reference`. */
      baseline: Bounded('hostStrength'),
      /** Strength added per trainee delivered by the regeneration mission. */
      perTrainee: Magnitude,
      /** H_ref: strength that counts as one unit of denial. */
      reference: Reference,
      /** Capability id whose delivered amount (per year) counts trainees. */
      traineeCapability: Id.optional(),
    })
    .optional(),
  /** F_ref: force combat power that counts as one unit of denial. */
  forceReference: Reference.default(1),
  /**
   * R: what the coalition's fighting costs the adversary beyond the engagement, in deterrence units, at
   * full force: a number (shared among contributors by peak personnel), or `defence-budget`: each
   * contributor present brings committableShare × defenceBudgetUsd / the host's defenceBudgetUsd (the host's
   * army is one unit of denial, so military spending measures both in the same units).
   */
  retaliation: z.union([Magnitude, z.literal('defence-budget')]).default(0),
  /**
   * A contributor's stake (personnel): nation k brings R_k × n_k / (n_k + stake) of its retaliation with n_k
   * personnel in theatre — half of it at `stake` personnel, nearly all at many times that, none with nobody
   * there. 0 (the default): all of R_k from the first soldier. Personnel, at most 10,000,000.
   */
  retaliationStake: z
    .number()
    .finite()
    .nonnegative()
    .max(10_000_000, 'at most 1e7 personnel (docs/scenario-reference.md, Bounds)')
    .default(0),
  /**
   * How the tripwire works (one switch for the Monte Carlo and the games): `signal` — the force is a costly
   * signal of the coalition's resolve and changes no guarantor's incentives; `trigger` — once an attack's
   * fatalities reach the guarantor's threshold while the force fights, any guarantor intervenes.
   */
  tripwire: z.enum(['signal', 'trigger']).default('signal'),
  /**
   * The coalition's commitment: it fights when attacked iff its audience cost of abandoning the force
   * (per 1,000 personnel deployed) is at least its casualty cost (expected fatalities of an attack over the
   * contributors' casualty tolerance), plus the extra cost of fighting without the guarantor
   * (`aloneMultiplier` × casualty cost) when the guarantor would abstain. Will shares.
   */
  commitment: z
    .strictObject({
      audienceCostPerThousand: Magnitude,
      aloneMultiplier: Magnitude,
      hostLoss: Magnitude,
    })
    .default({ audienceCostPerThousand: 0.1, aloneMultiplier: 2, hostLoss: 1 }),
  /**
   * An attack on the force as an engagement at one site (Lanchester's square law, aimed fire): the
   * attacker commits `strength` (personnel, drawn per attack) against the personnel at one in-host site;
   * the attacker inflicts `attackerEffectiveness` casualties per attacker per day, the defenders
   * `defenderEffectiveness` attacker casualties per unit of combat power per day, for `days`; fatalities are
   * `killedShare` of the defenders' casualties. When absent, `attackFatalities` is drawn directly.
   */
  attack: z
    .strictObject({
      strength: Distribution,
      days: PositiveBounded('days'),
      attackerEffectiveness: Magnitude,
      defenderEffectiveness: Magnitude,
      killedShare: Share,
    })
    .optional(),
  /** Fatalities in one attack on the force, when there is no `attack` engagement. */
  attackFatalities: Distribution.optional(),
  /** Probability that the guarantor's intervention deters (back down) rather than escalates. */
  interventionDeters: Share.default(0.7),
  /** Ladder level the run drops to when an intervention deters (default 2: violations, attacks stop). */
  interventionDetersTo: z.number().int().min(0).max(5).default(2),
  /**
   * Share of the force (by peak personnel) that must have withdrawn for the outcome "coalition collapse":
   * "most contributors withdrew" read as more than half of the force.
   */
  collapseShare: Share.default(0.5),
  calibration: z
    .strictObject({
      /** Outside-view probability that a ceasefire fails within `horizonDays` with no force and no guarantor. */
      failureProbability: Share,
      /** Half-width of the band around `failureProbability` that counts as within the reference. */
      failureTolerance: Share.default(0.05),
      horizonDays: z.number().int().positive().max(BOUNDS.days, atMost('days')),
      /** Published range of the hazard ratio of renewed war with peacekeepers versus without. */
      peacekeeperHazardRatio: z
        .strictObject({ low: PositiveBounded('magnitude'), high: PositiveBounded('magnitude') })
        .optional(),
      /** Days by which most ceasefires see a minor failure (level 2), e.g. 10 (CSIS 2025). */
      minorFailureDays: z.number().int().positive().max(BOUNDS.days, atMost('days')).optional(),
      /** Typical range of days to a larger failure (level 3) among ceasefires that fail, e.g. 65–193 (CSIS 2025). */
      majorFailureDays: z.strictObject({ low: Days, high: Days }).optional(),
      source: SourceRef,
    })
    .optional(),
  source: SourceRef.optional(),
});

/**
 * Force options: named packages a force is measured against (IISS small / medium / large, the sizes
 * ministers quote), as opposed to variants, which change the scenario. Components are named once, by the
 * capabilities they count; each option gives, per component, the capability it stands for and, where the
 * source states one, its headcount. `forceOptions.ts` compares a force with them.
 */
export const OptionComponentDef = z.strictObject({
  /** e.g. `land`, `air`, `maritime`, `enablers`, `training`. */
  id: Id,
  name: z.string().min(1),
  labels: Labels.optional(),
  /**
   * Capabilities that make up the component. A unit type counts (personnel and capability) in the first
   * component listing one of its capabilities.
   */
  capabilities: z.array(Id).min(1),
});

/** A published range of personnel, inclusive. */
export const PersonnelRange = z.strictObject({
  low: PositiveBounded('personnel'),
  high: PositiveBounded('personnel'),
});

export const OptionComponent = z.strictObject({
  /** Headcount of the component as published (e.g. "a brigade of about 10,000"); omitted: implied by its capabilities. */
  personnel: z.union([PositiveBounded('personnel'), PersonnelRange]).optional(),
  /** Capability the component stands for at steady state (capability id → amount); ids from the component's list. */
  capabilities: z.record(Id, Bounded('amount')).default({}),
  source: SourceRef.optional(),
  note: z.string().optional(),
});

export const ForceOption = z.strictObject({
  id: Id,
  name: z.string().min(1),
  labels: Labels.optional(),
  /** What the source says, and how this option reads it where it is ambiguous. */
  description: z.string().default(''),
  /** Headline personnel as published: one figure or a range. Omitted: the sum of the components. */
  personnel: z.union([PositiveBounded('personnel'), PersonnelRange]).optional(),
  /** By component id (`forceOptions.components`). */
  components: z.record(Id, OptionComponent).default({}),
  source: SourceRef,
});

export const ForceOptions = z.strictObject({
  components: z.array(OptionComponentDef).default([]),
  options: z.array(ForceOption).default([]),
});

/**
 * Deployment flow (docs/planner.md, "Deployment flow"): the lift and reception capacity units pass through
 * on their way to theatre. A unit type with a footprint, of a nation a route serves, arrives when the flow
 * through that route's nodes delivers it, instead of after its catalog lead time.
 */
export const liftNodeKinds = [
  'airlift',
  'sealift',
  'airport',
  'port',
  'rail',
  'transshipment',
  'road',
] as const;
export const LiftNode = z.strictObject({
  id: Id,
  name: z.string().min(1),
  /** Strategic airlift or sealift (the carriers), an airport or port of debarkation, a railhead, a transshipment (gauge change), a road crossing. */
  kind: z.enum(liftNodeKinds),
  /** Cargo the node passes a day (for this force), tonnes; omitted: cargo is not limited here. */
  tonnesPerDay: Bounded('tonnes').optional(),
  /** Personnel the node passes a day; omitted: personnel are not limited here. */
  personnelPerDay: Bounded('personnel').optional(),
  source: SourceRef.optional(),
  note: z.string().optional(),
});

/** One leg of a route: travel to a node (days) and passage through it. */
export const RouteLeg = z.strictObject({
  node: Id,
  /** Days of travel from the previous node (or from home, for the first leg) to this one. */
  transitDays: Days.default(0),
});

export const LiftRoute = z.strictObject({
  id: Id,
  name: z.string().min(1),
  /** Nations whose units take the route; omitted: every nation. */
  nations: z.array(Iso3).optional(),
  /** Unit types that take it (each needs a footprint); omitted: every unit type with a footprint. */
  unitTypes: z.array(Id).optional(),
  /** Nodes in the order the unit passes them. */
  legs: z.array(RouteLeg).min(1),
  /** Days from the last node to the unit's mission area. */
  onwardDays: Days.default(0),
  source: SourceRef.optional(),
  note: z.string().optional(),
});

export const LiftFootprint = z.strictObject({
  unitType: Id,
  /** Cargo of one unit (vehicles, equipment, first stocks), tonnes. Personnel: the catalog's `personnel`. */
  tonnes: Bounded('tonnes'),
  /** Days from decision until the unit is ready to move from home (notice to move); replaces the catalog's lead time for units on a route. */
  readyDays: Days.default(0),
  source: SourceRef.optional(),
  note: z.string().optional(),
});

export const Deployment = z.strictObject({
  nodes: z.array(LiftNode).default([]),
  /** The first route that matches a (nation, unit type) carries it. */
  routes: z.array(LiftRoute).default([]),
  footprints: z.array(LiftFootprint).default([]),
});

export const Variant = z.strictObject({
  id: Id,
  name: z.string().min(1),
  labels: Labels.optional(),
  description: z.string().default(''),
  /** Coalition nations that leave: their pledges go and nothing of theirs may be committed. */
  withdraw: z.array(Iso3).default([]),
  /**
   * A JSON merge patch (RFC 7396) applied to the scenario, with one extension: where the target is an
   * array of objects with `id`, the patch may be an object keyed by id (null removes the element,
   * an object merges into it or adds it).
   */
  patch: z
    .record(z.string(), z.unknown())
    .superRefine((patch, ctx) => {
      // Depth 4 is the patch's own depth in a scenario (root, variants, the variant), so a variant posted
      // on its own gets the verdict the whole document would.
      for (const i of shapeIssues(patch, INPUT_LIMITS.depth, [], 4))
        ctx.addIssue({ code: 'custom', path: [...i.path], message: i.message });
    })
    .default({}),
  source: SourceRef.optional(),
});

/** A point as [longitude, latitude] in degrees (WGS 84). */
const LonLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);

/**
 * Territory of the host that the adversary controls: drawn hatched inside the host's internationally
 * recognised border, labelled and dated. The polygon may reach beyond that border (it is clipped to it).
 */
export const OccupiedArea = z.strictObject({
  id: Id,
  name: z.string().min(1),
  /** Since when (free text: "2014", "February 2022"). */
  since: z.string().min(1).optional(),
  /** Outer ring, at least three [lon, lat] points, in either winding. */
  polygon: z.array(LonLat).min(3),
  source: SourceRef.optional(),
  labels: Labels.optional(),
});

/** Layers the briefing map draws besides the deployment: occupied territory and a line of contact. */
export const MapLayers = z.strictObject({
  /** The date the layers describe (normally the scenario's meta.asOf). */
  asOf: IsoDate,
  /** The basis of the borders drawn (e.g. the UN General Assembly resolutions on territorial integrity). */
  source: SourceRef.optional(),
  occupied: z.array(OccupiedArea).default([]),
  contactLine: z
    .strictObject({
      name: z.string().min(1).default('Line of contact'),
      line: z.array(LonLat).min(2),
      source: SourceRef.optional(),
      labels: Labels.optional(),
    })
    .optional(),
});

export const Scenario = z.strictObject({
  /** Optional pointer to the JSON Schema, for editors. */
  $schema: z.string().optional(),
  meta: Meta,
  horizon: Horizon,
  capabilities: z.array(Capability).min(1),
  catalog: z.array(UnitType).min(1),
  /** National rotation rules (tour and dwell by service or unit type) and rotational pools. */
  rotation: Rotation.default({ rules: [], pools: [] }),
  missions: z.array(Mission).min(1),
  nations: z.array(Nation).min(1),
  pledges: z.array(Pledge).default([]),
  conditions: z.array(Condition).default([]),
  guarantor: Guarantor.optional(),
  adversary: Adversary.optional(),
  assurance: Assurance.default(() => Assurance.parse({})),
  variants: z.array(Variant).default([]),
  /** Named force options the force is measured against (`bulwark show --options`). */
  forceOptions: ForceOptions.optional(),
  /** Occupied territory and the line of contact, for the briefing map. */
  map: MapLayers.optional(),
  /** Lift and reception capacity: arrivals follow from the flow (docs/planner.md, "Deployment flow"). */
  deployment: Deployment.optional(),
});

/** A scenario after parsing: defaults applied. The core only ever sees this type. */
export type Scenario = z.infer<typeof Scenario>;
/** A scenario as written in a file, before defaults. */
export type ScenarioInput = z.input<typeof Scenario>;
export type Nation = z.infer<typeof Nation>;
export type UnitType = z.infer<typeof UnitType>;
export type Mission = z.infer<typeof Mission>;
export type Requirement = z.infer<typeof Requirement>;
export type Pledge = z.infer<typeof Pledge>;
export type Caveat = z.infer<typeof Caveat>;
export type Capability = z.infer<typeof Capability>;
export type Location = z.infer<typeof Location>;
export type Distribution = z.infer<typeof Distribution>;
export type Variant = z.infer<typeof Variant>;
export type Condition = z.infer<typeof Condition>;
export type Guarantor = z.infer<typeof Guarantor>;
export type Adversary = z.infer<typeof Adversary>;
export type LadderLevel = z.infer<typeof LadderLevel>;
export type AssuranceSettings = z.infer<typeof Assurance>;
export type Source = z.infer<typeof Source>;
export type MapLayers = z.infer<typeof MapLayers>;
export type UnitCategory = z.infer<typeof UnitCategory>;
export type Service = z.infer<typeof Service>;
export type RotationRule = z.infer<typeof RotationRule>;
export type RotationPool = z.infer<typeof RotationPool>;
export type SourceRef = z.infer<typeof SourceRef>;
export type BackstopKind = z.infer<typeof BackstopKind>;
export type NationRole = Nation['role'];
export type BackstopKindEffect = z.infer<typeof BackstopKindEffect>;
export type ForceOption = z.infer<typeof ForceOption>;
export type ForceOptionsBlock = z.infer<typeof ForceOptions>;
export type OptionComponentDef = z.infer<typeof OptionComponentDef>;
export type PersonnelRange = z.infer<typeof PersonnelRange>;
export type LiftNode = z.infer<typeof LiftNode>;
export type LiftRoute = z.infer<typeof LiftRoute>;
export type LiftFootprint = z.infer<typeof LiftFootprint>;
export type DeploymentBlock = z.infer<typeof Deployment>;
