/**
 * Semantic rules: what the schema's shape cannot say. Every rule returns all its findings; none throws.
 * Codes are stable and documented in docs/scenario-reference.md; each has a broken fixture in
 * test/fixtures/invalid/.
 */
import type { FieldPath, Issue, Severity } from '../shared/index.js';
import { issue } from '../shared/index.js';
import { lastPeriod, missionUsesUnit, caveatForbids, isDivisible } from './model.js';
import { deploymentIssues } from './deployment.js';
import { rotationFor, rotationIssues } from './rotation.js';
import type { Distribution, Nation, Pledge, Scenario } from './schema.js';

type Emit = (code: string, path: FieldPath, message: string, severity?: Severity) => void;

/** Number of ladder levels the assurance model's outcomes are defined on (DESIGN.md §6: levels 0–6). */
export const LADDER_LEVELS = 7;

/** Run every semantic rule on a schema-valid scenario. */
export function checkRules(s: Scenario): Issue[] {
  const out = globalIssues(s);
  out.push(...pledgeIdIssues(s));
  for (const indices of pledgesByNation(s).values()) out.push(...nationPledgeIssues(s, indices));
  return out;
}

/**
 * The rules that read no pledge (scenario-wide). `checkRules` is this, then `pledgeIdIssues`, then
 * `nationPledgeIssues` for each nation in the order its first pledge appears: the split lets a pledge edit
 * re-run only its nations' part (`incremental.ts`).
 */
export function globalIssues(s: Scenario): Issue[] {
  const out: Issue[] = [];
  const emit: Emit = (code, path, message, severity = 'error') =>
    out.push(issue(code, path, message, severity));
  checkUniqueIds(s, emit);
  checkReferences(s, emit);
  checkPeriods(s, emit);
  checkRoles(s, emit);
  checkDistributions(s, emit);
  checkAssurance(s, emit);
  checkConditions(s, emit);
  checkSourcing(s, emit);
  out.push(...rotationIssues(s));
  checkForceOptions(s, emit);
  out.push(...deploymentIssues(s));
  return out;
}

/** Pledge ids that repeat (`id.duplicate`). */
export function pledgeIdIssues(s: Scenario): Issue[] {
  const out: Issue[] = [];
  uniqueIds(s.pledges, ['pledges'], 'pledge', (code, path, message, severity = 'error') =>
    out.push(issue(code, path, message, severity)),
  );
  return out;
}

/** Indices of the pledges of each nation id, nations in the order of their first pledge. */
export function pledgesByNation(s: Pick<Scenario, 'pledges'>): Map<string, number[]> {
  const out = new Map<string, number[]>();
  s.pledges.forEach((p, i) => {
    const list = out.get(p.nation);
    if (list) list.push(i);
    else out.set(p.nation, [i]);
  });
  return out;
}

/**
 * Every rule about the pledges at `indices` (all of one nation, in order): references, periods, role,
 * units against inventory and divisibility, missions, sources, and the nation's personnel ceiling. Reads
 * the rest of the scenario but no other nation's pledge.
 */
export function nationPledgeIssues(s: Scenario, indices: readonly number[]): Issue[] {
  const out: Issue[] = [];
  const emit: Emit = (code, path, message, severity = 'error') =>
    out.push(issue(code, path, message, severity));
  const ref = referenceCheckers(s, emit);
  const source = sourceChecker(s, emit);
  const overHeld = pledgesOverInventory(s, indices);
  for (const i of indices) {
    const p = s.pledges[i];
    if (p === undefined) continue;
    ref.nation(p.nation, ['pledges', i, 'nation']);
    ref.unit(p.unitType, ['pledges', i, 'unitType']);
    p.missions?.forEach((m, j) => ref.mission(m, ['pledges', i, 'missions', j]));
    p.conditions.forEach((c, j) => ref.condition(c, ['pledges', i, 'conditions', j]));
    checkSpan(s, p, ['pledges', i], emit);
    checkPledgeRole(s, p, i, emit);
    checkPledge(s, p, i, overHeld.get(i), emit);
    source(p, p.source, ['pledges', i], true);
  }
  const nation = s.pledges[indices[0] ?? -1]?.nation;
  s.nations.forEach((n, i) => {
    if (n.id === nation) checkCeiling(s, n, i, indices, emit);
  });
  return out;
}

