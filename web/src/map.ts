/**
 * The dashboard map, drawn offline: world-atlas country shapes (Natural Earth 1:110m) through d3-geo.
 * Coalition members are shaded by personnel pledged at the peak, the host and the adversary outlined in
 * their own colours, and every mission location is a dot.
 */
import { geoMercator, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import { whereAlpha3 } from 'iso-3166-1';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries110m from 'world-atlas/countries-110m.json';

interface Place {
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
  readonly mission: string;
}

export interface MapInput {
  readonly nations: readonly { id: string; name: string; role: string; pledgedPersonnelPeak: number }[];
  readonly places: readonly Place[];
}

const SVG = 'http://www.w3.org/2000/svg';
const svgEl = (tag: string, attrs: Record<string, string | number>): SVGElement => {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
};

export function drawMap(input: MapInput, width = 720, height = 440): SVGSVGElement {
  const topo = countries110m as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const world = feature(topo, topo.objects.countries);
  const byNumeric = new Map<string, MapInput['nations'][number]>();
  for (const n of input.nations) {
    const numeric = whereAlpha3(n.id)?.numeric;
    if (numeric !== undefined) byNumeric.set(numeric, n);
  }
  const peak = Math.max(1, ...input.nations.map((n) => n.pledgedPersonnelPeak));
  // Frame: the mission locations with a margin (the theatre), else Europe.
  const lons = input.places.map((p) => p.lon);
  const lats = input.places.map((p) => p.lat);
  const box =
    input.places.length > 0
      ? [Math.min(...lons) - 14, Math.min(...lats) - 6, Math.max(...lons) + 10, Math.max(...lats) + 6]
      : [-12, 34, 45, 66];
  const [x0, y0, x1, y1] = box as [number, number, number, number];
  const frame = {
    type: 'Feature',
    properties: {},
    geometry: {
      type: 'MultiPoint',
      coordinates: [
        [x0, y0],
        [x1, y1],
        [x0, y1],
        [x1, y0],
      ],
    },
  } as GeoPermissibleObjects;
  const projection = geoMercator().fitExtent(
    [
      [8, 8],
      [width - 8, height - 8],
    ],
    frame,
  );
  const path = geoPath(projection);

  const svg = svgEl('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'map' }) as SVGSVGElement;
  svg.append(
    Object.assign(svgEl('title', {}), {
      textContent: 'Coalition nations, host, adversary and mission locations',
    }),
  );
  svg.append(svgEl('rect', { x: 0, y: 0, width, height, class: 'sea' }));
  const g = svgEl('g', {});
  for (const f of world.features) {
    const n = byNumeric.get(String(f.id));
    let cls = 'land';
    let fill = '';
    if (n?.role === 'host') cls = 'land host';
    else if (n?.role === 'adversary') cls = 'land adversary';
    else if (n?.role === 'coalition') {
      cls = 'land coalition';
      const t = n.pledgedPersonnelPeak / peak;
      fill = `hsl(212 60% ${Math.round(88 - 48 * Math.sqrt(t))}%)`;
    }
    const d = path(f);
    if (d === null) continue;
    const p = svgEl('path', { d, class: cls, ...(fill === '' ? {} : { style: `fill:${fill}` }) });
    if (n !== undefined)
      p.append(
        Object.assign(svgEl('title', {}), {
          textContent: `${n.name} (${n.role})${n.role === 'coalition' ? `: ${n.pledgedPersonnelPeak.toLocaleString('en-GB')} personnel pledged at peak` : ''}`,
        }),
      );
    g.append(p);
  }
  svg.append(g);
  for (const place of input.places) {
    const xy = projection([place.lon, place.lat]);
    if (xy === null) continue;
    const c = svgEl('circle', {
      cx: xy[0].toFixed(1),
      cy: xy[1].toFixed(1),
      r: 4.5,
      class: `place m-${place.mission}`,
    });
    c.append(Object.assign(svgEl('title', {}), { textContent: `${place.name} — ${place.mission}` }));
    svg.append(c);
  }
  return svg;
}
