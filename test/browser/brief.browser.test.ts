/**
 * Opens a generated briefing in headless Chromium (Debian's package, driven by playwright-core): the map
 * and every chart render as non-empty SVGs with their titles, no request leaves the page, and a
 * screenshot is saved to test-results/ as an artefact.
 */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { runBrief, loadInput } from '../../src/app/index.js';
import { chromiumArgs, chromiumCandidates } from '../../src/adapters/render/index.js';
import { fixture, root } from '../helpers.js';

const executablePath = chromiumCandidates.find((p) => existsSync(p));
// In CI Chromium is installed by .ci/run, so a missing browser fails the test instead of skipping it.
const run = executablePath !== undefined || process.env['CI'] !== undefined;

describe.runIf(run)('briefing in Chromium', () => {
  it('renders the map and every chart, makes no request, and looks right', async () => {
    const result = await runBrief({
      loaded: loadInput(fixture('minimal.yaml')),
      runs: 1000,
      seed: 3,
      tornadoRuns: 200,
      bulwarkVersion: 'test',
      generatedAt: '2026-11-26T00:00:00Z',
    });
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-brief-'));
    const file = join(dir, 'brief.html');
    writeFileSync(file, result.html);

    expect(executablePath, 'Chromium is installed (apt-get install chromium)').toBeDefined();
    const browser = await chromium.launch({
      executablePath: executablePath ?? '',
      headless: true,
      args: chromiumArgs,
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      const requests: string[] = [];
      page.on('request', (r) => {
        const url = r.url();
        if (!url.startsWith('file:') && !url.startsWith('data:')) requests.push(url);
      });
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });

      // The wide drawings (the page also holds each picture's phone drawing, hidden at this width).
      const map = page.locator('#map .wide svg.map');
      await expect(map.locator('title').first().textContent()).resolves.toContain('Where the force deploys');
      expect(await map.locator('path.host').count()).toBe(1);
      // The fixture's two locations frame Ukraine and its immediate neighbours.
      expect(await map.locator('g.countries path').count()).toBeGreaterThan(3);
      expect(await map.locator('g.marker').count()).toBe(result.briefing.map.points.length);

      for (const chart of result.briefing.charts) {
        const svg = page.locator(`#chart-${chart.id} .wide svg`);
        const box = await svg.boundingBox();
        expect(box?.width ?? 0, chart.id).toBeGreaterThan(100);
        expect(box?.height ?? 0, chart.id).toBeGreaterThan(50);
        expect(await svg.locator('title').first().textContent()).toBe(chart.title);
        // Something was drawn: marks beyond the frame.
        expect(await svg.locator('[role="graphics-symbol"]').count(), chart.id).toBeGreaterThan(0);
      }
      expect(requests).toEqual([]);

      mkdirSync(join(root, 'test-results'), { recursive: true });
      await page.screenshot({ path: join(root, 'test-results', 'brief.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  });
});