function uniqueIds(items: readonly { id: string }[], base: FieldPath, what: string, emit: Emit): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first !== undefined)
      emit(
        'id.duplicate',
        [...base, i, 'id'],
        `${what} id "${item.id}" is already used at ${base.join('.')}[${first}]`,
      );
    else seen.set(item.id, i);
  });
}

function checkUniqueIds(s: Scenario, emit: Emit): void {
  const unique = (items: readonly { id: string }[], base: FieldPath, what: string): void =>
    uniqueIds(items, base, what, emit);
  unique(s.capabilities, ['capabilities'], 'capability');
  unique(s.catalog, ['catalog'], 'unit type');
  unique(s.missions, ['missions'], 'mission');
  unique(s.nations, ['nations'], 'nation');
  unique(s.conditions, ['conditions'], 'condition');
  unique(s.variants, ['variants'], 'variant');
  if (s.adversary) unique(s.adversary.ladder, ['adversary', 'ladder'], 'ladder level');
  // Locations are drawn on one map: their ids must be unique across missions.
  const locs: { id: string }[] = [];
  const paths: FieldPath[] = [];
  s.missions.forEach((m, mi) =>
    m.locations.forEach((l, li) => {
      locs.push(l);
      paths.push(['missions', mi, 'locations', li, 'id']);
    }),
  );
  const seen = new Set<string>();
  locs.forEach((l, i) => {
    const path = paths[i] ?? [];
    if (seen.has(l.id)) emit('id.duplicate', path, `location id "${l.id}" is used by more than one location`);
    seen.add(l.id);
  });
}

type RefCheck = (id: string, path: FieldPath) => void;

/** Checks that an id names a capability, unit type, mission, nation or condition of the scenario. */
function referenceCheckers(
  s: Scenario,
  emit: Emit,
): { cap: RefCheck; unit: RefCheck; mission: RefCheck; nation: RefCheck; condition: RefCheck } {
  const caps = new Set(s.capabilities.map((c) => c.id));
  const units = new Set(s.catalog.map((u) => u.id));
  const missions = new Set(s.missions.map((m) => m.id));
  const nations = new Set(s.nations.map((n) => n.id));
  const conditions = new Set(s.conditions.map((c) => c.id));
  const list = (set: Set<string>): string => (set.size === 0 ? '(none defined)' : [...set].join(', '));
  return {
    cap: (id, path) => {
      if (!caps.has(id))
        emit('ref.unknown-capability', path, `unknown capability "${id}"; defined: ${list(caps)}`);
    },
    unit: (id, path) => {
      if (!units.has(id))
        emit('ref.unknown-unit-type', path, `unknown unit type "${id}"; defined: ${list(units)}`);
    },
    mission: (id, path) => {
      if (!missions.has(id))
        emit('ref.unknown-mission', path, `unknown mission "${id}"; defined: ${list(missions)}`);
    },
    nation: (id, path) => {
      if (!nations.has(id))
        emit('ref.unknown-nation', path, `unknown nation "${id}"; defined: ${list(nations)}`);
    },
    condition: (id, path) => {
      if (!conditions.has(id))
        emit('ref.unknown-condition', path, `unknown condition "${id}"; defined: ${list(conditions)}`);
    },
  };
}

