/**
 * Requirements against pledges by mission, capability and period, for the workspace's coverage view.
 * Indicative, not a plan: a pledge counts fully towards every mission it may serve (the planner decides
 * the actual split), so `available` is an upper bound per mission and a gap shown here is a real gap.
 * Pure.
 */
import { activePledges, coversPeriod } from './model.js';
import type { Scenario } from './schema.js';

export interface CoverageCell {
  readonly required: number;
  /** Capability of active pledges that may serve the mission in the period. */
  readonly available: number;
  /** max(0, required − available). */
  readonly gap: number;
}

export interface CapabilityCoverage {
  readonly capability: string;
  readonly unit: string;
  readonly priority: number;
  /** Index 0 = period 1. */
  readonly byPeriod: readonly CoverageCell[];
  /** Smallest available / required over periods with a requirement (1 when nothing is required). */
  readonly minCoverage: number;
}

export interface MissionCoverage {
  readonly mission: string;
  readonly name: string;
  readonly capabilities: readonly CapabilityCoverage[];
  /** Periods in which some capability of the mission has a gap. */
  readonly periodsWithGap: number;
}

export function coverageByMission(s: Scenario): MissionCoverage[] {
  const T = s.horizon.periods;
  const pledges = activePledges(s);
  const catalog = new Map(s.catalog.map((u) => [u.id, u]));
  return s.missions.map((m) => {
    const caps = [...new Set(m.requirements.map((r) => r.capability))];
    const gapPeriods = new Set<number>();
    const capabilities = caps.map((k) => {
      const reqs = m.requirements.filter((r) => r.capability === k);
      const byPeriod: CoverageCell[] = [];
      let minCoverage = 1;
      for (let t = 1; t <= T; t++) {
        const required = reqs.filter((r) => coversPeriod(s, r, t)).reduce((a, r) => a + r.amount, 0);
        let available = 0;
        for (const p of pledges) {
          if (!coversPeriod(s, p, t)) continue;
          if (p.missions !== undefined && !p.missions.includes(m.id)) continue;
          available += p.units * (catalog.get(p.unitType)?.capabilities[k] ?? 0);
        }
        const gap = Math.max(0, required - available);
        if (gap > 0) gapPeriods.add(t);
        if (required > 0) minCoverage = Math.min(minCoverage, available / required);
        byPeriod.push({ required, available, gap });
      }
      return {
        capability: k,
        unit: s.capabilities.find((c) => c.id === k)?.unit ?? '',
        priority: Math.min(...reqs.map((r) => r.priority)),
        byPeriod,
        minCoverage,
      };
    });
    return { mission: m.id, name: m.name, capabilities, periodsWithGap: gapPeriods.size };
  });
}
