/**
 * The briefing's deployment chart: a Gantt-style bar per pledge, from the day its units are ready to move to
 * the day the last of them is in place, with a point where each unit arrives (the plan's deployment flow,
 * docs/planner.md "Deployment flow"). Only for plans with a deployment report. Pure.
 */
import type { BriefContext } from './context.js';
import { chartConfig, VL } from './charts.js';
import { missionColor } from './map-content.js';
import type { BriefChart } from './types.js';

export function deploymentChart(ctx: BriefContext): BriefChart | undefined {
  const { t, fmt } = ctx;
  const p = ctx.input.plan;
  const d = p.deployment;
  if (d === undefined || d.moves.length === 0) return undefined;
  const s = ctx.input.scenario;
  const last = p.periods[p.periods.length - 1];
  const horizonEnd = last === undefined ? 0 : last.startDay + last.days;
  // A unit that never arrives, or only after the horizon, is drawn to the horizon's end.
  const shown = (day: number | null): number => (day === null ? horizonEnd : Math.min(day, horizonEnd));
  const missionOrder = new Map(s.missions.map((m, i) => [m.id, i]));
  const pledges = [...new Set(d.moves.map((m) => m.pledge))];
  const bars = pledges.map((id, order) => {
    const ms = d.moves.filter((m) => m.pledge === id);
    const first = ms[0];
    const never = ms.some((m) => m.arrivalDay === null);
    const arrive = ms.map((m) => m.arrivalDay ?? Infinity);
    const mission = first?.mission.split('/')[0] ?? '';
    return {
      label: `${first?.nation ?? ''} ${first?.unitType ?? ''} ×${ms.reduce((a, m) => a + m.units, 0)}`,
      unit: ctx.unitName(first?.unitType ?? ''),
      order,
      mission: ctx.missionName(mission),
      missionIndex: missionOrder.get(mission) ?? 0,
      ready: first?.readyDay ?? 0,
      end: shown(Math.max(...arrive) === Infinity ? null : Math.max(...arrive)),
      route: first?.route ?? t('chart.deployment.leadTime'),
      slowest: first?.bottleneck ?? '—',
      inPlace: never
        ? t('chart.deployment.never')
        : t('chart.deployment.day', { day: Math.ceil(Math.max(...arrive)) }),
    };
  });
  const points = d.moves
    .filter((m) => m.arrivalDay !== null && m.arrivalDay <= horizonEnd)
    .map((m) => ({
      label: bars[pledges.indexOf(m.pledge)]?.label ?? '',
      order: pledges.indexOf(m.pledge),
      day: m.arrivalDay,
      date: m.arrivalDate,
      personnel: m.personnel,
    }));
  const colors = s.missions.map((_, i) => missionColor(i));
  // The axis ends with the period in which the last unit is in place (the whole horizon if one never is).
  const latest = Math.max(0, ...bars.map((b) => b.end));
  const endPeriod = p.periods.find((t) => latest <= t.startDay + t.days);
  const axisEnd = endPeriod === undefined ? horizonEnd : endPeriod.startDay + endPeriod.days;
  const periods = p.periods
    .filter((t) => t.startDay <= axisEnd)
    .map((t) => ({ day: t.startDay, label: `P${t.index}` }));
  const start = fmt.date(s.horizon.start);
  const node = (id: string | null): string => s.deployment?.nodes.find((n) => n.id === id)?.name ?? id ?? '—';
  const title =
    d.completeDay === null
      ? t('chart.deployment.title.never', { node: node(d.bottleneck) })
      : t('chart.deployment.title', { day: Math.ceil(d.completeDay), node: node(d.bottleneck) });
  const description = t('chart.deployment.description', { start });
  return {
    id: 'deployment',
    section: 'deployment',
    title,
    description,
    spec: {
      $schema: VL,
      title,
      description,
      config: chartConfig(ctx),
      width: 560,
      height: { step: 14 },
      layer: [
        {
          data: { values: bars },
          mark: { type: 'bar', opacity: 0.8, height: 9 },
          encoding: {
            y: {
              field: 'label',
              type: 'ordinal',
              sort: { field: 'order', op: 'min' },
              title: null,
              axis: { labelLimit: 220 },
            },
            x: {
              field: 'ready',
              type: 'quantitative',
              title: t('chart.deployment.axis', { start }),
              scale: { domain: [0, axisEnd] },
            },
            x2: { field: 'end' },
            color: {
              field: 'mission',
              type: 'nominal',
              title: t('chart.deployment.mission'),
              scale: { domain: s.missions.map((m) => m.name), range: colors },
            },
            tooltip: [
              { field: 'label', title: t('chart.deployment.pledge') },
              { field: 'unit', title: t('chart.deployment.unitType') },
              { field: 'route', title: t('chart.deployment.route') },
              { field: 'ready', title: t('chart.deployment.ready') },
              { field: 'inPlace', title: t('chart.deployment.inPlace') },
              { field: 'slowest', title: t('chart.deployment.slowest') },
            ],
          },
        },
        {
          data: { values: points },
          mark: { type: 'point', filled: true, color: '#000', size: 18 },
          encoding: {
            y: { field: 'label', type: 'ordinal', sort: { field: 'order', op: 'min' } },
            x: { field: 'day', type: 'quantitative' },
            tooltip: [
              { field: 'date', title: 'in place' },
              { field: 'personnel', format: ',' },
            ],
          },
        },
        {
          data: { values: periods },
          mark: { type: 'rule', color: '#999', strokeDash: [3, 3] },
          encoding: {
            x: { field: 'day', type: 'quantitative' },
            tooltip: [{ field: 'label', title: t('chart.deployment.periodStarts') }],
          },
        },
      ],
    },
  };
}