function checkReferences(s: Scenario, emit: Emit): void {
  const { cap, unit, mission, nation, condition } = referenceCheckers(s, emit);
  const caps = new Set(s.capabilities.map((c) => c.id));

  s.catalog.forEach((u, i) =>
    Object.keys(u.capabilities).forEach((k) => cap(k, ['catalog', i, 'capabilities', k])),
  );
  s.missions.forEach((m, i) =>
    m.requirements.forEach((r, j) => cap(r.capability, ['missions', i, 'requirements', j, 'capability'])),
  );
  s.nations.forEach((n, i) => {
    Object.keys(n.inventory).forEach((k) => unit(k, ['nations', i, 'inventory', k]));
    n.caveats.forEach((c, j) => {
      c.missions?.forEach((m, k) => mission(m, ['nations', i, 'caveats', j, 'missions', k]));
      c.unless?.forEach((id, k) => condition(id, ['nations', i, 'caveats', j, 'unless', k]));
    });
    n.conditions.forEach((c, j) => condition(c, ['nations', i, 'conditions', j]));
  });
  if (s.guarantor) nation(s.guarantor.nation, ['guarantor', 'nation']);
  if (s.adversary) nation(s.adversary.nation, ['adversary', 'nation']);
  const trainee = s.assurance.host?.traineeCapability;
  if (trainee !== undefined) cap(trainee, ['assurance', 'host', 'traineeCapability']);
  s.variants.forEach((v, i) => v.withdraw.forEach((n, j) => nation(n, ['variants', i, 'withdraw', j])));

  // Every capability a mission requires should be provided by some unit type.
  s.missions.forEach((m, i) =>
    m.requirements.forEach((r, j) => {
      if (caps.has(r.capability) && !s.catalog.some((u) => (u.capabilities[r.capability] ?? 0) > 0))
        emit(
          'requirement.no-provider',
          ['missions', i, 'requirements', j, 'capability'],
          `no unit type in the catalog provides "${r.capability}", so this requirement can never be met`,
          'warning',
        );
    }),
  );
}

/** A requirement's or pledge's [fromPeriod, toPeriod] against the horizon. */
function checkSpan(
  s: Scenario,
  item: { fromPeriod: number; toPeriod?: number | undefined },
  path: FieldPath,
  emit: Emit,
): void {
  const T = s.horizon.periods;
  if (item.fromPeriod > T)
    emit(
      'period.out-of-range',
      [...path, 'fromPeriod'],
      `fromPeriod ${item.fromPeriod} is after the last period (${T})`,
    );
  if (item.toPeriod !== undefined && item.toPeriod > T)
    emit(
      'period.out-of-range',
      [...path, 'toPeriod'],
      `toPeriod ${item.toPeriod} is after the last period (${T})`,
    );
  if (item.toPeriod !== undefined && item.toPeriod < item.fromPeriod)
    emit(
      'period.reversed',
      [...path, 'toPeriod'],
      `toPeriod ${item.toPeriod} is before fromPeriod ${item.fromPeriod}`,
    );
}

function checkPeriods(s: Scenario, emit: Emit): void {
  s.missions.forEach((m, i) =>
    m.requirements.forEach((r, j) => checkSpan(s, r, ['missions', i, 'requirements', j], emit)),
  );
}

function checkRoles(s: Scenario, emit: Emit): void {
  const hosts = s.nations.flatMap((n, i) => (n.role === 'host' ? [i] : []));
  if (hosts.length > 1)
    hosts
      .slice(1)
      .forEach((i) =>
        emit('role.host-count', ['nations', i, 'role'], 'a scenario has at most one host nation'),
      );
  if (!s.nations.some((n) => n.role === 'coalition'))
    emit(
      'role.no-coalition',
      ['nations'],
      'no nation has role "coalition": there is no one to supply the force',
    );
  const roleOf = (id: string): string | undefined => s.nations.find((n) => n.id === id)?.role;
  const expect = (id: string | undefined, role: string, path: FieldPath): void => {
    const r = id === undefined ? undefined : roleOf(id);
    if (r !== undefined && r !== role)
      emit('role.mismatch', path, `${id} has role "${r}", expected "${role}"`);
  };
  expect(s.guarantor?.nation, 'guarantor', ['guarantor', 'nation']);
  expect(s.adversary?.nation, 'adversary', ['adversary', 'nation']);
  s.variants.forEach((v, i) =>
    v.withdraw.forEach((n, j) => expect(n, 'coalition', ['variants', i, 'withdraw', j])),
  );
}

