/**
 * The default scenario's briefing as a reader sees it, in headless Chromium: at 1,440 and 390 px the
 * page never scrolls sideways, no SVG text is drawn under 11 px, axe-core finds no violation, and every
 * chart has a title, an axis title and a description; the PDF has at most 12 A4 pages (issue 14) with the running header and page numbers. Screenshots go to test-results/.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { runBrief, loadInput } from '../../src/app/index.js';
import {
  renderBriefingHtml,
  chromiumArgs,
  chromiumCandidates,
  pdfTemplates,
  writePdf,
} from '../../src/adapters/render/index.js';
import { buildBriefing } from '../../src/core/brief/index.js';
import { root } from '../helpers.js';

const executablePath = chromiumCandidates.find((p) => existsSync(p));
const run = executablePath !== undefined || process.env['CI'] !== undefined;
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface Look {
  readonly scrollWidth: number;
  readonly clientWidth: number;
  /** Visible SVG text drawn under 11 px: [px, text, figure id]. */
  readonly small: readonly [number, string, string][];
  /** Per visible chart drawing: [figure id, title, desc, number of axis titles]. */
  readonly charts: readonly [string, string, string, number][];
}

/** Runs in the page (a string: the test's TypeScript has no DOM library). */
const LOOK = `(() => {
  const visible = (e) => {
    const s = getComputedStyle(e);
    return s.display !== 'none' && s.visibility !== 'hidden' && Number(s.opacity) > 0 && e.getClientRects().length > 0;
  };
  const small = [];
  for (const t of document.querySelectorAll('svg text')) {
    const m = t.getScreenCTM();
    if (m === null || !visible(t) || (t.textContent || '').trim() === '') continue;
    // vega hides overlapping tick labels with opacity 0 on the element itself.
    if (t.getAttribute('opacity') === '0') continue;
    const px = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
    if (px < 10.95) small.push([Math.round(px * 10) / 10, (t.textContent || '').slice(0, 40), t.closest('figure')?.id || '']);
  }
  const charts = [];
  for (const svg of document.querySelectorAll('figure.chart svg')) {
    if (!visible(svg)) continue;
    charts.push([
      svg.closest('figure')?.id || '',
      svg.querySelector('title')?.textContent || '',
      svg.querySelector('desc')?.textContent || '',
      svg.querySelectorAll('.role-axis-title text').length,
    ]);
  }
  return { scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth, small, charts };
})()`;

const AXE = `axe.run({ resultTypes: ['violations'] }).then((r) => r.violations.map((v) => v.id + ' (' + v.nodes.length + '): ' + v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(', ')))`;

describe.runIf(run)('default briefing on a phone, a desktop and paper', () => {
  it('has no sideways scroll, no text under 11 px, no axe violation, and a PDF of at most 12 pages', async () => {
    const result = await runBrief({
      loaded: loadInput('ukraine-2025'),
      runs: 1000,
      seed: 3,
      tornadoRuns: 200,
      frontier: { points: 6, runs: 400 },
      bulwarkVersion: 'test',
      generatedAt: '2026-11-26T00:00:00Z',
    });
    const dir = join(root, 'test-results');
    mkdirSync(dir, { recursive: true });
    const browser = await chromium.launch({
      executablePath: executablePath ?? '',
      headless: true,
      args: chromiumArgs,
    });
    try {
      // The briefing's CSP forbids scripts; axe is injected by the test, so the context bypasses it.
      const context = await browser.newContext({ bypassCSP: true });
      for (const width of [1440, 390]) {
        const page = await context.newPage();
        await page.setViewportSize({ width, height: 900 });
        await page.setContent(result.html, { waitUntil: 'load' });
        const seen = await page.evaluate<Look>(LOOK);
        expect(seen.scrollWidth, `page width at ${width} px`).toBeLessThanOrEqual(seen.clientWidth);
        expect(seen.small, `text under 11 px at ${width} px`).toEqual([]);
        expect(seen.charts.map((c) => c[0]).sort()).toEqual(
          result.briefing.charts.map((c) => `chart-${c.id}`).sort(),
        );
        for (const [id, title, desc, axisTitles] of seen.charts) {
          expect(title, id).toBe(result.briefing.charts.find((c) => `chart-${c.id}` === id)?.title);
          expect(desc.length, id).toBeGreaterThan(10);
          expect(axisTitles, `${id} axis titles`).toBeGreaterThan(0);
        }
        if (width === 390) {
          // The gaps table (sentences of causes) is one block per row on a phone: nothing to scroll
          // sideways in its box (squeezed into columns it was 611 px wide in a 362 px box, rows a screen tall).
          const over = await page.evaluate<number | null>(
            "(() => { const t = document.getElementById('table-gaps'); return t === null ? null : t.getBoundingClientRect().width - t.parentElement.clientWidth; })()",
          );
          expect(over, 'gaps table at 390 px').not.toBeNull();
          expect(over ?? 1, 'gaps table at 390 px').toBeLessThanOrEqual(0);
        }
        await page.addScriptTag({ path: axePath });
        const violations = await page.evaluate<string[]>(AXE);
        expect(violations, `axe at ${width} px`).toEqual([]);
        await page.screenshot({ path: join(dir, `brief-${width}.png`), timeout: 90_000 });
        await page.close();
      }
      // The same briefing in French (rebuilt from the same results): longer names and words must not make
      // a drawing scroll in its box (axe: scrollable-region-focusable) or the page scroll sideways.
      const fr = await renderBriefingHtml(buildBriefing({ ...result.briefInput, lang: 'fr' }));
      const frContext = await browser.newContext({ bypassCSP: true });
      for (const width of [1440, 390]) {
        const page = await frContext.newPage();
        await page.setViewportSize({ width, height: 900 });
        await page.setContent(fr, { waitUntil: 'load' });
        const seen = await page.evaluate<Look>(LOOK);
        expect(seen.scrollWidth, `French page width at ${width} px`).toBeLessThanOrEqual(seen.clientWidth);
        expect(seen.small, `French text under 11 px at ${width} px`).toEqual([]);
        await page.addScriptTag({ path: axePath });
        expect(await page.evaluate<string[]>(AXE), `French axe at ${width} px`).toEqual([]);
        await page.close();
      }
    } finally {
      await browser.close();
    }

    const pdf = join(dir, 'brief.pdf');
    await writePdf(result.html, pdf, executablePath);
    const bytes = readFileSync(pdf, 'latin1');
    const pages = bytes.match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    expect(pages).toBeGreaterThan(3);
    // Issue 14: at most 12 A4 pages (43 before the briefing's second version, 15 before print condensed it).
    expect(pages).toBeLessThanOrEqual(12);
    // Header and footer are Chromium's templates: the running header and "page n of N" on every page.
    const t = pdfTemplates(result.html);
    expect(t.footer).toContain('class="pageNumber"');
    expect(t.footer).toContain('class="totalPages"');
    expect(t.header).toContain(result.scenarioHash.replace(/^sha256:/, '').slice(0, 12));
    expect(t.header).toContain('as of 7 January 2026');
  }, 240_000);
});
