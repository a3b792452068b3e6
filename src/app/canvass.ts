/**
 * The coordinator's canvass: each open gap of the pledged plan (mission × capability, the periods it is
 * short in and by how much), the nations that could fill it — those the potential-mode plan would source
 * it from, with the caveats and national limits that keep others out — and the record of who was asked
 * and what they offered (a store collection, audited).
 */
import { z } from 'zod';
import { canvassStatuses, type CanvassAsk, type CanvassRepository } from './canvass-repository.js';
import type { ScenarioRepository } from './scenario-repository.js';
import { createHighsSolver } from '../adapters/highs/index.js';
import { planForce } from '../core/plan/index.js';
import { Id, type Scenario } from '../core/scenario/index.js';
import { BulwarkError } from '../core/shared/index.js';
import type { Actor } from './workspace-auth.js';
import { requireRole } from './workspace.js';

export interface CanvassCandidate {
  readonly nation: string;
  /** Unit types the potential plan sources for this gap, with the most units in any short period. */
  readonly unitTypes: readonly { readonly unitType: string; readonly units: number }[];
  /** True when the nation already pledges to this mission (the gap needs more than it pledged). */
  readonly pledges: boolean;
}

export interface CanvassGap {
  readonly mission: string;
  readonly capability: string;
  readonly priority: number;
  /** Periods with a shortfall, and the largest one (capability units). */
  readonly periods: readonly number[];
  readonly shortfall: number;
  readonly explanation: string;
  readonly candidates: readonly CanvassCandidate[];
  /** Nations kept out by a caveat or a national limit, with the scenario's reason. */
  readonly excluded: readonly { readonly nation: string; readonly reason: string }[];
  /** Asks recorded for this gap, oldest first. */
  readonly asks: readonly CanvassAsk[];
}

export interface Canvass {
  readonly scenarioVersion: number;
  readonly gaps: readonly CanvassGap[];
  /** Asks about gaps that are no longer open (kept: who was asked stays on record). */
  readonly closed: readonly CanvassAsk[];
}

/** The gaps and candidates of a scenario (pure but for the solver). */
export async function canvassGaps(s: Scenario): Promise<Omit<CanvassGap, 'asks'>[]> {
  const solver = await createHighsSolver();
  const pledged = planForce(s, solver, { options: { mode: 'pledged' } }).plan;
  const potential = planForce(s, solver, { options: { mode: 'potential' } }).plan;
  const provides = new Map(s.catalog.map((u) => [u.id, u.capabilities]));
  const pledgesTo = (nation: string, mission: string): boolean =>
    s.pledges.some((p) => p.nation === nation && (p.missions === undefined || p.missions.includes(mission)));
  const groups = new Map<string, { rows: typeof pledged.shortfall }>();
  for (const r of pledged.shortfall) {
    if (!(r.shortfall > 1e-9)) continue;
    const k = `${r.mission}\n${r.capability}`;
    const g = groups.get(k) ?? { rows: [] };
    groups.set(k, { rows: [...g.rows, r] });
  }
  const gaps: Omit<CanvassGap, 'asks'>[] = [];
  for (const { rows } of groups.values()) {
    const first = rows[0]!;
    const periods = rows.map((r) => r.period);
    const byNation = new Map<string, Map<string, number>>();
    for (const x of potential.sourcing)
      if (
        x.mission === first.mission &&
        periods.includes(x.period) &&
        (provides.get(x.unitType)?.[first.capability] ?? 0) > 0 &&
        x.units > 1e-9
      ) {
        const m = byNation.get(x.nation) ?? new Map<string, number>();
        m.set(x.unitType, Math.max(m.get(x.unitType) ?? 0, x.units));
        byNation.set(x.nation, m);
      }
    const excluded = new Map<string, string>();
    for (const r of rows)
      for (const c of r.causes)
        if (c.code === 'caveat' || c.code === 'national-limit')
          for (const n of c.nations) if (!byNation.has(n)) excluded.set(n, c.reasons?.[n] ?? c.text);
    gaps.push({
      mission: first.mission,
      capability: first.capability,
      priority: first.priority,
      periods,
      shortfall: Math.max(...rows.map((r) => r.shortfall)),
      explanation: first.explanation,
      candidates: [...byNation]
        .map(([nation, m]) => ({
          nation,
          unitTypes: [...m].map(([unitType, units]) => ({ unitType, units })),
          pledges: pledgesTo(nation, first.mission),
        }))
        .sort((a, b) => a.nation.localeCompare(b.nation)),
      excluded: [...excluded]
        .map(([nation, reason]) => ({ nation, reason }))
        .sort((a, b) => a.nation.localeCompare(b.nation)),
    });
  }
  return gaps.sort((a, b) => a.priority - b.priority || b.shortfall - a.shortfall);
}