/** Only coalition members and the guarantor pledge units. */
function checkPledgeRole(s: Scenario, p: Pledge, i: number, emit: Emit): void {
  const r = s.nations.find((n) => n.id === p.nation)?.role;
  if (r !== undefined && r !== 'coalition' && r !== 'guarantor')
    emit(
      'role.mismatch',
      ['pledges', i, 'nation'],
      `only coalition members and the guarantor pledge units; ${p.nation} has role "${r}"`,
    );
}

/** A pledged count beyond the units held, in the first period it happens (`pledge.exceeds-inventory`). */
interface OverHeld {
  readonly period: number;
  readonly total: number;
  readonly held: number;
  readonly pledges: readonly string[];
}

/**
 * Pledges (not `new`) whose nation, in some period, pledges more units of their type than it holds: the
 * units a nation keeps deployed at once cannot exceed those it has, whatever the rotation. Keyed by the
 * pledge's index; the first such period of its nation and unit type.
 */
function pledgesOverInventory(s: Scenario, indices: readonly number[]): Map<number, OverHeld> {
  const groups = new Map<string, number[]>();
  for (const i of indices) {
    const p = s.pledges[i];
    if (p === undefined || p.new) continue;
    const key = `${p.nation}\u0000${p.unitType}`;
    const list = groups.get(key);
    if (list) list.push(i);
    else groups.set(key, [i]);
  }
  const out = new Map<number, OverHeld>();
  for (const list of groups.values()) {
    const first = s.pledges[list[0] ?? -1];
    const n = first && s.nations.find((x) => x.id === first.nation);
    if (first === undefined || n === undefined) continue;
    const held = n.inventory[first.unitType] ?? 0;
    if (held <= 0) continue; // pledge.unit-not-held
    for (let t = 1; t <= s.horizon.periods; t++) {
      const active = list.filter((i) => {
        const p = s.pledges[i];
        return p !== undefined && t >= p.fromPeriod && t <= lastPeriod(s, p);
      });
      const total = active.reduce((sum, i) => sum + (s.pledges[i]?.units ?? 0), 0);
      if (total > held) {
        const found: OverHeld = {
          period: t,
          total,
          held,
          pledges: active.map((i) => s.pledges[i]?.id ?? ''),
        };
        for (const i of active) out.set(i, found);
        break;
      }
    }
  }
  return out;
}

/** The rules of one pledge: against its nation's inventory and caveats, its unit type and its missions. */
function checkPledge(s: Scenario, p: Pledge, i: number, over: OverHeld | undefined, emit: Emit): void {
  const n = s.nations.find((x) => x.id === p.nation);
  const u = s.catalog.find((x) => x.id === p.unitType);
  if (n === undefined || u === undefined) return; // reported as references
  if (!Number.isInteger(p.units) && !isDivisible(u))
    emit(
      'pledge.fractional-unit',
      ['pledges', i, 'units'],
      `${p.units} "${u.id}": ${u.name} is a formed unit that deploys whole, so a pledge counts whole units (${Math.floor(p.units)} or ${Math.ceil(p.units)}); if "${u.id}" measures strength rather than formed units, set catalog.${u.id}.divisible: true`,
    );
  const held = n.inventory[u.id] ?? 0;
  if (!p.new && held <= 0)
    emit(
      'pledge.unit-not-held',
      ['pledges', i, 'unitType'],
      `${n.id} holds no "${u.id}" (inventory); add it to the inventory or mark the pledge "new: true"`,
    );
  if (over !== undefined) {
    const others = over.pledges.filter((id) => id !== p.id);
    emit(
      'pledge.exceeds-inventory',
      ['pledges', i, 'units'],
      `${n.id} holds ${over.held} "${u.id}" (nations.${n.id}.inventory) but pledges ${round(over.total)} deployed at once in period ${over.period}${others.length > 0 ? ` (with ${others.join(', ')})` : ''}; a nation cannot deploy more units than it holds: lower the units, correct the inventory, or mark the pledge "new: true" if the units are to be raised`,
    );
  }
  const rot = rotationFor(s, n.id, u);
  if (!p.new && held > 0 && over === undefined && p.units * rot.ratio > held)
    emit(
      'pledge.unsustainable',
      ['pledges', i, 'units'],
      `${p.units} "${u.id}" deployed continuously need ${round(p.units * rot.ratio)} held (rotation ${round(rot.ratio)}: ${rot.tourMonths}-month tours, ${rot.dwellMonths} months' dwell); ${n.id} holds ${held}`,
      'warning',
    );
  p.missions?.forEach((mid, j) => {
    const m = s.missions.find((x) => x.id === mid);
    if (m === undefined) return;
    if (!missionUsesUnit(m, u))
      emit(
        'pledge.mission-rejects-unit',
        ['pledges', i, 'missions', j],
        `mission "${m.id}" requires none of the capabilities "${u.id}" provides (${Object.keys(u.capabilities).join(', ') || 'none'})`,
      );
    if (caveatForbids(s, n, m, u))
      emit(
        'pledge.caveat-conflict',
        ['pledges', i, 'missions', j],
        `${n.id}'s own caveats exclude "${u.id}" on "${m.id}"`,
      );
  });
}

