/** #/ — the dashboard: key figures, the map and the largest contributors. */
import { api, type Summary } from '../api.js';
import { table } from '../components/table.js';
import { fmt, h } from '../dom.js';
import { drawMap } from '../map.js';
import type { ViewContext } from '../router.js';
import { scenarioUrl } from '../session.js';

export async function dashboardView(ctx: ViewContext): Promise<void> {
  const [s, doc] = await Promise.all([
    api<Summary>('GET', `${scenarioUrl()}/summary`, undefined, ctx.signal),
    api<{
      scenario: { missions: { id: string; locations: { name: string; lat: number; lon: number }[] }[] };
    }>('GET', scenarioUrl(), undefined, ctx.signal),
  ]);
  const sum = s.summary;
  const coalition = sum.nations.filter((n) => n.role === 'coalition');
  const peakPledged = Math.max(0, ...sum.totals.map((t) => t.pledgedPersonnel));
  const peakRequired = Math.max(0, ...sum.totals.map((t) => t.requiredPersonnel));
  const peakInPlace = Math.max(0, ...sum.totals.map((t) => t.inPlacePersonnel));
  const gaps = s.coverage.filter((m) => m.periodsWithGap > 0).length;
  const figure = (label: string, value: string) =>
    h('div', { class: 'figure' }, h('div', { class: 'value' }, value), h('div', { class: 'label' }, label));
  const places = doc.scenario.missions.flatMap((m) => m.locations.map((l) => ({ ...l, mission: m.id })));
  ctx.page(
    sum.title,
    h(
      'p',
      { class: 'meta' },
      `As of ${sum.asOf} · version ${s.version} · backstop: ${sum.backstop} · ${s.hash.slice(0, 19)}`,
    ),
    h(
      'div',
      { class: 'figures' },
      figure('coalition nations', String(coalition.length)),
      figure('pledges', String(sum.pledges.length)),
      figure('personnel pledged (peak)', fmt(peakPledged)),
      figure('personnel in place (peak, pledged plan)', fmt(peakInPlace)),
      figure('personnel required (indicative peak)', fmt(peakRequired)),
      figure('missions with a gap', `${gaps} of ${s.coverage.length}`),
      figure('requirement-periods met', `${sum.requirementPeriods.met} of ${sum.requirementPeriods.total}`),
    ),
    h(
      'figure',
      {},
      drawMap({ nations: sum.nations, places }),
      h(
        'figcaption',
        {},
        'Coalition nations shaded by personnel pledged at the peak; host and adversary outlined; dots are mission locations.',
      ),
    ),
    h('h2', {}, 'Largest contributors'),
    table({
      columns: ['nation', { label: 'personnel pledged (peak)', num: true }],
      rows: [...coalition]
        .sort((a, b) => b.pledgedPersonnelPeak - a.pledgedPersonnelPeak)
        .slice(0, 8)
        .map((n) => [
          h('a', { href: `#/nations/${n.id}` }, `${n.name} (${n.id})`),
          fmt(n.pledgedPersonnelPeak),
        ]),
    }),
  );
}
