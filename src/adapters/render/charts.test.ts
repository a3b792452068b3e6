import fc from 'fast-check';
import type { TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { chartCsv, layoutSpec, MAX_WIDTH_PX, MIN_FONT_PX, renderChart, wrapText } from './charts.js';

const TITLE = 'Share of personnel against fair share of the contributors’ GDP, by nation';
const bars: TopLevelSpec = {
  title: TITLE,
  width: 640,
  data: {
    values: [
      { nation: 'Without every conditional pledge and France', share: 0.4 },
      { nation: 'Without every conditional pledge and Germany', share: 0.2 },
      { nation: '=HYPERLINK("x")', share: 0.1 },
    ],
  },
  mark: 'bar',
  encoding: {
    y: { field: 'nation', type: 'nominal', title: null },
    x: {
      field: 'share',
      type: 'quantitative',
      title: 'share of the coalition (%)',
      axis: { labelFontSize: 8 },
    },
  },
};

const fontSizes = (svg: string): number[] =>
  [...svg.matchAll(/font-size="([\d.]+)px"/g)].map((m) => Number(m[1]));

describe('chart layouts', () => {
  it('wraps words on lines of at most the limit, losing none', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z]{1,12}$/), { maxLength: 30 }),
        fc.integer({ min: 12, max: 40 }),
        (words, max) => {
          const lines = wrapText(words.join(' '), max);
          expect(lines.join(' ')).toBe(words.join(' '));
          for (const l of lines) expect(l.length <= max || !l.includes(' ')).toBe(true);
        },
      ),
    );
  });

  it('draws no text under the layout’s minimum and fits the narrow drawing in a phone column', async () => {
    for (const layout of ['wide', 'narrow'] as const) {
      const out = await renderChart(bars, 't', layout);
      expect(Math.min(...fontSizes(out.svg)), layout).toBeGreaterThanOrEqual(MIN_FONT_PX[layout]);
      expect(out.width, layout).toBeLessThanOrEqual(MAX_WIDTH_PX[layout]);
    }
  });

  it('keeps long labels whole and distinct (wrapped, not cut with an ellipsis)', async () => {
    const out = await renderChart(bars, 't', 'narrow');
    expect(out.svg).not.toContain('…');
    expect(out.svg).toContain('and France');
    expect(out.svg).toContain('and Germany');
  });

  it('keeps the accessible title whole however the drawn title wraps', async () => {
    const out = await renderChart(bars, 't', 'narrow');
    expect(out.svg).toContain(`<title>${TITLE}</title>`);
    const narrowTitle = (layoutSpec(bars, 'narrow').title as { text: string[] }).text;
    expect(narrowTitle.length).toBeGreaterThan(1);
  });

  it('exports the chart’s data as spreadsheet-safe CSV', () => {
    const csv = chartCsv(bars) ?? '';
    expect(csv.split('\r\n')[0]).toBe('nation,share');
    expect(csv).toContain('Without every conditional pledge and France,0.4');
    // A formula-looking cell is neutralised.
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(chartCsv({ mark: 'bar', data: { values: [] } })).toBeNull();
  });

  it('lays a faceted chart with long row labels out within a phone column, in any language', async () => {
    // Row labels of any length (here up to 60 characters, one unbroken word of 24) go above their panels.
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.stringMatching(/^[a-zàéèêç’-]{1,24}( [a-zàéèêç’-]{1,24}){0,3}$/), {
          minLength: 2,
          maxLength: 6,
        }),
        async (outcomes) => {
          const spec: TopLevelSpec = {
            title: 'A title',
            data: {
              values: outcomes.flatMap((o, i) =>
                ['a', 'b'].map((c) => ({ outcome: o, order: i, c, p: 0.1 * i })),
              ),
            },
            facet: {
              row: {
                field: 'outcome',
                type: 'nominal',
                sort: { field: 'order' },
                title: null,
                header: { labelAngle: 0, labelAlign: 'left', labelLimit: 240 },
              },
            },
            spec: {
              width: 420,
              height: { step: 14 },
              mark: 'bar',
              encoding: {
                x: { field: 'p', type: 'quantitative', title: 'probability' },
                y: { field: 'c', type: 'nominal', axis: null },
              },
            },
          };
          const out = await renderChart(spec, 't', 'narrow');
          expect(out.width).toBeLessThanOrEqual(MAX_WIDTH_PX.narrow);
          expect(Math.min(...fontSizes(out.svg))).toBeGreaterThanOrEqual(MIN_FONT_PX.narrow);
        },
      ),
      { numRuns: 12 },
    );
  });

  it('wraps a long header label onto lines (the label expression survives vega-lite’s substitution)', async () => {
    const long = 'fil-piège éprouvé, crise contenue et encore plus long que la largeur';
    const spec: TopLevelSpec = {
      data: {
        values: [
          { o: long, p: 0.5 },
          { o: 'court', p: 0.2 },
        ],
      },
      facet: { row: { field: 'o', type: 'nominal', header: { labelAngle: 0 } } },
      spec: { width: 300, mark: 'bar', encoding: { x: { field: 'p', type: 'quantitative' } } },
    };
    const out = await renderChart(spec, 't', 'narrow');
    expect(out.svg).not.toContain(`>${long}<`);
    expect(out.svg).toMatch(/<tspan[^>]*>fil-piège éprouvé, crise contenue et/);
  });

  it('gives a band of wrapped labels room for their lines', () => {
    const spec = layoutSpec({ ...bars, height: { step: 12 } }, 'narrow') as unknown as {
      height: { step: number };
    };
    // "Without every conditional pledge and France" wraps to 2 lines at 22 characters; 12 px text.
    expect(spec.height.step).toBeGreaterThanOrEqual(2 * 14);
  });
});