/**
 * Pledged personnel against the nation's ceiling, period by period: a ceiling is the most the nation keeps
 * deployed at once, so pledges above it cannot all stand (`pledge.exceeds-ceiling`, an error).
 */
function checkCeiling(s: Scenario, n: Nation, i: number, indices: readonly number[], emit: Emit): void {
  if (n.personnelCeiling === undefined) return;
  for (let t = 1; t <= s.horizon.periods; t++) {
    let total = 0;
    const parts: string[] = [];
    for (const k of indices) {
      const p = s.pledges[k];
      if (p === undefined || p.nation !== n.id || t < p.fromPeriod || t > lastPeriod(s, p)) continue;
      const people = (s.catalog.find((u) => u.id === p.unitType)?.personnel ?? 0) * p.units;
      total += people;
      parts.push(`${p.id} ${Math.round(people)}`);
    }
    if (total > n.personnelCeiling) {
      emit(
        'pledge.exceeds-ceiling',
        ['nations', i, 'personnelCeiling'],
        `${n.id} pledges ${Math.round(total)} personnel deployed at once in period ${t} (${parts.join(', ')}), above its personnel ceiling of ${n.personnelCeiling}: raise nations.${n.id}.personnelCeiling or lower the pledges`,
      );
      return;
    }
  }
}

const round = (x: number): number => Math.round(x * 100) / 100;

/** Checks a distribution's parameters and, when given, that its support stays in [lo, hi]. */
function checkDistribution(d: Distribution, path: FieldPath, emit: Emit, lo?: number, hi?: number): void {
  const bad = (m: string): void => emit('dist.invalid', path, m);
  let min: number;
  let max: number;
  switch (d.dist) {
    case 'fixed':
      min = max = d.value;
      break;
    case 'uniform':
      if (d.min >= d.max) bad(`uniform needs min < max (got ${d.min} and ${d.max})`);
      min = d.min;
      max = d.max;
      break;
    case 'triangular':
      if (!(d.min <= d.mode && d.mode <= d.max && d.min < d.max))
        bad(`triangular needs min ≤ mode ≤ max and min < max (got ${d.min}, ${d.mode}, ${d.max})`);
      min = d.min;
      max = d.max;
      break;
    case 'normal':
      min = -Infinity;
      max = Infinity;
      break;
    case 'lognormal':
      min = 0;
      max = Infinity;
      break;
    case 'beta':
      min = 0;
      max = 1;
      break;
    default: {
      const never: never = d;
      throw new Error(`unhandled distribution ${String(never)}`);
    }
  }
  if ((lo !== undefined && min < lo) || (hi !== undefined && max > hi)) {
    const range = `[${lo ?? '-∞'}, ${hi ?? '∞'}]`;
    if (d.dist === 'normal')
      emit(
        'dist.out-of-range',
        path,
        `a normal distribution can leave ${range}; draws are clamped to it`,
        'warning',
      );
    else
      emit(
        'dist.out-of-range',
        path,
        `values must lie in ${range}; this ${d.dist} distribution reaches ${min}–${max}`,
      );
  }
}

