/**
 * Generates larger planning scenarios from a real one for benchmarks: nations, unit types and periods
 * each multiplied, so the model grows by their product (DESIGN.md §11: "a scenario 10× larger").
 *
 * - Nations: every coalition member gets `nations − 1` copies (new ISO-like ids), with its inventory,
 *   caveats, ceilings and pledges. Requirements grow by the same factor (a bigger coalition, a bigger task).
 * - Unit types: every type gets `unitTypes − 1` variants with the same capabilities; every nation holds
 *   each variant in the same number as the original; the k-th copy of a nation pledges variant k.
 * - Periods: the horizon is `periods` times longer; open-ended requirements and pledges run to its end.
 * - Copies are not exact: a copy's GDP and defence budget, and a variant's cost and personnel, are scaled
 *   by a fixed pseudo-random factor (GDP 0.5–1.5, cost and personnel 0.85–1.15), as real nations and
 *   equipment differ; exact duplicates would make the model needlessly degenerate.
 */
import { validate, type Scenario } from '../src/core/scenario/index.js';

export interface ScaleFactors {
  readonly nations: number;
  readonly unitTypes: number;
  /** Multiplier of the number of periods (rounded). */
  readonly periods: number;
}

function* freshIds(taken: Set<string>): Generator<string> {
  const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (const first of 'QXZJ')
    for (const b of A)
      for (const c of A) {
        const id = `${first}${b}${c}`;
        if (!taken.has(id)) {
          taken.add(id);
          yield id;
        }
      }
}

/** Deterministic factor in [lo, hi] from a string (FNV-1a hash). */
function jitter(key: string, lo: number, hi: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return lo + ((h % 10_000) / 10_000) * (hi - lo);
}

export function scaleScenario(s: Scenario, f: ScaleFactors): Scenario {
  const ids = freshIds(new Set(s.nations.map((n) => n.id)));
  const variantId = (u: string, k: number): string => (k === 0 ? u : `${u}-v${k + 1}`);
  const catalog = s.catalog.flatMap((u) =>
    Array.from({ length: f.unitTypes }, (_, k) =>
      k === 0
        ? u
        : {
            ...u,
            id: variantId(u.id, k),
            name: `${u.name} (v${k + 1})`,
            costPerYearUsd: u.costPerYearUsd * jitter(`${u.id}${k}cost`, 0.85, 1.15),
            personnel: Math.max(1, Math.round(u.personnel * jitter(`${u.id}${k}pers`, 0.85, 1.15))),
          },
    ),
  );
  const inventoryOf = (inv: Record<string, number>): Record<string, number> =>
    Object.fromEntries(
      Object.entries(inv).flatMap(([u, n]) =>
        Array.from({ length: f.unitTypes }, (_, k) => [variantId(u, k), n]),
      ),
    );
  const nations: Scenario['nations'] = [];
  const pledges: Scenario['pledges'] = [];
  for (const n of s.nations) {
    if (n.role !== 'coalition') {
      nations.push(n);
      continue;
    }
    for (let c = 0; c < f.nations; c++) {
      const id = c === 0 ? n.id : (ids.next().value as string);
      nations.push({
        ...n,
        id,
        name: c === 0 ? n.name : `${n.name} ${c + 1}`,
        inventory: inventoryOf(n.inventory),
      });
      for (const p of s.pledges.filter((x) => x.nation === n.id))
        pledges.push({
          ...p,
          id: c === 0 ? p.id : `${p.id}-c${c + 1}`,
          nation: id,
          unitType: variantId(p.unitType, c % f.unitTypes),
        });
    }
  }
  const periods = Math.max(1, Math.round(s.horizon.periods * f.periods));
  const data: Scenario = {
    ...s,
    meta: {
      ...s.meta,
      id: `${s.meta.id}-x${f.nations * f.unitTypes * f.periods}`,
      title: `${s.meta.title} (scaled)`,
    },
    horizon: { ...s.horizon, periods },
    catalog,
    nations,
    pledges,
    missions: s.missions.map((m) => ({
      ...m,
      requirements: m.requirements.map((r) => ({ ...r, amount: r.amount * f.nations })),
    })),
  };
  const r = validate(data);
  if (!r.ok)
    throw new Error(
      `scaled scenario invalid: ${r.error
        .slice(0, 3)
        .map((e) => `${e.path.join('.')}: ${e.message}`)
        .join('; ')}`,
    );
  return r.value.scenario;
}
