/**
 * The map model of the briefing: each mission's locations with the contributors of the mission in the
 * peak period (rendered by src/adapters/render/map-svg.ts).
 */
import { coalitionNations, hostNation } from '../scenario/index.js';
import type { BriefContext } from './context.js';
import type { ForceFacts } from './facts.js';
import { missionColor, numberPlaces, type MapModel, type MapPoint } from './map-model.js';

export function buildMap(ctx: BriefContext, f: ForceFacts): MapModel {
  const s = ctx.input.scenario;
  const p = ctx.input.plan;
  const { peakPeriod } = f;
  const missions = s.missions.map((m, i) => ({ id: m.id, name: m.name, color: missionColor(i) }));
  const atPeak = p.sourcing.filter((r) => r.period === peakPeriod);
  const rawPoints = s.missions.flatMap((m) => {
    const contributors = new Map<string, number>();
    for (const r of atPeak.filter((x) => x.mission === m.id))
      contributors.set(r.nation, (contributors.get(r.nation) ?? 0) + r.personnel);
    const share = Math.max(1, m.locations.length);
    const nations = [...contributors]
      .sort((x, y) => y[1] - x[1])
      .map(([id, personnel]) => ({ id, personnel: personnel / share }));
    return m.locations.map((l) => ({
      id: l.id,
      name: l.name,
      lat: l.lat,
      lon: l.lon,
      kind: l.kind,
      mission: m.id,
      missionName: m.name,
      nations,
    }));
  });
  const points: MapPoint[] = numberPlaces(rawPoints);
  const map: MapModel = {
    title: ctx.t('map.title', { when: ctx.periods(peakPeriod) }),
    hostIso3: hostNation(s)?.id ?? null,
    adversaryIso3: s.adversary?.nation ?? null,
    coalitionIso3: coalitionNations(s).map((n) => n.id),
    points,
    missions,
  };
  return map;
}
