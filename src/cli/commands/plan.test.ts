import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runPlan, loadInput } from '../../app/index.js';
import { renderPlan } from './plan.js';

const minimal = fileURLToPath(new URL('../../../test/fixtures/minimal.yaml', import.meta.url));

describe('bulwark plan tables', () => {
  it('shows coverage, sourcing, gaps with causes, personnel and cost, fair share, rotation, binding and resilience', async () => {
    const text = renderPlan(await runPlan({ loaded: loadInput(minimal), resilience: true, byStatus: true }));
    for (const section of [
      'Coverage: provided / required',
      'Sourcing: units deployed',
      'Gaps and why',
      'Personnel and cost by nation',
      'Fair share: personnel against GDP',
      'Rotation calendar',
      'Binding constraints',
      'Resilience: what each loss costs',
      'Rotation by nation and unit type',
      'Force by pledge status',
    ])
      expect(text).toContain(section);
    expect(text).toContain('solution checked against every constraint');
    expect(text).toMatch(
      // 2 − 2 × 151/181 orbits short in P1: the squadrons arrive on day 30 of 181.
      /skies\s+orbit\s+P1\s+0\.33\s+2\s+lead time: GBR ready from day 30, FRA ready from day 30/,
    );
    expect(text).toMatch(
      /presence\s+presence\s+P2–P4\s+1\s+3\s+pledges exhausted: GBR; held but not pledged: FRA/,
    );
    expect(text).toMatch(/1\s+without United Kingdom\s+\+11\.63/);
    expect(text).toContain('GBR deploys everything it pledged of Infantry battalion (2) in P2–P4');
    // GBR 250 + 1,400 deployed at rule of thirds: 4,950 tied up. Troop-tours: fighters (6 × 151/181 + 18)
    // unit-months / 4-month tours × 250 ≈ 1,438, battalions 2 × 18 / 6 × 700 = 4,200 → 5,638; distinct 4,950.
    // Money in the shared format (core/shared/format.ts), as in the briefing: US$, whole millions.
    expect(text).toMatch(
      /GBR\s+1,650\s+4,950\s+5,638\s+4,950\s+indefinitely\s+US\$243m\s+US\$320m\s+US\$563m/,
    );
    expect(text).not.toMatch(/(^|[^S])\$\d/m);
    // Only GBR's squadron is confirmed: 250 pledged, 3 of 7 requirement-periods → none met above announced.
    expect(text).toMatch(/confirmed\s+1\s+1\s+250\s+250\s+0 of 7/);
  });
});
