/**
 * Renders the briefing map to a self-contained SVG string: Natural Earth 1:50m country boundaries
 * (world-atlas, public domain) in a conic conformal projection fitted to the deployment locations, host
 * and adversary shaded, coalition members tinted, locations as mission-coloured markers with labels.
 */
import { createRequire } from 'node:module';
import { geoArea, geoCentroid, geoConicConformal, geoGraticule10, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, Polygon } from 'geojson';
import { whereAlpha3, whereNumeric } from 'iso-3166-1';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { MapContent, MapPoint } from '../../core/brief/index.js';
import { wrapText } from './charts.js';

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

/**
 * A country's name in `lang` (`Intl.DisplayNames` from its ISO 3166 code), else Natural Earth's English
 * name (features without a code, such as Kosovo or Northern Cyprus, or no language given).
 */
function countryName(f: Feature<Geometry, { name: string }>, names: Intl.DisplayNames | undefined): string {
  const alpha2 = names === undefined ? undefined : whereNumeric(String(f.id ?? ''))?.alpha2;
  return (alpha2 === undefined ? undefined : names?.of(alpha2)) ?? f.properties.name;
}

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

/**
 * Natural Earth 1:50m (as world-atlas ships it) draws Crimea inside Russia. The internationally
 * recognised border (UN General Assembly resolution 68/262, 2014) puts it in Ukraine: the Crimean
 * polygon of Russia's multipolygon (the one whose centroid lies on the peninsula) moves to Ukraine.
 */
const RUSSIA = '643';
const UKRAINE = '804';
const onCrimea = ([lon, lat]: [number, number]): boolean =>
  lon > 32.3 && lon < 36.8 && lat > 44.2 && lat < 46.3;

function recognised(
  fs: readonly Feature<Geometry, { name: string }>[],
): Feature<Geometry, { name: string }>[] {
  const russia = fs.find((f) => String(f.id) === RUSSIA);
  const ukraine = fs.find((f) => String(f.id) === UKRAINE);
  if (russia?.geometry.type !== 'MultiPolygon' || ukraine === undefined) return [...fs];
  const crimea = russia.geometry.coordinates.filter((poly) =>
    onCrimea(geoCentroid({ type: 'Polygon', coordinates: poly })),
  );
  if (crimea.length === 0) return [...fs];
  const ukrPolys =
    ukraine.geometry.type === 'MultiPolygon'
      ? ukraine.geometry.coordinates
      : ukraine.geometry.type === 'Polygon'
        ? [ukraine.geometry.coordinates]
        : [];
  return fs.map((f) =>
    f === russia
      ? {
          ...f,
          geometry: {
            type: 'MultiPolygon',
            coordinates:
              russia.geometry.type === 'MultiPolygon'
                ? russia.geometry.coordinates.filter((p) => !crimea.includes(p))
                : [],
          },
        }
      : f === ukraine
        ? { ...f, geometry: { type: 'MultiPolygon', coordinates: [...ukrPolys, ...crimea] } }
        : f,
  );
}

/** A closed GeoJSON ring wound so that it encloses the small side (d3-geo's spherical convention). */
function areaPolygon(ring: readonly (readonly [number, number])[]): Polygon {
  const closed = [...ring.map(([x, y]) => [x, y])];
  const [first] = closed;
  const last = closed[closed.length - 1];
  if (first !== undefined && last !== undefined && (first[0] !== last[0] || first[1] !== last[1]))
    closed.push([...first]);
  const poly: Polygon = { type: 'Polygon', coordinates: [closed] };
  return geoArea(poly) > 2 * Math.PI ? { type: 'Polygon', coordinates: [closed.reverse()] } : poly;
}

/** A round scale-bar length in km near `targetKm`. */
function niceKm(targetKm: number): number {
  const steps = [10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000];
  return steps.reduce((best, k) => (Math.abs(k - targetKm) < Math.abs(best - targetKm) ? k : best), 100);
}

export interface MapSvgOptions {
  readonly width?: number;
  readonly height?: number;
  /** Prefix of the SVG's internal ids (clip path, pattern, title), unique per drawing on a page. */
  readonly idPrefix?: string;
  /** Font size of labels and legend in px (at 1:1). Default 12. */
  readonly fontSize?: number;
  /** The language of the country names in the shapes' tooltips (a BCP 47 tag); default Natural Earth's. */
  readonly lang?: string;
}

