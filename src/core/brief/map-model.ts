/**
 * The briefing map as data: where the force deploys, by mission, and who is there. Rendered to SVG by
 * src/adapters/render (Natural Earth boundaries from world-atlas, projected with d3-geo).
 */

export interface MapPoint {
  readonly id: string;
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
  /** city, base, port, sea, training, headquarters. */
  readonly kind: string;
  readonly mission: string;
  readonly missionName: string;
  /** Number of the place this point belongs to (points within `PLACE_RADIUS_KM` share one), from 1. */
  readonly place: number;
  /** Contributing nations at this location (ISO alpha-3) with the personnel they deploy to the mission, largest first. */
  readonly nations: readonly { readonly id: string; readonly personnel: number }[];
}

export interface MapModel {
  readonly title: string;
  readonly hostIso3: string | null;
  readonly adversaryIso3: string | null;
  readonly coalitionIso3: readonly string[];
  readonly points: readonly MapPoint[];
  /** Missions in legend order with their colour. */
  readonly missions: readonly { readonly id: string; readonly name: string; readonly color: string }[];
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