export const NewAsk = z.strictObject({
  mission: Id,
  capability: Id,
  nation: z.string().regex(/^[A-Z]{3}$/, 'an ISO alpha-3 code'),
  status: z.enum(canvassStatuses).default('asked'),
  offer: z.string().max(2000).nullable().default(null),
  note: z.string().max(2000).nullable().default(null),
});
export const AskUpdate = z.strictObject({
  status: z.enum(canvassStatuses).optional(),
  offer: z.string().max(2000).nullable().optional(),
  note: z.string().max(2000).nullable().optional(),
});

/** The canvass of a workspace scenario's current version, cached per version (a plan solve each). */
export class CanvassBook {
  private cached: { key: string; gaps: Omit<CanvassGap, 'asks'>[] } | undefined;

  constructor(
    private readonly repos: { readonly scenarios: ScenarioRepository; readonly canvass: CanvassRepository },
  ) {}

  async view(id: string): Promise<Canvass> {
    const s = await this.repos.scenarios.requireScenario(id);
    const key = `${id}@${s.hash}`;
    if (this.cached?.key !== key) this.cached = { key, gaps: await canvassGaps(s.document as Scenario) };
    const asks = await this.repos.canvass.listCanvass(id);
    const open = new Set(this.cached.gaps.map((g) => `${g.mission}\n${g.capability}`));
    return {
      scenarioVersion: s.version,
      gaps: this.cached.gaps.map((g) => ({
        ...g,
        asks: asks.filter((a) => a.mission === g.mission && a.capability === g.capability),
      })),
      closed: asks.filter((a) => !open.has(`${a.mission}\n${a.capability}`)),
    };
  }

  /** Records an ask (coordinator): the mission, capability and nation must exist in the scenario. */
  async ask(actor: Actor, id: string, input: z.infer<typeof NewAsk>): Promise<CanvassAsk> {
    requireRole(actor, 'coordinator', 'record the canvass');
    const s = (await this.repos.scenarios.requireScenario(id)).document as Scenario;
    const missing = [
      s.missions.some((m) => m.id === input.mission) ? null : `mission "${input.mission}"`,
      s.capabilities.some((c) => c.id === input.capability) ? null : `capability "${input.capability}"`,
      s.nations.some((n) => n.id === input.nation) ? null : `nation "${input.nation}"`,
    ].filter((x) => x !== null);
    if (missing.length > 0) throw new BulwarkError('usage', `the scenario has no ${missing.join(', no ')}`);
    return this.repos.canvass.createAsk(actor.username, { scenarioId: id, ...input });
  }

  async answer(
    actor: Actor,
    id: string,
    askId: string,
    patch: z.infer<typeof AskUpdate>,
  ): Promise<CanvassAsk> {
    requireRole(actor, 'coordinator', 'record the canvass');
    await this.repos.scenarios.requireScenario(id);
    return this.repos.canvass.updateAsk(actor.username, id, askId, {
      ...(patch.status === undefined ? {} : { status: patch.status }),
      ...(patch.offer === undefined ? {} : { offer: patch.offer }),
      ...(patch.note === undefined ? {} : { note: patch.note }),
    });
  }
}