/** The map as an SVG element with a <title> and <desc> for screen readers. */
export function renderMapSvg(model: MapContent, options: MapSvgOptions = {}): string {
  const width = options.width ?? 960;
  const height = options.height ?? 620;
  const id = options.idPrefix ?? 'map';
  const fs = options.fontSize ?? 12;
  const margin = width < 600 ? 10 : 24;
  const cols = width >= 700 ? 2 : 1;
  const colW = (width - 2 * margin) / cols;
  const line = Math.round(fs * 1.55);

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
  const mapH = height;
  const projection = geoConicConformal()
    .parallels([minLat + (maxLat - minLat) / 6, maxLat - (maxLat - minLat) / 6])
    .rotate([-(minLon + maxLon) / 2, 0])
    .fitExtent(
      [
        [margin, margin],
        [width - margin, mapH - margin],
      ],
      frame,
    );
  projection.clipExtent([
    [0, 0],
    [width, mapH],
  ]);
  const path = geoPath(projection).digits(1);

  const host = numericOf(model.hostIso3);
  const adversary = numericOf(model.adversaryIso3);
  const coalition = new Set(
    model.coalitionIso3.map((c) => numericOf(c)).filter((c): c is string => c !== undefined),
  );

  const names =
    options.lang === undefined ? undefined : new Intl.DisplayNames([options.lang], { type: 'region' });
  const shapes: string[] = [];
  let hostPath = '';
  for (const f of recognised(countries().features)) {
    const d = path(f);
    if (d === null || d === '') continue;
    const fid = String(f.id ?? '');
    const cls =
      fid === host ? 'host' : fid === adversary ? 'adversary' : coalition.has(fid) ? 'coalition' : 'other';
    if (fid === host) hostPath = d;
    shapes.push(`<path class="${cls}" d="${d}"><title>${escapeXml(countryName(f, names))}</title></path>`);
  }
  const graticule = path(geoGraticule10()) ?? '';

  // Occupied territory: hatched, clipped to the host's recognised border, labelled.
  const areas = model.occupied.map((a) => {
    const poly = areaPolygon(a.polygon);
    const d = path(poly) ?? '';
    return `<path class="occupied" fill="url(#${id}-hatch)" d="${d}" clip-path="url(#${id}-host)"><title>${escapeXml(a.name)}</title></path>`;
  });
  const contact =
    model.contactLine === null
      ? ''
      : `<path class="contact" d="${path({ type: 'LineString', coordinates: model.contactLine.line.map(([x, y]) => [x, y]) }) ?? ''}"><title>${escapeXml(model.contactLine.name)}</title></path>`;

  const colorOf = new Map(model.missions.map((m) => [m.id, m.color]));
  // Several missions may share a location: offset markers around the point so each stays visible.
  const byPlace = new Map<number, MapPoint[]>();
  for (const p of model.points) byPlace.set(p.place, [...(byPlace.get(p.place) ?? []), p]);
  const markers: string[] = [];
  const labels: string[] = [];
  const placed: [number, number, number, number][] = [];
  const overlaps = (r: [number, number, number, number]): boolean =>
    r[0] < 0 ||
    r[2] > width ||
    r[1] < 0 ||
    r[3] > mapH ||
    placed.some((q) => r[0] < q[2] && r[2] > q[0] && r[1] < q[3] && r[3] > q[1]);
  // Occupied-area labels first, at their polygon's centroid when it falls inside the frame.
  for (const a of model.occupied) {
    const c = projection(geoCentroid(areaPolygon(a.polygon)));
    if (c === null) continue;
    const lines = a.name.length > 26 ? wrapText(a.name, 24) : [a.name];
    const w = Math.max(...lines.map((l) => 0.6 * fs * l.length));
    const box: [number, number, number, number] = [
      c[0] - w / 2,
      c[1] - fs,
      c[0] + w / 2,
      c[1] + (lines.length - 1) * (fs + 2) + 4,
    ];
    if (overlaps(box)) continue;
    placed.push(box);
    labels.push(
      `<text class="area-label" x="${c[0].toFixed(1)}" y="${c[1].toFixed(1)}" text-anchor="middle">${lines.map((l, i) => `<tspan x="${c[0].toFixed(1)}" dy="${i === 0 ? 0 : fs + 2}">${escapeXml(l)}</tspan>`).join('')}</text>`,
    );
  }
  // Place labels greedily, the place of most missions first: right, left, above or below the marker,
  // whichever does not overlap a label already placed; a place that fits nowhere keeps only its number,
  // which the location table under the map explains.
  const order = [...byPlace.values()]
    .map((g) => ({ g, i: (g[0]?.place ?? 1) - 1 }))
    .sort((a, b) => b.g.length - a.g.length || a.i - b.i);
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
      const tip = escapeXml(`${gi + 1}. ${p.name} — ${p.missionName}`);
      markers.push(
        `<g class="marker" data-mission="${escapeXml(p.mission)}"><title>${tip}</title>${markerShape(p.kind, x, y, color)}</g>`,
      );
    });
    const name = group.map((p) => shortName(p.name)).reduce((a, b) => (b.length < a.length ? b : a));
    const text = `${gi + 1} ${name}`;
    const w = 0.62 * fs * text.length + 4;
    const off = group.length > 1 ? 17 : 11;
    const hh = fs * 0.7;
    const candidates: [number, number, number, number][] = [
      [cx + off, cy - hh, cx + off + w, cy + hh],
      [cx - off - w, cy - hh, cx - off, cy + hh],
      [cx - w / 2, cy - 12 - 2 * hh, cx + w / 2, cy - 12],
      [cx - w / 2, cy + 12, cx + w / 2, cy + 12 + 2 * hh],
    ];
    const spot = candidates.find((c) => !overlaps(c));
    const numberOnly: [number, number, number, number] = [
      cx + 9,
      cy - 9 - 2 * hh,
      cx + 9 + 0.62 * fs * String(gi + 1).length,
      cy - 9,
    ];
    const box = spot ?? numberOnly;
    placed.push(box);
    labels.push(
      `<text x="${(box[0] + 2).toFixed(1)}" y="${(box[3] - fs * 0.3).toFixed(1)}" class="label">${escapeXml(spot === undefined ? String(gi + 1) : text)}</text>`,
    );
  }

  // Scale bar: true at the map's centre latitude (a conformal projection's scale varies slowly).
  const midLat = (minLat + maxLat) / 2;
  const midLon = (minLon + maxLon) / 2;
  const a = projection([midLon, midLat]);
  const b = projection([midLon + 1, midLat]);
  const pxPerKm =
    a === null || b === null
      ? 0
      : Math.hypot(b[0] - a[0], b[1] - a[1]) / (111.32 * Math.cos((midLat * Math.PI) / 180));
  const km = pxPerKm > 0 ? niceKm((width < 600 ? 90 : 140) / pxPerKm) : 0;
  const barW = km * pxPerKm;
  const scale =
    km === 0
      ? ''
      : `<g class="scale" transform="translate(${margin},${mapH - margin})"><rect x="-4" y="${-fs - 8}" width="${(barW + 8 + 0.62 * fs * 7).toFixed(1)}" height="${fs + 14}" fill="#fff" opacity=".85"/><path d="M0,0h${barW.toFixed(1)}M0,-5v5M${barW.toFixed(1)},-5v5" stroke="#222" stroke-width="1.5" fill="none"/><text x="${(barW + 6).toFixed(1)}" y="0" class="legend">${km} ${escapeXml(model.legend.km)}</text></g>`;

  // Legend: every shading, line and symbol, then each mission with what the plan deploys to it.
  const entries: { swatch: string; text: string }[] = [];
  const sw = (cls: string): string => `<rect x="0" y="${-fs + 1}" width="18" height="${fs}" class="${cls}"/>`;
  if (model.hostName !== null) entries.push({ swatch: sw('host'), text: model.legend.host });
  if (model.occupied.length > 0)
    entries.push({
      swatch: `<rect x="0" y="${-fs + 1}" width="18" height="${fs}" class="occupied" fill="url(#${id}-hatch)" />`,
      text: model.legend.occupied,
    });
  if (model.contactLine !== null)
    entries.push({
      swatch: `<path d="M0,${-fs / 2 + 1}h18" class="contact"/>`,
      text: model.legend.contact,
    });
  if (model.adversaryName !== null) entries.push({ swatch: sw('adversary'), text: model.legend.adversary });
  if (model.coalitionIso3.length > 0) entries.push({ swatch: sw('coalition'), text: model.legend.coalition });
  entries.push({ swatch: sw('other'), text: model.legend.other });
  const kinds = new Set(
    model.points.map((p) => (p.kind === 'sea' || p.kind === 'training' ? p.kind : 'site')),
  );
  if (kinds.has('site'))
    entries.push({ swatch: markerShape('city', 9, -fs / 2 + 1, '#555'), text: model.legend.site });
  if (kinds.has('sea'))
    entries.push({ swatch: markerShape('sea', 9, -fs / 2 + 1, '#555'), text: model.legend.sea });
  if (kinds.has('training'))
    entries.push({
      swatch: markerShape('training', 9, -fs / 2 + 1, '#555'),
      text: model.legend.training,
    });
  model.missions.forEach((m, i) =>
    entries.push({
      swatch: markerShape('city', 9, -fs / 2 + 1, m.color),
      text: model.legend.missions[i] ?? m.name,
    }),
  );
  const maxChars = Math.floor((colW - 30) / (0.6 * fs));
  const legendRows: string[] = [];
  const perCol = Math.ceil(entries.length / cols);
  let legendH = 0;
  for (let c = 0; c < cols; c++) {
    let y = mapH + 12 + fs;
    for (const e of entries.slice(c * perCol, (c + 1) * perCol)) {
      const lines = wrapText(e.text, maxChars);
      const x = margin + c * colW;
      legendRows.push(
        `<g transform="translate(${x.toFixed(1)},${y})">${e.swatch}<text x="26" y="0" class="legend">${lines.map((l, i) => `<tspan x="26" dy="${i === 0 ? 0 : fs + 3}">${escapeXml(l)}</tspan>`).join('')}</text></g>`,
      );
      y += line + (lines.length - 1) * (fs + 3);
    }
    legendH = Math.max(legendH, y - mapH);
  }
  const total = Math.ceil(mapH + legendH + 4);

  const desc = model.description;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${total}" width="${width}" height="${total}" role="img" aria-labelledby="${id}-title ${id}-desc" class="map">`,
    `<title id="${id}-title">${escapeXml(model.title)}</title><desc id="${id}-desc">${escapeXml(desc)}</desc>`,
    `<defs><clipPath id="${id}-host"><path d="${hostPath}"/></clipPath><pattern id="${id}-hatch" patternUnits="userSpaceOnUse" width="7" height="7" patternTransform="rotate(45)"><rect width="7" height="7" fill="#f1ddd6"/><path d="M0,0v7" stroke="#9c3d1c" stroke-width="2"/></pattern></defs>`,
    `<style>.other{fill:#eeeeea;stroke:#b8b8b0;stroke-width:.5}.coalition{fill:#dfe8f1;stroke:#9fb3c8;stroke-width:.5}.host{fill:#c6dbef;stroke:#1f4f7f;stroke-width:1.2}.adversary{fill:#ead9d3;stroke:#8a5a44;stroke-width:.7}.occupied{stroke:#9c3d1c;stroke-width:.6}.contact{fill:none;stroke:#7a1f00;stroke-width:2.2;stroke-dasharray:6 3}.grat{fill:none;stroke:#d8dde3;stroke-width:.4}.marker{stroke:#fff;stroke-width:1.5}.label{font:600 ${fs}px system-ui,sans-serif;fill:#1a1a1a;paint-order:stroke;stroke:#fff;stroke-width:3px}.area-label{font:italic 600 ${fs}px system-ui,sans-serif;fill:#6b2410;paint-order:stroke;stroke:#fff;stroke-width:3px}.legend{font:${fs}px system-ui,sans-serif;fill:#222}</style>`,
    `<rect width="${width}" height="${mapH}" fill="#f7fbff" />`,
    `<path class="grat" d="${graticule}" />`,
    `<g class="countries">${shapes.join('')}</g>`,
    `<g class="areas">${areas.join('')}${contact}</g>`,
    `<path d="${hostPath}" fill="none" stroke="#1f4f7f" stroke-width="1.2"/>`,
    `<g class="markers">${markers.join('')}</g>`,
    `<g class="labels">${labels.join('')}</g>`,
    scale,
    `<g class="legend-box">${legendRows.join('')}</g>`,
    `</svg>`,
  ].join('\n');
}

function markerShape(kind: string, x: number, y: number, color: string): string {
  return kind === 'sea'
    ? `<path d="M${(x - 7).toFixed(1)},${y.toFixed(1)} l7,-7 l7,7 l-7,7 z" fill="${color}" />`
    : kind === 'training'
      ? `<rect x="${(x - 5.5).toFixed(1)}" y="${(y - 5.5).toFixed(1)}" width="11" height="11" fill="${color}" />`
      : `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="6" fill="${color}" />`;
}