function checkDistributions(s: Scenario, emit: Emit): void {
  s.nations.forEach((n, i) => {
    if (n.casualtyTolerance)
      checkDistribution(n.casualtyTolerance, ['nations', i, 'casualtyTolerance'], emit, 0);
  });
  if (s.guarantor)
    checkDistribution(s.guarantor.backstop.credibility, ['guarantor', 'backstop', 'credibility'], emit, 0, 1);
  if (s.adversary) checkDistribution(s.adversary.riskTolerance, ['adversary', 'riskTolerance'], emit);
  if (s.assurance.attackFatalities)
    checkDistribution(s.assurance.attackFatalities, ['assurance', 'attackFatalities'], emit, 0);
}

/**
 * Largest deterrence exponent d·θ·ρ a ladder step may reach (`assurance.hazard-overflow`): a hazard is
 * upPerDay · exp(d·θ·U) with U ≤ ρ, and exp(300) ≈ 2·10¹³⁰ keeps it finite even after the tornado moves θ
 * and the rates to ×1.5. A multiplier anywhere near it already means a move on the first day.
 */
export const MAX_HAZARD_EXPONENT = 300;
/** Above the standard normal's 1 − 10⁻⁵ quantile (4.265), where the simulation truncates its tables. */
const Z_TAIL = 4.3;

/** The largest value the simulation can draw from d (an upper bound for normal and log-normal). */
function upperValue(d: Distribution): number {
  switch (d.dist) {
    case 'fixed':
      return d.value;
    case 'uniform':
    case 'triangular':
      return d.max;
    case 'normal':
      return d.mean + Z_TAIL * d.sd;
    case 'lognormal':
      return d.median * Math.exp(Z_TAIL * d.sigma);
    case 'beta':
      return 1;
  }
}

function checkAssurance(s: Scenario, emit: Emit): void {
  if (s.adversary) {
    const rho = upperValue(s.adversary.riskTolerance);
    const theta = s.assurance.theta;
    // One finding, for the step with the largest exponent (the others overflow no sooner).
    let worst: { id: string; d: number; exponent: number } | undefined;
    for (const l of s.adversary.ladder) {
      const exponent = l.deterrence * theta * rho;
      if (l.upPerDay > 0 && (worst === undefined || !(exponent <= worst.exponent)))
        worst = { id: l.id, d: l.deterrence, exponent };
    }
    if (worst !== undefined && !(worst.exponent <= MAX_HAZARD_EXPONENT))
      emit(
        'assurance.hazard-overflow',
        ['adversary', 'riskTolerance'],
        `deterrence ${worst.d} × θ ${theta} × the largest risk tolerance drawn (${rho.toPrecision(3)}) is ${worst.exponent.toPrecision(3)} on ladder step "${worst.id}"; the hazard's multiplier exp(d·θ·ρ) must stay at most exp(${MAX_HAZARD_EXPONENT}): lower θ, the step's deterrence or the risk tolerance`,
      );
  }
  if (s.adversary && s.adversary.ladder.length !== LADDER_LEVELS)
    emit(
      'ladder.levels',
      ['adversary', 'ladder'],
      `the ladder must have ${LADDER_LEVELS} levels (0 holding … 6 war with the guarantor); it has ${s.adversary.ladder.length}`,
    );
  const hr = s.assurance.calibration?.peacekeeperHazardRatio;
  if (hr && hr.low > hr.high)
    emit(
      'range.reversed',
      ['assurance', 'calibration', 'peacekeeperHazardRatio'],
      `low ${hr.low} is above high ${hr.high}`,
    );
  const mf = s.assurance.calibration?.majorFailureDays;
  if (mf && mf.low > mf.high)
    emit(
      'range.reversed',
      ['assurance', 'calibration', 'majorFailureDays'],
      `low ${mf.low} is above high ${mf.high}`,
    );
  if (s.assurance.calibration && s.assurance.calibration.horizonDays > s.assurance.horizonDays * 100)
    emit(
      'range.implausible',
      ['assurance', 'calibration', 'horizonDays'],
      'calibration horizon is far beyond the simulation horizon',
      'warning',
    );
}

