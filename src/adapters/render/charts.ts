/**
 * Vega-Lite specifications rendered to SVG on the server with vega's headless view (no browser, no
 * canvas: text is measured by vega's estimator). The SVG carries the chart's title and description for
 * screen readers.
 *
 * Each chart is drawn in two layouts from the one specification the briefing builds: `wide` for screens
 * and paper, `narrow` for phones (facets in one column, concatenations stacked, legends below, titles
 * and long labels wrapped), each at most a given width so that its text is drawn at its own size (never
 * below `MIN_FONT_PX`) instead of being scaled down with the picture.
 */
import * as vegaModule from 'vega';
import { parse, View, logger, Error as LogError } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { toCsv, type CsvCell } from '../../core/shared/index.js';

/**
 * Advance widths in em of DejaVu Sans (the metric-compatible default sans-serif of Linux, and wider than
 * the system fonts of macOS and Windows, so the estimate errs towards room), for vega's text layout.
 * Vega without a canvas guesses 0.8 em a character, which reserves about a third more room than text
 * takes and pushes a phone-width chart past the screen. Unlisted characters count 0.62 em.
 */
const EM: Readonly<Record<string, number>> = Object.fromEntries(
  [
    [' ', 0.318],
    ['.,', 0.318],
    [':;', 0.337],
    ['()[]', 0.39],
    ['%', 0.95],
    ['-', 0.361],
    ['–', 0.5],
    ['—', 1],
    ['/', 0.337],
    ["'’", 0.275],
    ['"', 0.46],
    ['&', 0.78],
    ['$0123456789', 0.636],
    ['+×≥≤=', 0.838],
    ['a', 0.613],
    ['bdghnpqu', 0.634],
    ['c', 0.55],
    ['e', 0.615],
    ['f', 0.352],
    ['ijl', 0.278],
    ['k', 0.579],
    ['m', 0.974],
    ['o', 0.612],
    ['r', 0.411],
    ['s', 0.521],
    ['t', 0.392],
    ['vxy', 0.592],
    ['w', 0.818],
    ['z', 0.525],
    ['A', 0.684],
    ['B', 0.686],
    ['C', 0.698],
    ['D', 0.77],
    ['E', 0.632],
    ['F', 0.575],
    ['GOQ', 0.787],
    ['HN', 0.75],
    ['IJ', 0.295],
    ['K', 0.656],
    ['L', 0.557],
    ['M', 0.863],
    ['P', 0.603],
    ['R', 0.695],
    ['S', 0.635],
    ['TY', 0.611],
    ['U', 0.732],
    ['VXZ', 0.685],
    ['W', 0.989],
  ].flatMap(([chars, w]) => [...String(chars)].map((c) => [c, Number(w)])),
);

/** Estimated width in px of `text` drawn at `fontSize` px (bold about 10% wider). */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const c of text) em += EM[c] ?? 0.62;
  return em * fontSize * (bold ? 1.1 : 1);
}

interface TextItem {
  fontSize?: number;
  fontWeight?: string | number;
}
// Vega's hook for a text measure without canvas (vl-convert sets it too); vega's types omit it.
const { textMetrics } = vegaModule as unknown as {
  textMetrics: { width: (item: TextItem, text: string | number | null | undefined) => number };
};
textMetrics.width = (item: TextItem, text: string | number | null | undefined): number => {
  const w = item.fontWeight;
  const bold = w === 'bold' || (typeof w === 'number' && w >= 600);
  return textWidth(`${text ?? ''}`.trim(), item.fontSize ?? 11, bold);
};

export type ChartLayout = 'wide' | 'narrow';

/** Smallest text of each layout, in CSS px at 1:1 (the narrow one leaves room for a 5% scale-down). */
export const MIN_FONT_PX: Readonly<Record<ChartLayout, number>> = { wide: 11, narrow: 12 };
/** Widest drawing of each layout in CSS px: the page's text column at 1,440 px, and a 390 px phone. */
export const MAX_WIDTH_PX: Readonly<Record<ChartLayout, number>> = { wide: 1000, narrow: 340 };
/** Labels longer than this many characters are wrapped onto lines (never truncated). */
const WRAP_CHARS: Readonly<Record<ChartLayout, number>> = { wide: 32, narrow: 22 };

