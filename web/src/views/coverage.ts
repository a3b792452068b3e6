/**
 * #/coverage — requirements against what the pledged plan puts in place (after lead times, each unit on
 * one mission: the same figures as `bulwark show` and the briefing), by mission.
 */
import { api, type MissionCoverage, type Summary } from '../api.js';
import { exportLinks } from '../components/spreadsheets.js';
import { table } from '../components/table.js';
import { fmt, h } from '../dom.js';
import { eventStream } from '../lifecycle.js';
import type { ViewContext } from '../router.js';
import { isCoordinator, scenarioUrl } from '../session.js';

/** A coverage cell as the CLI prints it: in place / required, or "—" where nothing is required. */
export const coverageCell = (c: MissionCoverage['capabilities'][number]['byPeriod'][number]): string =>
  c.required === 0 ? '—' : `${fmt(c.available)} / ${fmt(c.required)}`;

export async function coverageView(ctx: ViewContext): Promise<void> {
  const s = await api<Summary>('GET', `${scenarioUrl()}/summary`, undefined, ctx.signal);
  const periods = s.summary.periods;
  const sectionsOf = (coverage: readonly MissionCoverage[]) =>
    coverage.map((m) =>
      h(
        'section',
        { 'aria-labelledby': `m-${m.mission}` },
        h(
          'h2',
          { id: `m-${m.mission}` },
          `${m.name} `,
          h(
            'span',
            { class: m.periodsWithGap > 0 ? 'badge gap' : 'badge ok' },
            m.periodsWithGap > 0 ? `gap in ${m.periodsWithGap} of ${periods.length} periods` : 'covered',
          ),
        ),
        isCoordinator()
          ? h(
              'p',
              {},
              h('a', { href: `#/missions/${m.mission}/requirements` }, `Edit the requirements of ${m.name}`),
            )
          : '',
        table({
          class: 'coverage',
          label: `${m.name}: coverage by period`,
          columns: [
            'capability',
            'prio',
            ...periods.map((p, i) => ({ label: `P${i + 1}`, num: true, title: p })),
          ],
          rows: m.capabilities.map((c) => [
            h('th', { scope: 'row' }, c.capability, h('div', { class: 'unit' }, c.unit)),
            c.priority,
            ...c.byPeriod.map((cell) =>
              h(
                'td',
                {
                  class: `num ${cell.required === 0 ? 'none' : cell.gap > 0 ? 'short' : 'met'}`,
                  title: `required ${fmt(cell.required)}, in place ${fmt(cell.available)}`,
                },
                coverageCell(cell),
              ),
            ),
          ]),
        }),
      ),
    );
  // Live: every committed change by anyone is followed by its coverage on the scenario's event stream.
  const sections = h('div', { class: 'sections' }, sectionsOf(s.coverage));
  const live = h('p', { role: 'status', class: 'meta' }, `Version ${s.version}; follows every change live.`);
  let shown = s.version;
  eventStream(ctx.signal, `${scenarioUrl()}/events`, {
    coverage: (data) => {
      const e = data as {
        version: number;
        coverage: MissionCoverage[];
        requirementPeriods: { met: number; total: number };
      };
      if (e.version <= shown) return;
      shown = e.version;
      sections.replaceChildren(...sectionsOf(e.coverage));
      live.textContent = `Updated live: version ${e.version}, ${e.requirementPeriods.met} of ${e.requirementPeriods.total} requirement-periods met.`;
    },
  });
  ctx.page(
    'Requirements against what is in place',
    h(
      'p',
      {},
      'Each cell: capability the pledged plan has in place on the mission (after lead times, each unit on one mission, as `bulwark plan` allocates it) / capability required. A gap here is a gap in the plan.',
    ),
    exportLinks('coverage'),
    exportLinks('requirements'),
    live,
    sections,
  );
}