function checkConditions(s: Scenario, emit: Emit): void {
  s.conditions.forEach((c, i) => {
    if (c.requiresBackstop !== undefined && c.holds !== undefined)
      emit('condition.ambiguous', ['conditions', i], 'give either requiresBackstop or holds, not both');
    if (c.requiresBackstop !== undefined && c.requiresBackstop !== 'none' && s.guarantor === undefined)
      emit(
        'condition.no-guarantor',
        ['conditions', i, 'requiresBackstop'],
        'this condition needs a backstop but the scenario has no guarantor, so it never holds',
        'warning',
      );
  });
}

type SourceCheck = (
  obj: object,
  ref: string | Record<string, string> | undefined,
  path: FieldPath,
  required: boolean,
) => void;

/** Checks an object's `source` (required or not): ids resolve in meta.sources, field-wise keys name fields. */
function sourceChecker(s: Scenario, emit: Emit): SourceCheck {
  const sources = new Set(Object.keys(s.meta.sources));
  return (
    obj: object,
    ref: string | Record<string, string> | undefined,
    path: FieldPath,
    required: boolean,
  ): void => {
    if (ref === undefined) {
      if (required)
        emit(
          'source.missing',
          [...path],
          'no source: cite one from meta.sources or mark an assumption',
          'warning',
        );
      return;
    }
    const entries: [string | undefined, string][] =
      typeof ref === 'string' ? [[undefined, ref]] : Object.entries(ref);
    for (const [field, id] of entries) {
      const at: FieldPath = field === undefined ? [...path, 'source'] : [...path, 'source', field];
      if (!sources.has(id)) emit('ref.unknown-source', at, `unknown source "${id}"; add it to meta.sources`);
      if (field !== undefined && field !== '*' && !Object.hasOwn(obj, field))
        emit('source.unknown-field', at, `"${field}" is not a field of this object`, 'warning');
    }
  };
}

function checkSourcing(s: Scenario, emit: Emit): void {
  const check = sourceChecker(s, emit);
  s.catalog.forEach((u, i) => check(u, u.source, ['catalog', i], true));
  s.missions.forEach((m, i) =>
    m.requirements.forEach((r, j) => check(r, r.source, ['missions', i, 'requirements', j], true)),
  );
  s.nations.forEach((n, i) => {
    check(n, n.source, ['nations', i], true);
    n.caveats.forEach((c, j) => check(c, c.source, ['nations', i, 'caveats', j], true));
  });
  s.rotation.rules.forEach((r, i) => check(r, r.source, ['rotation', 'rules', i], true));
  s.rotation.pools.forEach((r, i) => check(r, r.source, ['rotation', 'pools', i], true));
  if (s.guarantor) {
    check(s.guarantor, s.guarantor.source, ['guarantor'], true);
    check(s.guarantor.backstop, s.guarantor.backstop.source, ['guarantor', 'backstop'], false);
  }
  if (s.adversary) {
    check(s.adversary, s.adversary.source, ['adversary'], true);
    s.adversary.ladder.forEach((l, i) => check(l, l.source, ['adversary', 'ladder', i], false));
  }
  check(s.assurance, s.assurance.source, ['assurance'], false);
  if (s.assurance.calibration)
    check(s.assurance.calibration, s.assurance.calibration.source, ['assurance', 'calibration'], true);
  s.variants.forEach((v, i) => check(v, v.source, ['variants', i], false));
  if (s.map) {
    check(s.map, s.map.source, ['map'], false);
    s.map.occupied.forEach((a, i) => check(a, a.source, ['map', 'occupied', i], true));
    if (s.map.contactLine) check(s.map.contactLine, s.map.contactLine.source, ['map', 'contactLine'], true);
  }
  s.deployment?.nodes.forEach((n, i) => check(n, n.source, ['deployment', 'nodes', i], true));
  s.deployment?.routes.forEach((r, i) => check(r, r.source, ['deployment', 'routes', i], false));
  s.deployment?.footprints.forEach((f, i) => check(f, f.source, ['deployment', 'footprints', i], true));
  s.forceOptions?.options.forEach((o, i) => {
    check(o, o.source, ['forceOptions', 'options', i], true);
    for (const [id, c] of Object.entries(o.components))
      check(c, c.source, ['forceOptions', 'options', i, 'components', id], false);
  });
}