export interface ChartSvg {
  readonly svg: string;
  /** Drawn size in CSS px. */
  readonly width: number;
  readonly height: number;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Visits every object of a JSON tree, parents before children. */
function walk(v: Json, visit: (o: Obj) => void): void {
  if (Array.isArray(v)) v.forEach((x) => walk(x, visit));
  else if (isObj(v)) {
    visit(v);
    for (const x of Object.values(v)) walk(x, visit);
  }
}

/**
 * Words of `text` on lines of at most `max` (a longer word keeps its own line), measured by `size`:
 * characters by default, or e.g. pixels with `(l) => textWidth(l, 13)`.
 */
export function wrapText(
  text: string,
  max: number,
  size: (line: string) => number = (l) => l.length,
): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ').filter((w) => w !== '')) {
    if (line !== '' && size(`${line} ${word}`) > max) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

const fontKeys = new Set(['fontSize', 'labelFontSize', 'titleFontSize', 'subtitleFontSize']);

/** Inline data sets of a spec (`data: { values: [...] }`), in document order. */
function datasets(spec: Json): Obj[][] {
  const out: Obj[][] = [];
  walk(spec, (o) => {
    const d = o['data'];
    if (isObj(d) && Array.isArray(d['values'])) out.push(d['values'].filter(isObj));
  });
  return out;
}

/** A vega expression mapping each long label to its lines, falling back to the label itself. */
function wrapExpr(
  labels: Iterable<string>,
  max: number,
  size: (line: string) => number = (l) => l.length,
): string | undefined {
  const entries = [...new Set(labels)]
    .filter((l) => size(l) > max)
    .map((l) => `${JSON.stringify(l)}: ${JSON.stringify(wrapText(l, max, size))}`);
  // Parenthesised: vega-lite substitutes `datum.label` with a conditional expression in headers.
  return entries.length === 0 ? undefined : `({${entries.join(', ')}})[(datum.label)] || (datum.label)`;
}

/** The spec as drawn in `layout`: fonts at least the layout's minimum, labels wrapped, narrow re-laid. */
export function layoutSpec(spec: TopLevelSpec, layout: ChartLayout, plotWidth?: number): TopLevelSpec {
  const s = structuredClone(spec) as unknown as Obj;
  const min = MIN_FONT_PX[layout];
  const wrap = WRAP_CHARS[layout];
  const narrowPlot = plotWidth ?? MAX_WIDTH_PX.narrow - 80;
  const config = isObj(s['config']) ? s['config'] : {};
  const sub = (k: string): Obj => (isObj(config[k]) ? config[k] : {});
  s['config'] = {
    ...config,
    axis: { labelFontSize: min, titleFontSize: min + 1, ...sub('axis') },
    legend: {
      labelFontSize: min,
      titleFontSize: min + 1,
      labelLimit: 0,
      ...(layout === 'narrow' ? { orient: 'bottom', direction: 'vertical' } : {}),
      ...sub('legend'),
    },
    header: { labelFontSize: min + 1, titleFontSize: min + 1, ...sub('header') },
    title: { fontSize: min + 3, subtitleFontSize: min, anchor: 'start', ...sub('title') },
    text: { fontSize: min, ...sub('text') },
  };
  const values = new Map<string, Set<string>>();
  for (const rows of datasets(s))
    for (const r of rows)
      for (const [k, v] of Object.entries(r))
        if (typeof v === 'string') values.set(k, (values.get(k) ?? new Set()).add(v));
  const labelsOf = (field: Json | undefined): string[] =>
    typeof field === 'string' ? [...(values.get(field) ?? [])] : [];

  walk(s, (o) => {
    for (const k of Object.keys(o)) {
      const v = o[k];
      if (fontKeys.has(k) && typeof v === 'number' && v < min) o[k] = min;
    }
    if (o['type'] === 'text' && typeof o['size'] === 'number' && o['size'] < min) o['size'] = min;
    // Nominal and ordinal labels: whole, on as many lines as they need.
    if ((o['type'] === 'nominal' || o['type'] === 'ordinal') && typeof o['field'] === 'string') {
      const labels = labelsOf(o['field']);
      const expr = wrapExpr(labels, wrap);
      // On a phone a facet's label goes above its panel, not beside it, so the plot keeps the width and
      // the label may take the plot's width (measured at the header's size).
      const headerExpr =
        layout === 'narrow' ? wrapExpr(labels, narrowPlot, (l) => textWidth(l, min + 1)) : expr;
      for (const part of ['axis', 'legend', 'header'] as const) {
        const cur = o[part];
        if (cur === null) continue;
        if (part === 'header' && cur === undefined) continue;
        const base = isObj(cur) ? cur : {};
        const e = part === 'header' ? headerExpr : expr;
        if (e !== undefined && base['labelExpr'] === undefined) base['labelExpr'] = e;
        if (base['labelLimit'] === undefined) base['labelLimit'] = 0;
        if (part === 'header' && layout === 'narrow') {
          base['labelOrient'] = 'top';
          base['labelAnchor'] = 'start';
          base['labelAlign'] = 'left';
          base['labelAngle'] = 0;
          base['labelLimit'] = 0;
          base['labelPadding'] = 4;
        }
        o[part] = base;
      }
    }
  });
  // A band of wrapped labels needs the height of its lines: a step too small draws them over each other.
  walk(s, (o) => {
    const h = o['height'];
    if (!isObj(h) || typeof h['step'] !== 'number') return;
    const encodings = [o, ...(Array.isArray(o['layer']) ? o['layer'].filter(isObj) : [])].map((x) =>
      isObj(x['encoding']) ? x['encoding']['y'] : undefined,
    );
    const lines = encodings
      .flatMap((y) =>
        isObj(y) && y['axis'] !== null && (y['type'] === 'nominal' || y['type'] === 'ordinal')
          ? labelsOf(y['field']).map((l) => (l.length > wrap ? wrapText(l, wrap).length : 1))
          : [],
      )
      .sort((a, b) => b - a);
    // Labels are centred on their bands: two neighbours clear each other when the step is at least
    // half their heights together, which the two tallest bound.
    const pair = ((lines[0] ?? 1) + (lines[1] ?? 1)) / 2;
    h['step'] = Math.max(h['step'], Math.ceil(pair * (min + 2) + 4));
  });
  if (layout === 'narrow') {
    const width = narrowPlot;
    walk(s, (o) => {
      if ('hconcat' in o) {
        o['vconcat'] = o['hconcat'] ?? [];
        delete o['hconcat'];
      }
      if (typeof o['columns'] === 'number') o['columns'] = 1;
      if (typeof o['width'] === 'number' && o['width'] > width && o['type'] === undefined) o['width'] = width;
      // A mark pinned at a pixel position (a rule's label at the right edge) stays inside the plot.
      const x = isObj(o['encoding']) ? o['encoding']['x'] : undefined;
      if (isObj(x) && typeof x['value'] === 'number' && x['value'] > width) x['value'] = width;
      for (const ch of ['x', 'y', 'color'] as const) {
        const enc = isObj(o['encoding']) ? o['encoding'][ch] : undefined;
        if (isObj(enc) && typeof enc['title'] === 'string' && enc['title'].length > wrap + 8)
          enc['title'] = wrapText(enc['title'], wrap + 8);
      }
    });
    if (typeof s['width'] !== 'number' && !('facet' in s) && !('vconcat' in s)) s['width'] = width;
    // Rows labelled from above sit close together, each label nearer its own panel than the one before.
    if (isObj(s['facet']) && 'row' in s['facet'] && s['spacing'] === undefined) s['spacing'] = { row: 10 };
  }
  const t = s['title'];
  const lines = (x: string): Json => {
    const w = wrapText(x, layout === 'narrow' ? 34 : 90);
    return w.length === 1 ? x : w;
  };
  if (typeof t === 'string') s['title'] = { text: lines(t) };
  else if (isObj(t)) {
    if (typeof t['text'] === 'string') t['text'] = lines(t['text']);
    if (typeof t['subtitle'] === 'string') t['subtitle'] = lines(t['subtitle']);
  }
  return s as unknown as TopLevelSpec;
}

async function draw(spec: TopLevelSpec, idPrefix: string, original: TopLevelSpec): Promise<ChartSvg> {
  // Compiler notes (e.g. sort options it simplifies) are for spec authors, not for briefing readers.
  const vega = compile(spec, { logger: logger(LogError) }).spec;
  const view = new View(parse(vega), { renderer: 'none', logLevel: LogError });
  try {
    // The accessible title is the chart's own, not its wrapped lines.
    const svg = withAccessibleTitle(renameIds(await view.toSVG(), idPrefix), original);
    const size = /<svg[^>]*\bwidth="([\d.]+)"[^>]*\bheight="([\d.]+)"/.exec(svg);
    return { svg, width: Number(size?.[1] ?? 0), height: Number(size?.[2] ?? 0) };
  } finally {
    view.finalize();
  }
}

/**
 * Renders one Vega-Lite spec to an SVG in `layout`, narrowing the plot until the drawing fits
 * `MAX_WIDTH_PX[layout]` (at most three tries; a chart that still does not fit scrolls in its box).
 * Element ids (gradients, clip paths) come from vega's process-wide counters; they are renamed
 * `${idPrefix}-1`, `-2`, … so the same chart renders to the same bytes however many charts were
 * rendered before it, and ids stay unique within one page.
 */
export async function renderChart(
  spec: TopLevelSpec,
  idPrefix = 'chart',
  layout: ChartLayout = 'wide',
): Promise<ChartSvg> {
  const max = MAX_WIDTH_PX[layout];
  let plot = layout === 'narrow' ? max - 80 : undefined;
  let out = await draw(layoutSpec(spec, layout, plot), idPrefix, spec);
  for (let i = 0; i < 3 && out.width > max && plot !== undefined && plot > 120; i++) {
    plot = Math.max(120, plot - (out.width - max) - 4);
    out = await draw(layoutSpec(spec, layout, plot), idPrefix, spec);
  }
  return out;
}

/** The wide drawing's SVG (kept for callers that want one picture). */
export async function renderChartSvg(spec: TopLevelSpec, idPrefix = 'chart'): Promise<string> {
  return (await renderChart(spec, idPrefix, 'wide')).svg;
}

/**
 * The data behind a chart as spreadsheet-safe CSV: the rows of its inline data sets, columns in order
 * of first appearance; with more than one data set a first column `dataset` numbers them from 1.
 * Null when the chart has no inline data.
 */
export function chartCsv(spec: TopLevelSpec): string | null {
  const sets = datasets(spec as unknown as Json).filter((d) => d.length > 0);
  if (sets.length === 0) return null;
  const columns: string[] = [];
  for (const rows of sets)
    for (const r of rows) for (const k of Object.keys(r)) if (!columns.includes(k)) columns.push(k);
  const cell = (v: Json | undefined): CsvCell =>
    v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : v;
  const multi = sets.length > 1;
  const rows = sets.flatMap((rs, i) =>
    rs.map((r) => [...(multi ? [i + 1] : []), ...columns.map((c) => cell(r[c]))]),
  );
  return toCsv([...(multi ? ['dataset'] : []), ...columns], rows);
}

function titleText(spec: TopLevelSpec): string {
  const t = spec.title;
  if (t === undefined) return '';
  if (typeof t === 'string') return t;
  if (Array.isArray(t)) return t.join(' ');
  const text = (t as { text?: unknown }).text;
  return typeof text === 'string' ? text : Array.isArray(text) ? text.join(' ') : '';
}

function withAccessibleTitle(svg: string, spec: TopLevelSpec): string {
  const desc = spec.description ?? '';
  const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return svg.replace(
    /<svg([^>]*)>/,
    `<svg$1 role="img"><title>${esc(titleText(spec))}</title><desc>${esc(desc)}</desc>`,
  );
}

function renameIds(svg: string, prefix: string): string {
  const ids = [...svg.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1] ?? '');
  let out = svg;
  ids.forEach((id, i) => {
    const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out.replace(new RegExp(`(id="|#)${escaped}(?=["')])`, 'g'), `$1${prefix}-${i + 1}`);
  });
  return out;
}
