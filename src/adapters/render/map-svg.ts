/**
 * Renders the briefing map to a self-contained SVG string: Natural Earth 1:50m country boundaries
 * (world-atlas, public domain) in a conic conformal projection fitted to the deployment locations, host
 * and adversary shaded, coalition members tinted, locations as mission-coloured markers with labels.
 */
import { createRequire } from 'node:module';
import { geoConicConformal, geoGraticule10, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { whereAlpha3 } from 'iso-3166-1';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { MapModel, MapPoint } from '../../core/brief/index.js';

const require = createRequire(import.meta.url);

let countriesCache: FeatureCollection<Geometry, { name: string }> | undefined;

function countries(): FeatureCollection<Geometry, { name: string }> {
  if (countriesCache === undefined) {
    const topo = require('world-atlas/countries-50m.json') as Topology<{
      countries: GeometryCollection<{ name: string }>;
    }>;
    countriesCache = feature(topo, topo.objects.countries);
  }
  return countriesCache;
}

const numericOf = (iso3: string | null): string | undefined =>
  iso3 === null ? undefined : whereAlpha3(iso3)?.numeric;

/** "Coordination HQ, Kyiv" → "Kyiv"; "Port of Odesa" → "Odesa": the place, not the facility. */
function shortName(name: string): string {
  const comma = name.lastIndexOf(',');
  if (comma >= 0) return name.slice(comma + 1).trim();
  return name
    .replace(/^(Port of|Port|Air base|Naval base)\s+/i, '')
    .replace(/\s+(air-defence zone|area|air base|naval base|training area)$/i, '');
}

const escapeXml = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

export interface MapSvgOptions {
  readonly width?: number;
  readonly height?: number;
}

/** The map as an SVG element with a <title> and <desc> for screen readers. */
export function renderMapSvg(model: MapModel, options: MapSvgOptions = {}): string {
  const width = options.width ?? 960;
  const height = options.height ?? 620;
  const margin = 24;
  const legendHeight = 34 + 18 * Math.ceil(model.missions.length / 3);

  // Fit the projection to the locations plus a margin of about two degrees, so neighbours show.
  const lons = model.points.map((p) => p.lon);
  const lats = model.points.map((p) => p.lat);
  const pad = 2;
  const [minLon, maxLon] =
    lons.length > 0 ? [Math.min(...lons) - pad, Math.max(...lons) + 2 * pad] : [20, 42];
  const [minLat, maxLat] = lats.length > 0 ? [Math.min(...lats) - pad, Math.max(...lats) + pad] : [43, 53];
  const frame: Feature = {
    type: 'Feature',
    properties: {},
    geometry: {
      type: 'MultiPoint',
      coordinates: [
        [minLon, minLat],
        [maxLon, minLat],
        [minLon, maxLat],
        [maxLon, maxLat],
      ],
    },
  };
  const projection = geoConicConformal()
    .parallels([minLat + (maxLat - minLat) / 6, maxLat - (maxLat - minLat) / 6])
    .rotate([-(minLon + maxLon) / 2, 0])
    .fitExtent(
      [
        [margin, margin],
        [width - margin, height - legendHeight - margin],
      ],
      frame,
    );
  projection.clipExtent([
    [0, 0],
    [width, height - legendHeight],
  ]);
  const path = geoPath(projection).digits(1);

  const host = numericOf(model.hostIso3);
  const adversary = numericOf(model.adversaryIso3);
  const coalition = new Set(
    model.coalitionIso3.map((c) => numericOf(c)).filter((c): c is string => c !== undefined),
  );

  const shapes: string[] = [];
  for (const f of countries().features) {
    const d = path(f);
    if (d === null || d === '') continue;
    const id = String(f.id ?? '');
    const cls =
      id === host ? 'host' : id === adversary ? 'adversary' : coalition.has(id) ? 'coalition' : 'other';
    shapes.push(`<path class="${cls}" d="${d}"><title>${escapeXml(f.properties.name)}</title></path>`);
  }
  const graticule = path(geoGraticule10()) ?? '';

  const colorOf = new Map(model.missions.map((m) => [m.id, m.color]));
  // Several missions may share a location: offset markers around the point so each stays visible.
  const byPlace = new Map<number, MapPoint[]>();
  for (const p of model.points) byPlace.set(p.place, [...(byPlace.get(p.place) ?? []), p]);
  const markers: string[] = [];
  const labels: string[] = [];
  const groups = [...byPlace.values()];
  // Place labels greedily, biggest presence first: right, left, above or below the marker, whichever
  // does not overlap a label already placed; a place that fits nowhere keeps only its number, which the
  // location table under the map explains.
  const weight = (g: MapPoint[]): number =>
    g.reduce((a, p) => a + p.nations.reduce((b, n) => b + n.personnel, 0), 0);
  const order = groups
    .map((g) => ({ g, i: (g[0]?.place ?? 1) - 1 }))
    .sort((a, b) => weight(b.g) - weight(a.g) || a.i - b.i);
  const placed: [number, number, number, number][] = [];
  const overlaps = (r: [number, number, number, number]): boolean =>
    r[0] < 0 ||
    r[2] > width ||
    r[1] < 0 ||
    r[3] > height - legendHeight ||
    placed.some((q) => r[0] < q[2] && r[2] > q[0] && r[1] < q[3] && r[3] > q[1]);
  for (const { g: group, i: gi } of order) {
    const first = group[0];
    if (first === undefined) continue;
    const xy = projection([first.lon, first.lat]);
    if (xy === null) continue;
    const [cx, cy] = xy;
    placed.push([cx - 9, cy - 9, cx + 9, cy + 9]);
    group.forEach((p, i) => {
      const angle = (2 * Math.PI * i) / group.length;
      const r = group.length > 1 ? 7 : 0;
      const x = cx + r * Math.cos(angle);
      const y = cy + r * Math.sin(angle);
      const color = colorOf.get(p.mission) ?? '#000';
      const who =
        p.nations.length === 0
          ? 'no contributor in the plan'
          : p.nations.map((n) => `${n.id} ${Math.round(n.personnel).toLocaleString('en-GB')}`).join(', ');
      const tip = escapeXml(`${gi + 1}. ${p.name} — ${p.missionName}: ${who}`);
      const shape =
        p.kind === 'sea'
          ? `<path d="M${(x - 7).toFixed(1)},${y.toFixed(1)} l7,-7 l7,7 l-7,7 z" fill="${color}" />`
          : p.kind === 'training'
            ? `<rect x="${(x - 5.5).toFixed(1)}" y="${(y - 5.5).toFixed(1)}" width="11" height="11" fill="${color}" />`
            : `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="6" fill="${color}" />`;
      markers.push(
        `<g class="marker" data-mission="${escapeXml(p.mission)}"><title>${tip}</title>${shape}</g>`,
      );
    });
    const name = group.map((p) => shortName(p.name)).reduce((a, b) => (b.length < a.length ? b : a));
    const text = `${gi + 1} ${name}`;
    const w = 7 * text.length + 4;
    const off = group.length > 1 ? 17 : 11;
    const candidates: [number, number, number, number][] = [
      [cx + off, cy - 8, cx + off + w, cy + 8],
      [cx - off - w, cy - 8, cx - off, cy + 8],
      [cx - w / 2, cy - 28, cx + w / 2, cy - 12],
      [cx - w / 2, cy + 12, cx + w / 2, cy + 28],
    ];
    const spot = candidates.find((c) => !overlaps(c));
    const numberOnly: [number, number, number, number] = [
      cx + 9,
      cy - 16,
      cx + 9 + 7 * String(gi + 1).length,
      cy - 4,
    ];
    const box = spot ?? numberOnly;
    placed.push(box);
    labels.push(
      `<text x="${(box[0] + 2).toFixed(1)}" y="${(box[3] - 4).toFixed(1)}" class="label">${escapeXml(spot === undefined ? String(gi + 1) : text)}</text>`,
    );
  }

  const legendY = height - legendHeight + 16;
  const legend = model.missions
    .map((m, i) => {
      const x = margin + (i % 3) * 300;
      const y = legendY + Math.floor(i / 3) * 18;
      return `<g><circle cx="${x + 6}" cy="${y - 4}" r="6" fill="${m.color}" /><text x="${x + 18}" y="${y}" class="legend">${escapeXml(m.name)}</text></g>`;
    })
    .join('');
  const keyY = legendY + 18 * Math.ceil(model.missions.length / 3);
  const key = `<text x="${margin}" y="${keyY}" class="legend note">● city, base or HQ   ◆ sea area   ■ training site · shaded: host (blue), adversary (red), coalition members (light) · numbers refer to the table of locations</text>`;

  const desc = `Deployment locations of the force by mission: ${model.points.map((p) => `${p.name} (${p.missionName})`).join('; ')}.`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${keyY + 10}" width="${width}" height="${keyY + 10}" role="img" aria-labelledby="map-title map-desc" class="map">`,
    `<title id="map-title">${escapeXml(model.title)}</title><desc id="map-desc">${escapeXml(desc)}</desc>`,
    `<style>.other{fill:#eeeeea;stroke:#b8b8b0;stroke-width:.5}.coalition{fill:#dfe8f1;stroke:#9fb3c8;stroke-width:.5}.host{fill:#c6dbef;stroke:#3f6f9f;stroke-width:1}.adversary{fill:#f3d3cc;stroke:#a0522d;stroke-width:.7}.grat{fill:none;stroke:#d8dde3;stroke-width:.4}.marker{stroke:#fff;stroke-width:1.5}.label{font:600 12px system-ui,sans-serif;fill:#1a1a1a;paint-order:stroke;stroke:#fff;stroke-width:3px}.who{font-weight:400;fill:#444}.legend{font:12px system-ui,sans-serif;fill:#222}.note{fill:#555;font-size:11px}</style>`,
    `<rect width="${width}" height="${height - legendHeight}" fill="#f7fbff" />`,
    `<path class="grat" d="${graticule}" />`,
    `<g class="countries">${shapes.join('')}</g>`,
    `<g class="markers">${markers.join('')}</g>`,
    `<g class="labels">${labels.join('')}</g>`,
    `<g class="legend-box">${legend}${key}</g>`,
    `</svg>`,
  ].join('\n');
}
