/** #/compare — pledges and coverage with each variant applied. */
import { api, type Summary } from '../api.js';
import { table } from '../components/table.js';
import { errorBox, figures, fmt, h } from '../dom.js';
import type { ViewContext } from '../router.js';
import { scenarioUrl } from '../session.js';

export async function compareView(ctx: ViewContext): Promise<void> {
  const base = await api<Summary>('GET', `${scenarioUrl()}/summary`, undefined, ctx.signal);
  const cases = [{ id: '', name: 'Base scenario', description: 'as stored' }, ...base.summary.variants];
  const rows = await Promise.all(
    cases.map(async (c) => {
      try {
        const s =
          c.id === ''
            ? base
            : await api<Summary>(
                'GET',
                `${scenarioUrl()}/summary?variants=${encodeURIComponent(c.id)}`,
                undefined,
                ctx.signal,
              );
        const peak = Math.max(0, ...s.summary.totals.map((t) => t.pledgedPersonnel));
        const required = Math.max(0, ...s.summary.totals.map((t) => t.requiredPersonnel));
        const active = s.summary.pledges.filter((p) => p.active).length;
        const gaps = s.coverage.filter((m) => m.periodsWithGap > 0).map((m) => m.mission);
        return [
          h('th', { scope: 'row' }, c.name, h('div', { class: 'unit' }, c.description)),
          fmt(peak),
          required === 0 ? '—' : figures.share(peak / required),
          `${active} of ${s.summary.pledges.length}`,
          s.summary.backstop,
          gaps.length === 0 ? 'none' : gaps.join(', '),
        ];
      } catch (e) {
        return [h('th', { scope: 'row' }, c.name), h('td', { colspan: 5 }, errorBox(e))];
      }
    }),
  );
  ctx.page(
    'Compare variants',
    h(
      'p',
      {},
      'Pledges and coverage with each variant of the scenario applied. For outcome probabilities, start a briefing run that compares the variant.',
    ),
    table({
      label: 'variants compared',
      columns: [
        'case',
        { label: 'personnel pledged (peak)', num: true },
        { label: 'of required (indicative)', num: true },
        { label: 'active pledges', num: true },
        'backstop',
        'missions with a gap',
      ],
      rows,
    }),
  );
}
