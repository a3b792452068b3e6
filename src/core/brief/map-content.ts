/**
 * The briefing map as data: where the force deploys, by mission, and what the plan puts in each mission;
 * the host's internationally recognised border with the territory the adversary occupies and the line of
 * contact, dated, each with its source. Rendered to SVG by src/adapters/render (Natural Earth boundaries
 * from world-atlas, projected with d3-geo).
 */
import { coalitionNations, hostNation, type Scenario } from '../scenario/index.js';

/** One deployment location. The plan sources missions, not sites: a point carries no personnel. */
export interface MapPoint {
  readonly id: string;
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
  /** city, base, port, sea, training, headquarters. */
  readonly kind: string;
  readonly country: string;
  readonly mission: string;
  readonly missionName: string;
  /** Number of the place this point belongs to (points within `PLACE_RADIUS_KM` share one), from 1. */
  readonly place: number;
}

/** A mission on the map: its colour and what the plan deploys to it in the peak period. */
export interface MapMission {
  readonly id: string;
  readonly name: string;
  readonly color: string;
  /** Personnel the plan deploys to the mission in the peak period (all its locations together). */
  readonly personnel: number;
  /** Contributing nations by name with their personnel on the mission, largest first. */
  readonly nations: readonly { readonly id: string; readonly name: string; readonly personnel: number }[];
  readonly locations: number;
}

/** Territory of the host under occupation, drawn hatched inside the host's border. */
export interface MapArea {
  readonly id: string;
  readonly name: string;
  readonly since: string | null;
  /** Outer ring of [lon, lat]; the renderer clips it to the host's recognised border. */
  readonly polygon: readonly (readonly [number, number])[];
  /** Citations of its sources, in words. */
  readonly source: readonly string[];
}

export interface MapContent {
  readonly title: string;
  readonly hostIso3: string | null;
  readonly hostName: string | null;
  readonly adversaryIso3: string | null;
  readonly adversaryName: string | null;
  readonly coalitionIso3: readonly string[];
  readonly points: readonly MapPoint[];
  /** Missions in legend order with their colour and peak-period totals. */
  readonly missions: readonly MapMission[];
  /** The date the occupied territory and the line of contact describe. */
  readonly asOf: string;
  readonly occupied: readonly MapArea[];
  readonly contactLine: {
    readonly name: string;
    readonly line: readonly (readonly [number, number])[];
    readonly source: readonly string[];
  } | null;
  /** The basis of the borders drawn: citations in words (none when the scenario gives none). */
  readonly bordersSource: readonly string[];
  /** Text alternative of the map, in the briefing's language. */
  readonly description: string;
  /** Legend texts in the briefing's language; `missions` in the order of `missions`. */
  readonly legend: MapLegend;
}

export interface MapLegend {
  readonly host: string;
  readonly occupied: string;
  readonly contact: string;
  readonly adversary: string;
  readonly coalition: string;
  readonly other: string;
  readonly site: string;
  readonly sea: string;
  readonly training: string;
  /** Unit of the scale bar ("km"). */
  readonly km: string;
  readonly missions: readonly string[];
}

/** The words of the map, from the briefing's message catalogue (src/core/brief/map.ts). */
export interface MapTexts {
  readonly title: string;
  readonly legend: (m: {
    readonly hostName: string;
    readonly adversaryName: string;
    readonly asOf: string;
    readonly contactName: string;
  }) => Omit<MapLegend, 'missions'>;
  readonly mission: (m: MapMission) => string;
  readonly description: (points: readonly MapPoint[]) => string;
}

/** What the map needs of a plan: personnel by mission and nation per period. */
export interface MapPlanRow {
  readonly period: number;
  readonly mission: string;
  readonly nation: string;
  readonly personnel: number;
}

/** Citations of a source reference (one id, or a field → id map), in words, without repeats. */
function citations(s: Scenario, ref: string | Readonly<Record<string, string>> | undefined): string[] {
  if (ref === undefined) return [];
  const ids = typeof ref === 'string' ? [ref] : [...new Set(Object.values(ref))];
  return ids.map((id) => s.meta.sources[id]?.citation.trim() ?? id);
}

