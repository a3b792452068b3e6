import { describe, expect, it } from 'vitest';
import type { MapContent } from '../../core/brief/index.js';
import { renderMapSvg } from './map-svg.js';

const legend = {
  host: 'Ukraine, internationally recognised borders',
  occupied: 'Occupied, as of 7 January 2026',
  contact: 'Line of contact',
  adversary: 'Russia',
  coalition: 'Coalition members',
  other: 'Other countries',
  site: 'City',
  sea: 'Sea area',
  training: 'Training site',
  km: 'km',
  missions: ['Presence: 4,075 personnel'],
};
const model: MapContent = {
  title: 'Where the force deploys',
  hostIso3: 'UKR',
  hostName: 'Ukraine',
  adversaryIso3: 'RUS',
  adversaryName: 'Russia',
  coalitionIso3: ['POL'],
  points: [
    {
      id: 'kyiv',
      name: 'Kyiv',
      lat: 50.45,
      lon: 30.52,
      kind: 'city',
      country: 'Ukraine',
      mission: 'presence',
      missionName: 'Presence',
      place: 1,
    },
    {
      id: 'odesa',
      name: 'Odesa',
      lat: 46.48,
      lon: 30.73,
      kind: 'port',
      country: 'Ukraine',
      mission: 'presence',
      missionName: 'Presence',
      place: 2,
    },
  ],
  missions: [
    { id: 'presence', name: 'Presence', color: '#CC79A7', personnel: 4075, nations: [], locations: 2 },
  ],
  asOf: '2026-01-07',
  occupied: [
    {
      id: 'crimea',
      name: 'Crimea (occupied since 2014)',
      since: '2014',
      polygon: [
        [32.3, 46.25],
        [36.8, 46.25],
        [36.8, 44.2],
        [32.3, 44.2],
      ],
      source: ['UNGA 68/262'],
    },
  ],
  contactLine: {
    name: 'Line of contact',
    line: [
      [37.6, 49.7],
      [37.1, 48.3],
      [35.2, 47.6],
    ],
    source: ['approximate'],
  },
  bordersSource: ['UNGA 68/262'],
  description: 'Deployment locations',
  legend,
};

describe('briefing map', () => {
  const svg = renderMapSvg(model, { idPrefix: 'm' });

  it('draws Crimea inside Ukraine’s border, not Russia’s', () => {
    const paths = [...svg.matchAll(/<path class="([a-z]+)" d="([^"]+)"><title>([^<]+)<\/title>/g)];
    const ukraine = paths.find((p) => p[3] === 'Ukraine');
    const russia = paths.find((p) => p[3] === 'Russia');
    expect(ukraine?.[1]).toBe('host');
    expect(russia?.[1]).toBe('adversary');
    // Ukraine's outline gains the peninsula's ring: more subpaths than Natural Earth's two polygons.
    expect((ukraine?.[2]?.match(/M/g) ?? []).length).toBeGreaterThan(2);
  });

  it('hatches occupied territory clipped to the host, draws the line of contact and a scale bar', () => {
    expect(svg).toMatch(
      /<path class="occupied" fill="url\(#m-hatch\)" d="M[^"]+" clip-path="url\(#m-host\)">/,
    );
    expect(svg).toContain('<clipPath id="m-host">');
    expect(svg).toMatch(/<path class="contact" d="M/);
    expect(svg).toMatch(/<g class="scale"[^>]*>.*\d+ km<\/text>/);
  });

  it('draws no line of contact, and no legend entry for one, when the scenario gives none', () => {
    const none = renderMapSvg({ ...model, contactLine: null }, { idPrefix: 'x' });
    expect(none).not.toContain('class="contact"');
    expect(none).not.toContain(`>${legend.contact}<`);
  });

  it('has a legend entry for every shading, line, symbol and mission', () => {
    for (const text of [
      legend.host,
      legend.occupied,
      legend.contact,
      legend.adversary,
      legend.coalition,
      legend.other,
      legend.site,
      ...legend.missions,
    ])
      expect(svg).toContain(`>${text}<`);
    // No sea or training site on this map: no legend entry for them.
    expect(svg).not.toContain(`>${legend.sea}<`);
  });

  it('keeps its text at 12 px and, narrow, its width', () => {
    const narrow = renderMapSvg(model, { idPrefix: 'n', width: 360, height: 330 });
    expect(narrow).toMatch(/^<svg[^>]* width="360"/);
    expect(
      [...narrow.matchAll(/font:[^;}]*?(\d+)px/g)].map((m) => Number(m[1])).every((px) => px >= 12),
    ).toBe(true);
  });

  it('names the countries in the briefing’s language, from their ISO code', () => {
    const fr = renderMapSvg(model, { idPrefix: 'f', lang: 'fr' });
    const en = renderMapSvg(model, { idPrefix: 'e', lang: 'en' });
    expect(fr).toContain('<title>Hongrie</title>');
    expect(fr).toContain('<title>Biélorussie</title>');
    expect(fr).not.toContain('<title>Hungary</title>');
    expect(en).toContain('<title>Hungary</title>');
    // Without a language, Natural Earth's own names.
    expect(svg).toContain('<title>Belarus</title>');
  });
});
