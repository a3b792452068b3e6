/**
 * Browser tests of the workspace's v2 front end (issue 15) in Debian's Chromium (playwright-core): two
 * users editing one pledge lose nothing; a liaison adds, checks and deletes a pledge; a coordinator edits
 * requirements and a variant; runs are started once per click, named, cancelled and read (a viewer reads
 * a plan as coverage and gaps); the workspace's coverage agrees with `bulwark show`; and every page, for
 * each role, has no horizontal scroll at 390 px and no axe-core violation. Screenshots go to test-results/.
 * Skipped, with a message, when /usr/bin/chromium is missing.
 */
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assureKind, planKind, showScenario } from '../../src/app/index.js';
import { makeTestWorkspace, testPassword, type TestWorkspace } from '../../src/server/testing.js';
import { root } from '../helpers.js';
import { openFold } from './folds.js';

const chromiumPath = '/usr/bin/chromium';
const hasChromium = existsSync(chromiumPath);
if (!hasChromium)
  console.warn('Browser tests SKIPPED: /usr/bin/chromium is missing (apt-get install chromium)');
const shots = join(root, 'test-results');
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeResult {
  violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
}

describe.skipIf(!hasChromium)('workspace v2 in the browser', () => {
  let w: TestWorkspace;
  let browser: Browser;
  let url: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'bulwark-web-dist-'));
    await build({ root: join(root, 'web'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    w = await makeTestWorkspace({
      webDir: outDir,
      kinds: [planKind, assureKind(2)],
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
    for (const c of contexts) await c.close();
    await browser?.close();
    await w?.close();
  });

  /** A signed-in page in its own browser context (own cookies); CSP bypassed only so axe can be injected. */
  async function open(username: string | null, width = 1440): Promise<{ page: Page; errors: string[] }> {
    const ctx = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
    contexts.push(ctx);
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    if (username !== null) {
      await page.getByLabel('User name').fill(username);
      await page.getByLabel('Password').fill(testPassword);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('link', { name: 'Dashboard' }).waitFor();
      await drawn(page);
    }
    return { page, errors };
  }

  /** Waits until the router has drawn the page (heading present, no longer busy). */
  const drawn = (page: Page) =>
    page.waitForFunction(
      "(() => { const m = document.getElementById('main'); return m !== null && !m.hasAttribute('aria-busy') && m.querySelector('h1') !== null; })()",
    );

  async function go(page: Page, hash: string): Promise<void> {
    await page.evaluate(`location.hash = ${JSON.stringify(hash)}`);
    await drawn(page);
  }

  const pledgeForm = (page: Page, id: string) => page.locator(`form.pledge[data-pledge="${id}"]`);

  it('two users edit the same pledge: the second sees both values, who and when, and no value is lost', async () => {
    const { page: liaison, errors } = await open('gbr');
    const { page: coord } = await open('coord');
    for (const p of [liaison, coord]) await go(p, '#/nations/GBR/edit');
    const before = (
      await w.call(await w.login('viewer'), 'GET', `/api/scenarios/${w.scenarioId}/pledges/gbr-frigates`)
    ).json<{
      value: { units: number; status: string };
    }>().value;

    // The liaison raises the units and adds a note, and saves first.
    await openFold(liaison, 'gbr-frigates');
    const a = pledgeForm(liaison, 'gbr-frigates');
    await a.getByLabel('Units deployed').fill(String(before.units + 1));
    await a.getByLabel('Note').fill('Second frigate from March');
    await a.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => a.locator('.status').innerText()).toContain('Saved');

    // The coordinator, on the page read before, changes the units differently and the status.
    await openFold(coord, 'gbr-frigates');
    const b = pledgeForm(coord, 'gbr-frigates');
    await b.getByLabel('Units deployed').fill(String(before.units + 2));
    await b.getByLabel('Status', { exact: true }).selectOption('confirmed');
    await b.getByRole('button', { name: 'Save' }).click();
    const merge = b.locator('.merge');
    await merge.waitFor();
    const status = await b.locator('.status').innerText();
    expect(status).toContain('changed by gbr');
    expect(status).toMatch(/\d{2}\/\d{2}\/\d{4}/);
    const table = await merge.locator('table').innerText();
    expect(table).toContain('Units deployed');
    expect(table).toContain(String(before.units + 2)); // yours
    expect(table).toContain(String(before.units + 1)); // theirs
    expect(table).toContain('Second frigate from March');
    expect(table).toContain('confirmed');
    expect(await merge.locator('tr.both').innerText()).toContain('Units deployed');
    // What the coordinator typed is still in the form.
    expect(await b.getByLabel('Units deployed').inputValue()).toBe(String(before.units + 2));
    await coord.screenshot({ path: join(shots, 'workspace-v2-merge-1440.png'), fullPage: true });

    // Combine: the coordinator's units and status, the liaison's note.
    await merge.getByRole('button', { name: 'Save the combination' }).click();
    await expect.poll(() => b.locator('.status').innerText()).toContain('Saved');
    const saved = (
      await w.call(await w.login('viewer'), 'GET', `/api/scenarios/${w.scenarioId}/pledges/gbr-frigates`)
    ).json<{
      value: { units: number; status: string; note?: string };
    }>().value;
    expect(saved).toMatchObject({
      units: before.units + 2,
      status: 'confirmed',
      note: 'Second frigate from March',
    });
    expect(await b.getByLabel('Note').inputValue()).toBe('Second frigate from March');
    expect(errors).toEqual([]);
  }, 120_000);

  it('a liaison adds a pledge with a generated id, sees its warning kept after saving, and deletes it with confirmation', async () => {
    const { page, errors } = await open('gbr');
    await go(page, '#/nations/GBR/edit');
    // Typing left unsaved in another pledge survives the create (the list changes in place).
    const other = await openFold(page, 'gbr-hq');
    await other.getByLabel('Note').fill('Typed, not saved');
    await openFold(page, 'new');
    const add = page.getByRole('form', { name: 'Add a pledge' });
    await add.getByLabel('Unit type').selectOption('medical-unit');
    await add.getByLabel('Units deployed').fill('4');
    await add.getByLabel('Note').fill('Field hospitals');
    await add.getByLabel('Enablers', { exact: true }).check();
    await add.getByLabel(/^commons-vote:/).check();
    // 4 medical units more are more than the UK can sustain (it holds 10; 40 would be an error): a warning
    // in words, beside the field.
    await expect
      .poll(() => add.locator('.issues li.warning', { hasText: /holds \d+/ }).count(), { timeout: 10_000 })
      .toBe(1);
    await add.getByRole('button', { name: 'Add pledge' }).click();
    const created = pledgeForm(page, 'gbr-medical-unit');
    await created.waitFor();
    expect(await other.locator('button.fold').innerText()).toContain('unsaved changes');
    expect(await pledgeForm(page, 'gbr-hq').getByLabel('Note').inputValue()).toBe('Typed, not saved');
    // The warning stays with the stored pledge.
    await expect
      .poll(() => created.locator('.issues li.warning').count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    const stored = (
      await w.call(await w.login('viewer'), 'GET', `/api/scenarios/${w.scenarioId}/pledges/gbr-medical-unit`)
    ).json<{
      value: Record<string, unknown>;
    }>().value;
    expect(stored).toMatchObject({
      nation: 'GBR',
      units: 4,
      missions: ['enablers'],
      conditions: ['commons-vote'],
      note: 'Field hospitals',
    });
    await page.screenshot({ path: join(shots, 'workspace-v2-pledge-editor-1440.png'), fullPage: true });

    // An impossible value is an error in the form, in the server's words, and Save is disabled.
    await created.getByLabel('Units deployed').fill('-1');
    await expect
      .poll(() => created.locator('.issues li.error').count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    expect(await created.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);

    await created.getByRole('button', { name: 'Delete' }).click();
    await created.getByRole('button', { name: 'Yes, delete gbr-medical-unit' }).click();
    await expect.poll(() => pledgeForm(page, 'gbr-medical-unit').count(), { timeout: 15_000 }).toBe(0);
    expect(await pledgeForm(page, 'gbr-hq').getByLabel('Note').inputValue()).toBe('Typed, not saved');
    expect(
      (
        await w.call(
          await w.login('viewer'),
          'GET',
          `/api/scenarios/${w.scenarioId}/pledges/gbr-medical-unit`,
        )
      ).statusCode,
    ).toBe(404);
    expect(errors).toEqual([]);
  }, 120_000);

  it('a coordinator adds and removes requirement rows and edits a variant', async () => {
    const { page, errors } = await open('coord');
    await go(page, '#/missions/skies/requirements');
    const rows = page.locator('table.requirements tbody tr');
    const n = await rows.count();
    await page.getByRole('button', { name: 'Add a requirement' }).click();
    expect(await rows.count()).toBe(n + 1);
    await rows.last().getByRole('combobox').selectOption('aewOrbit');
    await rows
      .last()
      .getByRole('spinbutton', { name: /^amount/ })
      .fill('2');
    await rows
      .last()
      .getByRole('spinbutton', { name: /^from period/ })
      .fill('5');
    await page.getByRole('button', { name: 'Save requirements' }).click();
    await expect.poll(() => page.locator('form .status').innerText()).toContain('Saved');
    const mission = () =>
      w.call(undefined, 'GET', '/api/health').then(
        async () =>
          (
            await w.call(
              await w.login('viewer'),
              'GET',
              `/api/scenarios/${w.scenarioId}/missions/skies/requirements`,
            )
          ).json<{
            value: { capability: string; amount: number; fromPeriod: number }[];
          }>().value,
      );
    expect((await mission()).length).toBe(n + 1);
    expect((await mission()).at(-1)).toMatchObject({ capability: 'aewOrbit', amount: 2, fromPeriod: 5 });
    await page.getByRole('button', { name: `Remove requirement ${n + 1}` }).click();
    await page.getByRole('button', { name: 'Save requirements' }).click();
    await expect.poll(async () => (await mission()).length).toBe(n);

    await go(page, '#/variants');
    const v = page.getByRole('form', { name: 'Variant uk-withdraws' });
    await v.getByLabel('Name').fill('UK withdraws (after the election)');
    await v.getByLabel('France').check();
    await v.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => v.locator('.status').innerText()).toContain('Saved');
    const variant = (
      await w.call(await w.login('viewer'), 'GET', `/api/scenarios/${w.scenarioId}/variants/uk-withdraws`)
    ).json<{
      value: { name: string; withdraw: string[] };
    }>().value;
    expect(variant).toMatchObject({ name: 'UK withdraws (after the election)', withdraw: ['GBR', 'FRA'] });
    // A patch that is not JSON is refused in the form, in words.
    await v.getByLabel(/^Patch/).fill('{ nope');
    await v.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => v.locator('.issues li.error').innerText()).toContain('not JSON');
    // A variant added while that typing is unsaved: its form appears in place, the typing stays, and the
    // form for a new variant starts empty again.
    const add = page.getByRole('form', { name: 'Add a variant' });
    await add.getByLabel('Name').fill('Germany withdraws');
    await add.getByLabel('Germany').check();
    await add.getByRole('button', { name: 'Add' }).click();
    await page.getByRole('form', { name: 'Variant germany-withdraws' }).waitFor();
    expect(await v.getByLabel(/^Patch/).inputValue()).toBe('{ nope');
    expect(await page.getByRole('form', { name: 'Add a variant' }).getByLabel('Name').inputValue()).toBe('');
    expect(errors).toEqual([]);
  });

  it('runs: one per click, named, cancelled; a viewer reads a plan as coverage and gaps with dates', async () => {
    const { page, errors } = await open('coord');
    await go(page, '#/runs');
    const count = async () =>
      (await w.call(await w.login('viewer'), 'GET', `/api/scenarios/${w.scenarioId}/runs`)).json<unknown[]>()
        .length;
    const before = await count();
    expect(await page.getByLabel(/Monte Carlo runs/).inputValue()).toBe('20000');
    await page.getByLabel('Kind').selectOption('plan');
    await page.getByLabel('Name').fill('Pledged plan, Monday');
    await page.getByLabel('Note').fill('Before the conference');
    await page.getByRole('button', { name: 'Start' }).dblclick();
    await expect.poll(() => page.locator('.live').innerText(), { timeout: 60_000 }).toContain('succeeded');
    expect(await count()).toBe(before + 1);
    await expect.poll(() => page.locator('.run-list').innerText()).toContain('Pledged plan, Monday');
    const live = await page.locator('.live').innerText();
    expect(live).toContain('Before the conference');
    expect(live).toMatch(/seed/);
    await page.locator('.live table.coverage').first().waitFor();
    const gaps = await page.locator('.live ul.gaps').innerText();
    expect(gaps).toMatch(/P1 \(2026-07\): short [\d.]+ of \d+/);
    expect(gaps).not.toContain('capOrbit');
    await page.screenshot({ path: join(shots, 'workspace-v2-plan-run-1440.png'), fullPage: true });

    // A long assurance is cancelled.
    await page.getByLabel('Kind').selectOption('assure');
    await page.getByLabel(/Monte Carlo runs/).fill('200000');
    await page.getByLabel('Name').fill('Too long');
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('button', { name: 'Cancel Too long' }).first().click();
    await expect.poll(() => page.locator('.live').innerText(), { timeout: 30_000 }).toContain('cancelled');

    // A viewer reads the plan run on its own page.
    const runs = (await w.call(await w.login('viewer'), 'GET', `/api/scenarios/${w.scenarioId}/runs`)).json<
      { id: string; kind: string }[]
    >();
    const plan = runs.find((r) => r.kind === 'plan');
    const { page: viewer } = await open('viewer', 390);
    await go(viewer, `#/runs/${plan?.id ?? ''}`);
    await viewer.locator('table.coverage').first().waitFor({ timeout: 30_000 });
    expect(await viewer.locator('main h1').innerText()).toBe('Pledged plan, Monday');
    expect(await viewer.getByRole('button', { name: /^Cancel/ }).count()).toBe(0);
    expect(await viewer.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await viewer.screenshot({ path: join(shots, 'workspace-v2-plan-run-390.png'), fullPage: true });
    expect(errors).toEqual([]);
  }, 120_000);

  it('shows the same coverage as `bulwark show`', async () => {
    const { page } = await open('viewer');
    // The earlier tests changed the workspace: compare against the CLI's use case on the stored document.
    const doc = (await w.call(await w.login('viewer'), 'GET', `/api/scenarios/${w.scenarioId}/export.json`))
      .body;
    const shown = await showScenario('-', [], () => doc);
    const s = shown.summary;
    const peakInPlace = Math.max(...s.totals.map((t) => t.inPlacePersonnel));
    const dashboard = await page.locator('.figures').innerText();
    expect(dashboard).toContain(`${s.requirementPeriods.met} of ${s.requirementPeriods.total}`);
    expect(dashboard).toContain(peakInPlace.toLocaleString('en-GB', { maximumFractionDigits: 0 }));
    await go(page, '#/coverage');
    expect(await page.locator('table.coverage td.met').count()).toBe(s.requirementPeriods.met);
    expect(await page.locator('table.coverage td.met, table.coverage td.short').count()).toBe(
      s.requirementPeriods.total,
    );
    // Air defence on the skies in P1: lead times leave it short, not "4 / 4" in green.
    const ad = page.locator('section[aria-labelledby="m-skies"] tr', { hasText: 'adBattery' }).first();
    expect(await ad.locator('td').nth(1).getAttribute('class')).toContain('short');
  });

  const pages: Record<'coordinator' | 'liaison' | 'viewer', string[]> = {
    coordinator: [
      '#/',
      '#/coverage',
      '#/nations',
      '#/nations/GBR',
      '#/nations/GBR/edit',
      '#/missions/skies/requirements',
      '#/compare',
      '#/variants',
      '#/frontier',
      '#/runs',
      '#/audit',
      '#/users',
    ],
    liaison: ['#/nations/GBR/edit', '#/nations/FRA', '#/runs'],
    viewer: ['#/', '#/coverage', '#/nations/GBR', '#/runs', '#/audit'],
  };
  const user = { coordinator: 'coord', liaison: 'gbr', viewer: 'viewer' } as const;

  it("at 390 px the liaison's pledges are one line each; a folded editor keeps its typing and says so, and leaving asks first", async () => {
    const { page, errors } = await open('gbr', 390);
    await go(page, '#/nations/GBR/edit');
    const lines = page.locator('button.fold');
    const n = await lines.count();
    // Every pledge, the new-pledge form and the nation's limits, all folded.
    expect(n).toBeGreaterThanOrEqual(3);
    for (let i = 0; i < n; i++) expect(await lines.nth(i).getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('form.pledge:visible').count()).toBe(0);
    const height = await page.evaluate<number>('document.documentElement.scrollHeight');
    await page.screenshot({ path: join(shots, 'workspace-v2-pledges-folded-390.png'), fullPage: true });

    // Type in A, open B (A folds, one editor at a time), back to A: the typing is there.
    const a = await openFold(page, 'gbr-frigates');
    await a.getByLabel('Note').fill('Typed on the phone');
    const b = await openFold(page, 'gbr-hq');
    expect(await a.locator('button.fold').getAttribute('aria-expanded')).toBe('false');
    expect(await b.locator('form.pledge').isVisible()).toBe(true);
    expect(await a.locator('form.pledge').isVisible()).toBe(false);
    expect(await a.locator('button.fold').innerText()).toContain('unsaved changes');
    expect(await b.locator('button.fold').innerText()).not.toContain('unsaved changes');
    await openFold(page, 'gbr-frigates');
    expect(await a.getByLabel('Note').inputValue()).toBe('Typed on the phone');
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await page.addScriptTag({ path: axePath });
    const r = await page.evaluate<AxeResult>('axe.run(document)');
    expect(r.violations.map((v) => `${v.id}: ${v.nodes.map((x) => x.target.join(' ')).join(', ')}`)).toEqual(
      [],
    );
    await page.screenshot({ path: join(shots, 'workspace-v2-pledge-open-390.png'), fullPage: true });

    // Leaving with unsaved typing asks; declined, the page and the typing stay.
    const asked: string[] = [];
    page.once('dialog', (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await page.evaluate('location.hash = "#/coverage"');
    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]).toContain('pledge "gbr-frigates"');
    expect(await page.evaluate<string>('location.hash')).toBe('#/nations/GBR/edit');
    expect(await a.getByLabel('Note').inputValue()).toBe('Typed on the phone');
    // Saved, nothing is asked any more.
    await a.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => a.locator('.status').innerText()).toContain('Saved');
    expect(await a.locator('button.fold').innerText()).not.toContain('unsaved changes');
    page.once('dialog', (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await go(page, '#/coverage');
    expect(asked.length).toBe(1);
    expect(await page.evaluate<string>('location.hash')).toBe('#/coverage');
    expect(await page.locator('h1').innerText()).toBe('Requirements against what is in place');
    expect(height).toBeLessThan(3000);
    expect(errors).toEqual([]);
  }, 120_000);

  for (const [role, width] of [
    ['coordinator', 390],
    ['liaison', 390],
    ['viewer', 390],
    ['coordinator', 1440],
    ['liaison', 1440],
    ['viewer', 1440],
  ] as const)
    it(`every ${role} page: no horizontal scroll at ${width} px, the heading focused, no axe-core violation`, async () => {
      const { page, errors } = await open(user[role], width);
      const runs = (await w.call(await w.login('viewer'), 'GET', `/api/scenarios/${w.scenarioId}/runs`)).json<
        { id: string }[]
      >();
      const list = [...pages[role], ...(runs[0] === undefined ? [] : [`#/runs/${runs[0].id}`])];
      const problems: string[] = [];
      for (const hash of list) {
        await go(page, hash);
        await page.waitForTimeout(300);
        const wide = await page.evaluate<number>('document.documentElement.scrollWidth');
        if (wide > width) problems.push(`${hash}: ${wide} px wide`);
        const focused = await page.evaluate<string | undefined>('document.activeElement?.tagName');
        if (focused !== 'H1') problems.push(`${hash}: focus on ${focused ?? 'nothing'}`);
        await page.addScriptTag({ path: axePath });
        const r = await page.evaluate<AxeResult>('axe.run(document)');
        for (const v of r.violations)
          problems.push(
            `${hash}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes
              .map((n) => n.target.join(' '))
              .slice(0, 3)
              .join(', ')}`,
          );
        const name = hash.replace(/[#/]+/g, '-').replace(/^-|-$/g, '') || 'dashboard';
        await page.screenshot({
          path: join(shots, `workspace-v2-${width}-${role}-${name}.png`),
          fullPage: true,
        });
      }
      expect(problems).toEqual([]);
      expect(errors).toEqual([]);
    }, 300_000);

  it('the sign-in page passes axe-core at 390 px', async () => {
    const { page } = await open(null, 390);
    await drawn(page);
    await page.addScriptTag({ path: axePath });
    const r = await page.evaluate<AxeResult>('axe.run(document)');
    expect(r.violations.map((v) => v.id)).toEqual([]);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
  });
});