/** The force options block: components resolve, option figures name capabilities of their component. */
function checkForceOptions(s: Scenario, emit: Emit): void {
  const block = s.forceOptions;
  if (block === undefined) return;
  const caps = new Set(s.capabilities.map((c) => c.id));
  const base: FieldPath = ['forceOptions'];
  const seen = (items: readonly { id: string }[], at: FieldPath, what: string): void => {
    const first = new Map<string, number>();
    items.forEach((x, i) => {
      const j = first.get(x.id);
      if (j !== undefined)
        emit(
          'id.duplicate',
          [...at, i, 'id'],
          `${what} id "${x.id}" is already used at ${at.join('.')}[${j}]`,
        );
      else first.set(x.id, i);
    });
  };
  seen(block.components, [...base, 'components'], 'force-option component');
  seen(block.options, [...base, 'options'], 'force option');
  const owner = new Map<string, string>();
  block.components.forEach((c, i) =>
    c.capabilities.forEach((k, j) => {
      const at: FieldPath = [...base, 'components', i, 'capabilities', j];
      if (!caps.has(k)) emit('ref.unknown-capability', at, `unknown capability "${k}"`);
      const prev = owner.get(k);
      if (prev !== undefined && prev !== c.id)
        emit(
          'component.overlap',
          at,
          `capability "${k}" is already in component "${prev}"; units providing it count there`,
          'warning',
        );
      else owner.set(k, c.id);
    }),
  );
  const defs = new Map(block.components.map((c) => [c.id, c]));
  const reversed = (r: unknown, at: FieldPath): void => {
    if (typeof r === 'object' && r !== null && 'low' in r && 'high' in r && Number(r.low) > Number(r.high))
      emit('range.reversed', at, `low ${String(r.low)} is above high ${String(r.high)}`);
  };
  block.options.forEach((o, i) => {
    const at: FieldPath = [...base, 'options', i];
    reversed(o.personnel, [...at, 'personnel']);
    if (o.personnel === undefined && Object.keys(o.components).length === 0)
      emit('option.empty', at, 'a force option needs a headline personnel figure or at least one component');
    for (const [id, c] of Object.entries(o.components)) {
      const cat: FieldPath = [...at, 'components', id];
      const def = defs.get(id);
      if (def === undefined) {
        emit(
          'ref.unknown-component',
          cat,
          `unknown component "${id}"; defined in forceOptions.components: ${[...defs.keys()].join(', ') || '(none)'}`,
        );
        continue;
      }
      reversed(c.personnel, [...cat, 'personnel']);
      for (const k of Object.keys(c.capabilities)) {
        if (!caps.has(k))
          emit('ref.unknown-capability', [...cat, 'capabilities', k], `unknown capability "${k}"`);
        else if (!def.capabilities.includes(k))
          emit(
            'option.capability-outside-component',
            [...cat, 'capabilities', k],
            `capability "${k}" is not part of component "${id}" (${def.capabilities.join(', ')})`,
          );
      }
      if (c.personnel === undefined && Object.keys(c.capabilities).length === 0)
        emit('option.empty', cat, 'a component needs personnel or capabilities');
    }
  });
}
