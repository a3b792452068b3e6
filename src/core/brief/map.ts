/**
 * The map model of the briefing (map-content.ts) in the briefing's language: each mission's locations
 * and what the plan deploys to it in the peak period, with the occupied territory and line of contact
 * of the scenario (rendered by src/adapters/render/map-svg.ts).
 */
import type { BriefContext } from './context.js';
import type { ForceFacts } from './facts.js';
import { buildMapContent, type MapContent } from './map-content.js';

export function buildMap(ctx: BriefContext, f: ForceFacts): MapContent {
  const { t, fmt } = ctx;
  const s = ctx.input.scenario;
  const host = s.nations.find((n) => n.role === 'host')?.id;
  return buildMapContent(s, ctx.input.plan.sourcing, f.peakPeriod, {
    title: t('map.title', { when: ctx.periods(f.peakPeriod) }),
    legend: (m) => ({
      host: t('map.legend.host', { host: host === undefined ? m.hostName : ctx.name(host) }),
      occupied: t('map.legend.occupied', {
        adversary: s.adversary === undefined ? '' : ctx.name(s.adversary.nation),
        date: fmt.date(m.asOf),
      }),
      contact: t('map.legend.contact', { name: m.contactName, date: fmt.date(m.asOf) }),
      adversary: s.adversary === undefined ? '' : ctx.name(s.adversary.nation),
      coalition: t('map.legend.coalition'),
      other: t('map.legend.other'),
      site: t('map.legend.site'),
      sea: t('map.legend.sea'),
      training: t('map.legend.training'),
      km: t('map.km'),
    }),
    mission: (m) =>
      m.personnel > 0
        ? t('map.legend.mission', { mission: m.name, personnel: fmt.personnel(m.personnel), n: m.locations })
        : t('map.legend.missionNone', { mission: m.name }),
    description: (points) =>
      t('map.desc', { list: points.map((p) => `${p.name} (${p.missionName})`).join('; ') }),
  });
}