/**
 * The map of the scenario's deployment in `peakPeriod`: locations by mission (no personnel per site:
 * the plan does not place units at sites), each mission's total and contributors, and the occupied
 * territory and line of contact of `scenario.map` when it has them.
 */
export function buildMapContent(
  s: Scenario,
  sourcing: readonly MapPlanRow[],
  peakPeriod: number,
  texts: MapTexts,
): MapContent {
  const nationName = new Map(s.nations.map((n) => [n.id, n.name]));
  const missions: MapMission[] = s.missions.map((m, i) => {
    const by = new Map<string, number>();
    for (const r of sourcing)
      if (r.period === peakPeriod && r.mission === m.id)
        by.set(r.nation, (by.get(r.nation) ?? 0) + r.personnel);
    const nations = [...by]
      .filter(([, n]) => n > 0)
      .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
      .map(([id, personnel]) => ({ id, name: nationName.get(id) ?? id, personnel }));
    return {
      id: m.id,
      name: m.name,
      color: missionColor(i),
      personnel: nations.reduce((a, n) => a + n.personnel, 0),
      nations,
      locations: m.locations.length,
    };
  });
  const points: MapPoint[] = numberPlaces(
    s.missions.flatMap((m) =>
      m.locations.map((l) => ({
        id: l.id,
        name: l.name,
        lat: l.lat,
        lon: l.lon,
        kind: l.kind,
        country: nationName.get(l.country) ?? l.country,
        mission: m.id,
        missionName: m.name,
      })),
    ),
  );
  const layers = s.map;
  const host = hostNation(s);
  const adversaryName =
    s.adversary === undefined ? null : (nationName.get(s.adversary.nation) ?? s.adversary.nation);
  const asOf = layers?.asOf ?? s.meta.asOf;
  return {
    title: texts.title,
    hostIso3: host?.id ?? null,
    hostName: host?.name ?? null,
    adversaryIso3: s.adversary?.nation ?? null,
    adversaryName,
    coalitionIso3: coalitionNations(s).map((n) => n.id),
    points,
    missions,
    asOf,
    occupied: (layers?.occupied ?? []).map((a) => ({
      id: a.id,
      name: a.name,
      since: a.since ?? null,
      polygon: a.polygon,
      source: citations(s, a.source),
    })),
    contactLine:
      layers?.contactLine === undefined
        ? null
        : {
            name: layers.contactLine.name,
            line: layers.contactLine.line,
            source: citations(s, layers.contactLine.source),
          },
    bordersSource: citations(s, layers?.source),
    description: texts.description(points),
    legend: {
      ...texts.legend({
        hostName: host?.name ?? '',
        adversaryName: adversaryName ?? '',
        asOf,
        contactName: layers?.contactLine?.name ?? '',
      }),
      missions: missions.map((m) => texts.mission(m)),
    },
  };
}

/**
 * Colour-blind-safe categorical palette (Okabe & Ito, "Color Universal Design", 2008), used for missions
 * on the map and in the charts so a mission keeps its colour throughout the briefing.
 */
export const missionPalette = [
  '#0072B2',
  '#009E73',
  '#D55E00',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#F0E442',
  '#000000',
] as const;

export function missionColor(index: number): string {
  return missionPalette[index % missionPalette.length] ?? '#000000';
}

/** Points closer than this share one numbered place on the map (a city and its air-defence zone, say). */
export const PLACE_RADIUS_KM = 40;

/** Great-circle distance in km (haversine, mean Earth radius 6,371 km). */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Numbers places: each point joins the first earlier place within `PLACE_RADIUS_KM` of that place's
 * first point, or opens a new one. Deterministic for a given order.
 */
export function numberPlaces<T extends { lat: number; lon: number }>(
  points: readonly T[],
): (T & { place: number })[] {
  const anchors: { lat: number; lon: number }[] = [];
  return points.map((p) => {
    let place = anchors.findIndex((a) => distanceKm(a, p) <= PLACE_RADIUS_KM);
    if (place < 0) {
      anchors.push(p);
      place = anchors.length - 1;
    }
    return { ...p, place: place + 1 };
  });
}
