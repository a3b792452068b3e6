/**
 * Browser test of the workspace in Debian's Chromium (playwright-core): a liaison signs in, edits a pledge
 * with instant validation, sees the change and its audit entry, and cannot open another nation's editor;
 * a coordinator runs an assurance and sees progress and the result; a coordinator computes the deterrence
 * frontier, edits a pledge, sees the frontier marked stale and recomputes it (at 1440 and 390 px).
 * Screenshots go to test-results/.
 * Skipped, with a message, when /usr/bin/chromium is missing.
 */
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assureKind, frontierKind, planKind } from '../../src/app/index.js';
import { makeTestWorkspace, testPassword, type TestWorkspace } from '../../src/server/testing.js';
import { root } from '../helpers.js';
import { openFold } from './folds.js';

const chromiumPath = '/usr/bin/chromium';
const hasChromium = existsSync(chromiumPath);
if (!hasChromium)
  console.warn('Browser tests SKIPPED: /usr/bin/chromium is missing (apt-get install chromium)');
const shots = join(root, 'test-results');

describe.skipIf(!hasChromium)('workspace in the browser', () => {
  let w: TestWorkspace;
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    // Its own output folder: `bulwark serve` in another test may be building web/dist at the same time.
    const outDir = mkdtempSync(join(tmpdir(), 'bulwark-web-dist-'));
    await build({ root: join(root, 'web'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    w = await makeTestWorkspace({
      webDir: outDir,
      kinds: [planKind, assureKind(2), frontierKind(2)],
    });
    url = await w.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu'],
    });
    mkdirSync(shots, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await w?.close();
  });

  async function signIn(page: Page, username: string): Promise<void> {
    await page.goto(url);
    await page.getByLabel('User name').fill(username);
    await page.getByLabel('Password').fill(testPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Dashboard' }).waitFor();
  }

  it('a liaison edits a pledge with instant validation, sees the change and the audit entry, and cannot edit another nation', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, 'gbr');
    await expect.poll(() => page.locator('svg.map path').count()).toBeGreaterThan(100);
    await page.screenshot({ path: join(shots, 'workspace-dashboard.png') });

    const coverageText = async (): Promise<string> => {
      await page.getByRole('link', { name: 'Coverage' }).click();
      await page.locator('table.coverage').first().waitFor();
      return page.locator('main').innerText();
    };
    const coverageBefore = await coverageText();
    await page.screenshot({ path: join(shots, 'workspace-coverage.png') });

    await page.getByRole('link', { name: /My pledges/ }).click();
    // Each pledge is a folded line; the first one opened.
    const first = page.locator('section.fold-item[data-fold]').first();
    await first.waitFor();
    const title = (await first.getAttribute('data-fold')) ?? '';
    await openFold(page, title);
    const form = page.locator(`form.pledge[data-pledge="${title}"]`);
    const units = form.getByLabel('Units deployed');
    const before = Number(await units.inputValue());

    // Instant validation: an invalid value is reported inline before saving, and Save is disabled.
    await units.fill('0');
    await expect.poll(() => form.locator('.issues li.error').count(), { timeout: 5000 }).toBeGreaterThan(0);
    expect(await form.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);

    await units.fill(String(before + 1));
    await expect.poll(() => form.locator('.issues li.error').count(), { timeout: 5000 }).toBe(0);
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => form.locator('.status').innerText()).toContain('Saved');

    // The change is in the scenario and in the history shown on the page.
    const history = page.locator('table.audit');
    await expect.poll(() => history.innerText()).toContain(`Units deployed: ${before} → ${before + 1}`);
    const saved = await w.call(
      await w.login('viewer'),
      'GET',
      `/api/scenarios/${w.scenarioId}/pledges/${title}`,
    );
    expect(saved.json<{ value: { units: number } }>().value.units).toBe(before + 1);
    await page.screenshot({ path: join(shots, 'workspace-pledge-edit.png'), fullPage: true });

    // The coverage view reflects the new pledge.
    expect(await coverageText()).not.toBe(coverageBefore);

    await page.getByRole('link', { name: 'Audit' }).click();
    const row = page.locator('table.audit tbody tr').first();
    await expect.poll(() => row.innerText()).toContain('pledge.update');
    expect(await row.innerText()).toContain('gbr');

    // A new pledge is checked as it is typed.
    await page.getByRole('link', { name: /My pledges/ }).click();
    await openFold(page, 'new');
    const add = page.getByRole('form', { name: 'Add a pledge' });
    await add.getByLabel('Units deployed').fill('0');
    await expect.poll(() => add.locator('.issues li').count()).toBeGreaterThan(0);

    // The nation's own limits are editable too, and audited.
    await openFold(page, 'limits');
    const limits = page.getByRole('form', { name: /limits/ });
    await limits.getByLabel('Personnel ceiling').fill('12000');
    await limits.getByRole('button', { name: 'Save limits' }).click();
    await expect.poll(() => limits.locator('.status').innerText()).toContain('Saved');
    await expect.poll(() => page.locator('table.audit').innerText()).toContain('nation.update');

    // Another nation's editor is refused. (The new pledge typed above is not saved: leaving asks, and the
    // user agrees.)
    const asked: string[] = [];
    page.once('dialog', (d) => {
      asked.push(d.message());
      void d.accept();
    });
    await page.goto(`${url}/#/nations/FRA/edit`);
    await expect.poll(() => page.getByRole('alert').innerText()).toContain("You may edit only GBR's pledges");
    expect(await page.locator('form.pledge').count()).toBe(0);
    expect(asked).toEqual([expect.stringContaining('not saved')]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a coordinator runs an assurance and sees progress and the result', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await signIn(page, 'coord');
    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByLabel('User name').fill('pol-liaison');
    await page.getByLabel(/Initial password/).fill('a long enough password');
    await page.getByLabel('Role').selectOption('liaison');
    await page.getByLabel('Nation (liaison)').selectOption('POL');
    await page.getByRole('button', { name: 'Add user' }).click();
    await expect.poll(() => page.locator('main table').innerText()).toContain('pol-liaison');
    await page.getByRole('link', { name: 'Coverage' }).click();
    await page
      .getByRole('link', { name: /^Edit the requirements of/ })
      .first()
      .click();
    const amount = page.getByRole('spinbutton', { name: /^amount, requirement 1/ });
    await amount.fill(String(Number(await amount.inputValue()) + 1));
    await page.getByRole('button', { name: 'Save requirements' }).click();
    await expect.poll(() => page.getByRole('status').last().innerText()).toContain('Saved');

    await page.getByRole('link', { name: 'Compare' }).click();
    await expect.poll(() => page.locator('main table tbody tr').count()).toBeGreaterThan(1);
    await page.screenshot({ path: join(shots, 'workspace-compare.png'), fullPage: true });
    await page.getByRole('link', { name: 'Runs' }).click();
    await page.getByLabel('Kind').selectOption('assure');
    await page.getByLabel(/Monte Carlo runs/).fill('4000');
    await page.getByRole('button', { name: 'Start' }).click();
    await page.locator('progress').waitFor();
    await expect.poll(() => page.locator('.live').innerText(), { timeout: 60_000 }).toContain('succeeded');
    await expect
      .poll(() => page.locator('.live table').innerText(), { timeout: 10_000 })
      .toContain('as pledged');
    await page.screenshot({ path: join(shots, 'workspace-assurance-run.png'), fullPage: true });
    await page.close();
  }, 120_000);

  it('a coordinator computes the frontier, sees it go stale after a pledge edit, and recomputes it', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, 'coord');
    await page.getByRole('link', { name: 'Frontier' }).click();
    const form = page.getByRole('form', { name: 'compute the frontier' });
    // A small frontier, so the test takes seconds: 3 points × 500 runs, two backstop cases.
    await form.getByLabel('Points').fill('3');
    await form.getByLabel(/Runs per point/).fill('500');
    await form.getByLabel('full').uncheck();
    await form.getByLabel(/cautious, typical and bold/).uncheck();
    await form.getByRole('button', { name: 'Compute the frontier' }).click();
    await page.locator('progress[aria-label="frontier progress"]').waitFor();
    const result = page.locator('.frontier-result section');
    await result.waitFor({ timeout: 120_000 });
    const chart = result.locator('figure.chart img');
    await expect
      .poll(() => chart.evaluate((img: { naturalWidth: number }) => img.naturalWidth))
      .toBeGreaterThan(400);
    expect(await chart.evaluate((img: { currentSrc: string }) => img.currentSrc)).not.toContain('narrow');
    expect(await result.locator('ul.findings li').count()).toBeGreaterThanOrEqual(4);
    expect(await result.locator('ul.findings').innerText()).toContain('Cheapest force keeping the risk');
    expect(await result.locator('table.frontier-table tbody tr').count()).toBe(2);
    // The earlier tests edited the scenario: the version is whatever it is now.
    const computedOn = /Scenario version (\d+) /.exec(await result.locator('.meta').innerText())?.[1];
    expect(computedOn).toMatch(/^\d+$/);
    expect(await page.locator('.stale').isHidden()).toBe(true);
    await page.screenshot({ path: join(shots, 'workspace-frontier-1440.png'), fullPage: true });
    await result
      .locator('figure.chart')
      .screenshot({ path: join(shots, 'workspace-frontier-1440-chart.png') });

    // A pledge edit offers a recompute, and the frontier shown is marked stale.
    await page.goto(`${url}/#/nations/GBR/edit`);
    const line = page.locator('section.fold-item[data-fold]').first();
    await line.waitFor();
    const pledgeId = (await line.getAttribute('data-fold')) ?? '';
    await openFold(page, pledgeId);
    const pledge = page.locator(`form.pledge[data-pledge="${pledgeId}"]`);
    const units = pledge.getByLabel('Units deployed');
    await units.fill(String(Number(await units.inputValue()) + 1));
    await expect.poll(() => pledge.locator('.issues li.error').count(), { timeout: 5000 }).toBe(0);
    await pledge.getByRole('button', { name: 'Save' }).click();
    await pledge.getByRole('button', { name: 'Recompute the frontier' }).waitFor();
    await page.getByRole('link', { name: 'Frontier' }).click();
    const stale = page.locator('.stale');
    await expect
      .poll(() => stale.innerText())
      .toMatch(
        new RegExp(`Stale: computed on scenario version ${computedOn}; the scenario is now version \\d+`),
      );

    // At 390 px: the narrow chart, and nothing wider than the screen but the table's own scroller.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect
      .poll(() => chart.evaluate((img: { currentSrc: string }) => img.currentSrc))
      .toContain('layout=narrow');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(shots, 'workspace-frontier-390-stale.png'), fullPage: true });

    await stale.getByRole('button', { name: 'Recompute' }).click();
    await expect.poll(() => stale.isHidden(), { timeout: 120_000 }).toBe(true);
    await expect
      .poll(() => result.locator('.meta').innerText())
      .not.toContain(`Scenario version ${computedOn} `);
    await page.screenshot({ path: join(shots, 'workspace-frontier-390.png'), fullPage: true });
    await result
      .locator('figure.chart')
      .screenshot({ path: join(shots, 'workspace-frontier-390-chart.png') });
    await result
      .locator('ul.findings')
      .screenshot({ path: join(shots, 'workspace-frontier-390-answers.png') });
    await result.locator('.scroll').screenshot({ path: join(shots, 'workspace-frontier-390-table.png') });
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);
});
