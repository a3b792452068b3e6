/**
 * Browser tests of the workspace's conference views (issue 15) in Debian's Chromium (playwright-core):
 * users admin, history (filtered audit, versions, diff, revert), spreadsheet import and export, the
 * canvass, presence, the nation's caveats and inventory, a new source added from the pledge form, and a
 * force-sourcing conference end to end, to the briefing the coordinator publishes. Each view is checked with
 * axe-core (0 violations) and at 390 px (no horizontal scroll). Screenshots go to test-results/ and, for
 * the closing note, to /tmp/wsedit/. Skipped, with a message, when /usr/bin/chromium is missing.
 *
 * The test server offers plan and brief runs, the brief kind exactly as `bulwark serve` wires it but on one
 * worker thread (this machine is shared); the briefing is started with 100 Monte Carlo runs, the fewest the
 * runs form offers, so the run takes about a minute rather than the 20,000-run default's many.
 */
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { briefKind, planKind } from '../../src/app/index.js';
import { makeTestWorkspace, testPassword, type TestWorkspace } from '../../src/server/testing.js';
import { root } from '../helpers.js';
import { openFold } from './folds.js';

const chromiumPath = '/usr/bin/chromium';
const hasChromium = existsSync(chromiumPath);
if (!hasChromium)
  console.warn('Browser tests SKIPPED: /usr/bin/chromium is missing (apt-get install chromium)');
const shots = join(root, 'test-results');
const closing = '/tmp/wsedit';
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeResult {
  violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
}

describe.skipIf(!hasChromium)('the conference views in the browser', () => {
  let w: TestWorkspace;
  let browser: Browser;
  let url: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'bulwark-web-dist-'));
    await build({ root: join(root, 'web'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    w = await makeTestWorkspace({
      webDir: outDir,
      kinds: [planKind, briefKind('test', () => new Date(), 1)],
    });
    url = await w.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu'],
    });
    mkdirSync(shots, { recursive: true });
    mkdirSync(closing, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await w?.close();
  });

  async function open(username: string, width = 1440, password = testPassword) {
    const ctx = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
    contexts.push(ctx);
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    await page.getByLabel('User name').fill(username);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await drawn(page);
    return { page, errors };
  }

  const drawn = (page: Page) =>
    page.waitForFunction(
      "(() => { const m = document.getElementById('main'); return m !== null && !m.hasAttribute('aria-busy') && m.querySelector('h1') !== null; })()",
    );

  async function go(page: Page, hash: string): Promise<void> {
    await page.evaluate(`location.hash = ${JSON.stringify(hash)}`);
    await drawn(page);
  }

  /** axe-core violations and horizontal overflow of the page as it is now, as readable lines. */
  async function problems(page: Page, what: string): Promise<string[]> {
    const out: string[] = [];
    await page.addScriptTag({ path: axePath });
    const r = await page.evaluate<AxeResult>('axe.run(document)');
    for (const v of r.violations)
      out.push(
        `${what}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
      );
    const width = await page.evaluate<number>('document.documentElement.scrollWidth');
    const viewport = page.viewportSize()?.width ?? 0;
    if (width > viewport) out.push(`${what}: ${width} px wide at ${viewport} px`);
    return out;
  }

  /** Screenshots at 1440 and 390 px of the page as it is now (the 390 px one in a resized viewport). */
  async function shoot(page: Page, name: string, check = true): Promise<string[]> {
    const found: string[] = [];
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForTimeout(150);
      if (check) found.push(...(await problems(page, `${name} at ${width}`)));
      await page.screenshot({ path: join(closing, `${name}-${width}.png`), fullPage: true });
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    return found;
  }

  it('users: the coordinator changes a role, resets a password (forced change) and disables with confirmation; all audited', async () => {
    const coord = await w.login('coord');
    expect(
      (
        await w.call(coord, 'POST', '/api/users', {
          username: 'ann',
          password: 'a first password for ann',
          role: 'viewer',
        })
      ).statusCode,
    ).toBe(201);
    const { page, errors } = await open('coord');
    await go(page, '#/users');
    await page.getByRole('button', { name: 'Manage ann' }).click();
    const panel = page.getByRole('region', { name: 'manage a user' });
    await panel.getByLabel('Role', { exact: true }).selectOption('liaison');
    await panel.getByLabel('Nation (liaison)').selectOption('FRA');
    await panel.getByRole('button', { name: 'Change role' }).click();
    // Nothing changes before the confirmation.
    const before = (await w.call(coord, 'GET', '/api/users')).json<{ username: string; role: string }[]>();
    expect(before.find((u) => u.username === 'ann')?.role).toBe('viewer');
    await panel.getByRole('button', { name: "Yes, change ann's role" }).click();
    await expect.poll(() => page.getByRole('status').first().innerText()).toContain('ann is now liaison');

    await page.getByRole('button', { name: 'Manage ann' }).click();
    await panel.getByLabel(/^New password/).fill('a reset password for ann');
    await panel.getByRole('button', { name: 'Reset password' }).click();
    await panel.getByRole('button', { name: "Yes, reset ann's password" }).click();
    await expect.poll(() => page.locator('table').innerText()).toContain('must change password');

    await page.getByRole('button', { name: 'Manage ann' }).click();
    await panel.getByRole('button', { name: 'Disable ann' }).click();
    const found = await shoot(page, 'users-confirm');
    // "Cancel" keeps the account as it is.
    await panel.getByRole('button', { name: 'Cancel' }).click();
    expect(
      (await w.call(coord, 'GET', '/api/users'))
        .json<{ username: string; disabled: boolean }[]>()
        .find((u) => u.username === 'ann')?.disabled,
    ).toBe(false);
    await panel.getByRole('button', { name: 'Disable ann' }).click();
    await panel.getByRole('button', { name: 'Yes, disable ann' }).click();
    await expect.poll(() => page.locator('table').innerText()).toMatch(/ann[\s\S]*disabled/);

    const users = (await w.call(coord, 'GET', '/api/users')).json<
      {
        username: string;
        role: string;
        nation: string | null;
        disabled: boolean;
        mustChangePassword: boolean;
      }[]
    >();
    expect(users.find((u) => u.username === 'ann')).toMatchObject({
      role: 'liaison',
      nation: 'FRA',
      disabled: true,
      mustChangePassword: true,
    });
    const audit = (await w.call(coord, 'GET', '/api/audit?collection=users&limit=20')).json<
      { action: string; target: string }[]
    >();
    expect(audit.filter((e) => e.target.endsWith('/ann')).map((e) => e.action)).toEqual([
      'user.update', // disabled
      'user.password-reset',
      'user.update', // role
      'user.create',
    ]);
    // A disabled user cannot sign in.
    const signIn = await w.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'ann', password: 'a reset password for ann' },
    });
    expect(signIn.statusCode).toBe(401);
    await shoot(page, 'users');
    expect(found).toEqual([]);
    expect(errors).toEqual([]);
  }, 120_000);

  /** Reads a pledge as the viewer. */
  async function pledge(
    id: string,
  ): Promise<{ version: number; value: Record<string, unknown> & { units: number } }> {
    return (
      await w.call(await w.login('viewer'), 'GET', `/api/scenarios/${w.scenarioId}/pledges/${id}`)
    ).json();
  }
  async function putPledge(user: string, id: string, patch: Record<string, unknown>): Promise<number> {
    const p = await pledge(id);
    const r = await w.call(await w.login(user), 'PUT', `/api/scenarios/${w.scenarioId}/pledges/${id}`, {
      version: p.version,
      value: { ...p.value, ...patch },
    });
    expect(r.statusCode, r.body).toBe(200);
    return r.json<{ scenarioVersion: number }>().scenarioVersion;
  }

  it('audit: field-by-field changes in words, with user events, filtered by user, collection, id and date, and paged', async () => {
    const start = (await pledge('gbr-frigates')).value;
    await putPledge('gbr', 'gbr-frigates', { units: start.units + 1 });
    // Enough entries for a second page (50 a page).
    for (let i = 0; i < 52; i++) await putPledge('coord', 'fra-frigate', { note: `call ${i}` });
    const { page, errors } = await open('coord');
    await go(page, '#/audit');
    const list = page.locator('table.audit tbody tr');
    expect(await list.count()).toBe(50);
    // User events are in the coordinator's log.
    await page.getByLabel('Collection').selectOption('users');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect.poll(() => page.locator('table.audit').innerText()).toContain('user.create');
    expect(await page.locator('table.audit').innerText()).not.toContain('pledge.update');
    // One object, by one user, today: the change in words, no JSON.
    await page.getByLabel('Collection').selectOption('pledges');
    await page.getByLabel('Object id').fill('gbr-frigates');
    await page.getByLabel('User', { exact: true }).fill('gbr');
    const today = new Date().toISOString().slice(0, 10);
    await page.getByLabel('From (date)').fill(today);
    await page.getByLabel('To (date)').fill(today);
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect.poll(() => list.count()).toBe(1);
    const row = await list.first().innerText();
    expect(row).toContain(`Units deployed: ${start.units} → ${start.units + 1}`);
    expect(row).not.toContain('{');
    // A day before any entry: none.
    await page.getByLabel('To (date)').fill('2020-01-01');
    await page.getByLabel('From (date)').fill('2020-01-01');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'No entry' }).count()).toBe(1);
    // Paging: every update of fra-frigate, 50 then the rest.
    await page.getByLabel('From (date)').fill('');
    await page.getByLabel('To (date)').fill('');
    await page.getByLabel('User', { exact: true }).fill('coord');
    await page.getByLabel('Object id').fill('fra-frigate');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect.poll(() => list.count()).toBe(50);
    await page.getByRole('button', { name: 'Older entries' }).click();
    await expect.poll(() => list.count()).toBe(52);
    expect(await page.getByRole('button', { name: 'Older entries' }).isHidden()).toBe(true);
    const seqs = await page.locator('table.audit tbody tr td:first-child').allInnerTexts();
    expect(new Set(seqs).size).toBe(52);
    const found = await shoot(page, 'audit');
    expect(found).toEqual([]);
    expect(errors).toEqual([]);
  }, 180_000);

  it('history: a version list, the difference between two versions in words, and revert with confirmation (409 when stale)', async () => {
    const before = (await pledge('gbr-frigates')).value;
    const v1 = await putPledge('gbr', 'gbr-frigates', { units: before.units + 1, note: 'From March' });
    const { page, errors } = await open('coord');
    await go(page, '#/history');
    // The newest version's changes show at once.
    const fields = page.locator('table.diff-fields');
    await expect.poll(() => fields.innerText()).toContain('pledge gbr-frigates › Units deployed');
    expect(await fields.innerText()).toContain('From March');
    expect(await fields.innerText()).not.toContain('{');
    // Any two versions.
    await page.getByLabel('From version', { exact: true }).selectOption(String(v1 - 1));
    await page.getByLabel('To version', { exact: true }).selectOption(String(v1));
    await page.getByRole('button', { name: 'Show the difference' }).click();
    await expect
      .poll(() => page.locator('.diff p').first().innerText())
      .toContain(`From version ${v1 - 1} to ${v1}`);
    let found = await shoot(page, 'history-diff');

    // Stale: someone saves while the page is open; the revert is refused and nothing changes.
    const v2 = await putPledge('coord', 'gbr-frigates', { note: 'From April' });
    await page.getByRole('button', { name: `Revert to ${v1 - 1}` }).click();
    await page.getByRole('button', { name: `Yes, revert to version ${v1 - 1}` }).click();
    await expect.poll(() => page.locator('p.status').innerText()).toContain('Not reverted');
    expect((await pledge('gbr-frigates')).value['note']).toBe('From April');

    await go(page, '#/');
    await go(page, '#/history');
    await page.getByRole('button', { name: `Revert to ${v1 - 1}` }).click();
    found = [...found, ...(await shoot(page, 'history-revert-confirm'))];
    await page.getByRole('button', { name: `Yes, revert to version ${v1 - 1}` }).click();
    await expect.poll(async () => (await pledge('gbr-frigates')).value.units).toBe(before.units);
    const after = await pledge('gbr-frigates');
    expect(after.value['note']).toBe(before['note']);
    expect(after.version).toBe(v2 + 1);
    const audit = (
      await w.call(await w.login('coord'), 'GET', `/api/scenarios/${w.scenarioId}/audit?limit=2`)
    ).json<{ action: string }[]>();
    expect(audit.map((e) => e.action).sort()).toEqual(['pledge.revert', 'scenario.revert']);
    expect(found).toEqual([]);
    expect(errors).toEqual([]);
  }, 120_000);

  /** The pledges table as the export writes it (CSV): the header and the rows of one nation. */
  async function pledgeSheet(nation: string): Promise<{ header: string; rows: string[] }> {
    const csv = (
      await w.call(await w.login('viewer'), 'GET', `/api/scenarios/${w.scenarioId}/export.csv?table=pledges`)
    ).body;
    const [header = '', ...lines] = csv.trim().split(/\r?\n/);
    return { header, rows: lines.filter((l) => l.split(',')[1] === nation) };
  }
  const csvFile = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

  it("import: a liaison's sheet is previewed row by row (another nation's row rejected with sheet, row and column), then saved", async () => {
    const { header, rows } = await pledgeSheet('GBR');
    const fra = (await pledgeSheet('FRA')).rows[0] ?? '';
    const frigates = (await pledge('gbr-frigates')).value;
    const edited = rows.map((r) =>
      r.startsWith('gbr-frigates,')
        ? r.replace(/^(gbr-frigates,GBR,frigate,)\d+/, `$1${frigates.units + 2}`)
        : r,
    );
    const { page, errors } = await open('gbr');
    await go(page, '#/import');
    const input = page.getByLabel('Pledge sheet (CSV or XLSX)');
    await input.setInputFiles(csvFile('gbr.csv', [header, ...edited, fra].join('\n')));
    await page.getByRole('button', { name: 'Preview' }).click();
    const report = page.locator('table.import-rows');
    await report.waitFor();
    const fraRow = report.locator('tr', { hasText: fra.split(',')[0] ?? '' });
    expect(await fraRow.innerText()).toContain('rejected');
    expect(await fraRow.innerText()).toMatch(
      new RegExp(`gbr\\.csv row ${rows.length + 2}(, column \\w+)?: `),
    );
    expect(await page.getByRole('button', { name: 'Save the import' }).isDisabled()).toBe(true);
    let found = await shoot(page, 'import-rejected');

    await input.setInputFiles(csvFile('gbr.csv', [header, ...edited].join('\n')));
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(() => page.locator('.import-report p').first().innerText()).toContain('1 changed');
    const changed = report.locator('tr', { hasText: 'gbr-frigates' });
    expect(await changed.innerText()).toContain(`Units deployed: ${frigates.units} → ${frigates.units + 2}`);
    // Nothing is saved by the preview.
    expect((await pledge('gbr-frigates')).value.units).toBe(frigates.units);
    found = [...found, ...(await shoot(page, 'import-preview'))];
    await page.getByRole('button', { name: 'Save the import' }).click();
    await expect.poll(() => page.locator('p.status').innerText()).toContain('Saved: version');
    expect((await pledge('gbr-frigates')).value.units).toBe(frigates.units + 2);

    // An XLSX of the whole table, as the coordinator: the export read back changes nothing.
    const { page: coord } = await open('coord');
    await go(coord, '#/import');
    const xlsx = (
      await w.app.inject({
        method: 'GET',
        url: `/api/scenarios/${w.scenarioId}/export.xlsx?table=pledges`,
        headers: { cookie: (await w.login('coord')).cookie },
      })
    ).rawPayload;
    await coord.getByLabel('Pledge sheet (CSV or XLSX)').setInputFiles({
      name: 'all.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: xlsx,
    });
    await coord.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(() => coord.locator('p.status').innerText()).toContain('The sheet changes nothing');
    // Export links where the data is shown.
    for (const [hash, tables] of [
      ['#/nations', ['nations', 'pledges']],
      ['#/coverage', ['coverage', 'requirements']],
      ['#/missions/skies/requirements', ['requirements']],
    ] as const) {
      await go(coord, hash);
      for (const t of tables)
        for (const f of ['CSV', 'XLSX']) {
          const link = coord.getByRole('link', { name: `${t} as ${f}` });
          const href = (await link.getAttribute('href')) ?? '';
          const r = await w.app.inject({
            method: 'GET',
            url: href,
            headers: { cookie: (await w.login('coord')).cookie },
          });
          expect(r.statusCode, `${hash} ${t} ${f}`).toBe(200);
        }
    }
    expect(found).toEqual([]);
    expect(errors).toEqual([]);
  }, 180_000);

  it('canvass: each open gap with the nations that could fill it and those kept out; the coordinator records an ask and its answer', async () => {
    const { page, errors } = await open('coord');
    await go(page, '#/canvass');
    const gap = page.locator('section.canvass-gap').first();
    await gap.waitFor();
    const title = await gap.locator('h2').innerText();
    expect(title).toMatch(/› .+ \(priority \d\)/);
    expect(await gap.innerText()).toMatch(/Short by up to [\d.,]+ in P\d/);
    const candidates = gap.locator('table', { hasText: 'could fill it' });
    const firstCandidate = (await candidates.locator('tbody tr td').first().innerText()).match(
      /\(([A-Z]{3})\)/,
    )?.[1];
    expect(firstCandidate).toBeDefined();
    await gap.getByLabel('Nation asked').selectOption(firstCandidate ?? '');
    await gap.getByLabel('Note (what was asked)').fill('Asked at the plenary');
    await gap.getByRole('button', { name: 'Record the ask' }).click();
    const answer = page.getByRole('form', { name: `answer of ${firstCandidate ?? ''}` }).first();
    await answer.waitFor();
    await answer.getByLabel(`answer of ${firstCandidate ?? ''}`, { exact: true }).selectOption('offered');
    await answer.getByLabel(`offer of ${firstCandidate ?? ''}`).fill('one more unit from June');
    await answer.getByRole('button', { name: `Save ${firstCandidate ?? ''}'s answer` }).click();
    await expect
      .poll(() => page.getByRole('status').first().innerText())
      .toContain('offered (one more unit from June)');
    const stored = (
      await w.call(await w.login('viewer'), 'GET', `/api/scenarios/${w.scenarioId}/canvass`)
    ).json<{
      gaps: { asks: { nation: string; status: string; offer: string | null; note: string | null }[] }[];
    }>();
    expect(stored.gaps.flatMap((g) => g.asks)).toContainEqual(
      expect.objectContaining({
        nation: firstCandidate,
        status: 'offered',
        offer: 'one more unit from June',
        note: 'Asked at the plenary',
      }),
    );
    const found = await shoot(page, 'canvass');
    expect(found).toEqual([]);
    // A viewer reads it, without the forms.
    const { page: viewer } = await open('viewer');
    await go(viewer, '#/canvass');
    await viewer.locator('section.canvass-gap').first().waitFor();
    expect(await viewer.getByRole('button', { name: 'Record the ask' }).count()).toBe(0);
    expect(errors).toEqual([]);
  }, 180_000);

  it('presence: others see "coord is editing this pledge" while the form is open, and no longer once it closes', async () => {
    const { page: coord, errors } = await open('coord');
    const { page: liaison } = await open('gbr');
    const { page: viewer } = await open('viewer');
    await go(liaison, '#/nations/GBR/edit');
    await go(viewer, '#/nations/GBR');
    await go(coord, '#/nations/GBR/edit');
    const mark = (p: Page) => p.locator('[data-presence="pledges/gbr-frigates"]');
    expect(await mark(liaison).isHidden()).toBe(true);
    await openFold(coord, 'gbr-frigates');
    await coord.locator('form.pledge[data-pledge="gbr-frigates"]').getByLabel('Note').focus();
    await expect
      .poll(() => mark(liaison).innerText(), { timeout: 5000 })
      .toBe('coord (coordinator) is editing this pledge.');
    await expect
      .poll(() => mark(viewer).innerText(), { timeout: 5000 })
      .toContain('coord (coordinator) is editing');
    // The editor does not see themself; other pledges show nobody.
    expect(await mark(coord).isHidden()).toBe(true);
    expect(await liaison.locator('[data-presence="pledges/gbr-fighters"]').isHidden()).toBe(true);
    const found = await shoot(liaison, 'presence');
    // The nation's own data: the liaison sets an inventory figure, and an impossible one is refused.
    await openFold(liaison, 'limits');
    const limits = liaison.locator('form.nation');
    await limits.getByLabel('Frigate or escort', { exact: true }).fill('13');
    await limits.getByRole('button', { name: 'Save limits, inventory and caveats' }).click();
    await expect.poll(() => limits.locator('.status').innerText()).toContain('Saved');
    const gbrNation = (
      await w.call(await w.login('viewer'), 'GET', `/api/scenarios/${w.scenarioId}/nations/GBR`)
    ).json<{ value: { inventory: Record<string, number> } }>().value;
    expect(gbrNation.inventory['frigate']).toBe(13);
    // An impossible count (2.5 frigates) is stopped in the form and nothing is saved.
    await limits.getByLabel('Frigate or escort', { exact: true }).fill('2.5');
    await limits.getByRole('button', { name: 'Save limits, inventory and caveats' }).click();
    expect(
      await liaison.evaluate<boolean>("document.getElementById('inventory-frigate').validity.valid"),
    ).toBe(false);
    expect(
      (await w.call(await w.login('viewer'), 'GET', `/api/scenarios/${w.scenarioId}/nations/GBR`)).json<{
        value: { inventory: Record<string, number> };
      }>().value.inventory['frigate'],
    ).toBe(13);
    // The coordinator leaves the form: cleared for the others.
    await go(coord, '#/');
    await expect.poll(() => mark(liaison).isHidden(), { timeout: 5000 }).toBe(true);
    await expect.poll(() => mark(viewer).isHidden(), { timeout: 5000 }).toBe(true);
    expect(found).toEqual([]);
    expect(errors).toEqual([]);
  }, 120_000);

  it('sources and caveats: a liaison adds a national letter from the pledge form and cites it, and edits its caveats', async () => {
    const { page: liaison, errors } = await open('gbr');
    await go(liaison, '#/nations/GBR/edit');
    await openFold(liaison, 'gbr-frigates');
    const f = liaison.locator('form.pledge[data-pledge="gbr-frigates"]');
    const source = f.getByLabel('Source', { exact: true });
    // Sources are listed by citation, never by internal key, and the search narrows them.
    const shown = async () =>
      (await source.locator('option:not([hidden])').allInnerTexts()).filter((t) => t !== '(choose a source)');
    const all = await shown();
    expect(all.some((t) => /^[a-z0-9-]+ — /.test(t))).toBe(false);
    await f.getByLabel('Find a source').fill('times');
    const found = await shown();
    expect(found.length).toBeLessThan(all.length);
    // Every source still listed matches, except the one selected (it stays, so the value is never lost).
    const titles = (
      await Promise.all(
        (await source.locator('option:not([hidden]):not(:checked)').all()).map((o) =>
          o.getAttribute('title'),
        ),
      )
    ).map((t) => (t ?? '').toLowerCase());
    expect(titles.filter((t) => t !== '').every((t) => t.includes('times'))).toBe(true);

    // A new source, inline: a wrong web address is refused in the server's words, naming the field.
    await f.getByRole('button', { name: 'Add a new source' }).click();
    await f.getByLabel('Title').fill('Letter on the second frigate');
    await f.getByLabel('Publisher or author').fill('UK Ministry of Defence');
    await f.getByLabel('Kind of document').selectOption('national letter');
    await f.getByLabel('Date', { exact: true }).fill('2026-11-30');
    await f.getByLabel('Web address').fill('not an address');
    await f.getByRole('button', { name: 'Add and select this source' }).click();
    await expect
      .poll(() => f.locator('fieldset.new-source .source-status').innerText())
      .toMatch(/Not added: value\.url: a web address/);
    await f.getByLabel('Web address').fill('');
    await f.getByRole('button', { name: 'Add and select this source' }).click();
    const citation = 'UK Ministry of Defence: Letter on the second frigate (national letter)';
    await expect
      .poll(() => f.locator('.source-adder > .source-status').innerText())
      .toContain(`Added and selected: ${citation}`);
    const id = await source.inputValue();
    expect(await source.locator('option:checked').innerText()).toBe(citation);
    await f.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => f.locator('.status').last().innerText()).toContain('Saved');
    const pledge = (
      await w.call(await w.login('viewer'), 'GET', `/api/scenarios/${w.scenarioId}/pledges/gbr-frigates`)
    ).json<{ value: { source: Record<string, string> } }>().value;
    expect(pledge.source['*']).toBe(id);
    const doc = (await w.call(await w.login('viewer'), 'GET', `/api/scenarios/${w.scenarioId}`)).json<{
      scenario: { meta: { sources: Record<string, unknown> } };
    }>().scenario;
    expect(doc.meta.sources[id]).toEqual({ kind: 'source', citation, date: '2026-11-30' });

    // Caveats: added in the nation's form; without a reason it is refused beside the caveat, in words.
    await openFold(liaison, 'limits');
    const nation = liaison.locator('form.nation');
    const saveNation = nation.getByRole('button', { name: 'Save limits, inventory and caveats' });
    await nation.getByRole('button', { name: 'Add a caveat' }).click();
    const caveat = nation.locator('fieldset.caveat').last();
    await caveat.getByLabel('Presence').check();
    await caveat.getByLabel("Only missions on the host's territory").check();
    await saveNation.click();
    await expect
      .poll(() => caveat.locator('.issues').innerText())
      .toContain('reason: give the reason in words');
    await caveat.getByLabel('Reason (in words)').fill('No troops in Ukraine without a Commons vote');
    await caveat.getByLabel('Rests on').selectOption('political');
    await caveat.getByLabel('Source').selectOption(id);
    await saveNation.click();
    await expect.poll(() => nation.locator('p.status').innerText()).toContain('Saved');
    const caveats = (
      await w.call(await w.login('viewer'), 'GET', `/api/scenarios/${w.scenarioId}/nations/GBR`)
    ).json<{ value: { caveats: unknown[] } }>().value.caveats;
    expect(caveats.at(-1)).toEqual({
      missions: ['presence'],
      hostTerritoryOnly: true,
      kind: 'political',
      reason: 'No troops in Ukraine without a Commons vote',
      source: id,
    });
    await f.scrollIntoViewIfNeeded();
    expect(await shoot(liaison, 'sources-caveats')).toEqual([]);
    // The coordinator removes it again, through the same form.
    const { page: coord } = await open('coord');
    await go(coord, '#/nations/GBR/edit');
    await openFold(coord, 'limits');
    const cn = coord.locator('form.nation');
    await cn.locator('fieldset.caveat').last().getByRole('button', { name: 'Remove this caveat' }).click();
    await cn.getByRole('button', { name: 'Save limits, inventory and caveats' }).click();
    await expect.poll(() => cn.locator('p.status').innerText()).toContain('Saved');
    expect(
      (await w.call(await w.login('viewer'), 'GET', `/api/scenarios/${w.scenarioId}/nations/GBR`)).json<{
        value: { caveats: unknown[] };
      }>().value.caveats,
    ).toHaveLength(caveats.length - 1);
    expect(errors).toEqual([]);
  }, 180_000);

  it('a conference end to end: a liaison imports and edits pledges, the coordinator sees coverage follow live, canvasses the rest, opens the comparison, and publishes a briefing of the current version', async () => {
    const { page: coord, errors } = await open('coord');
    const { page: liaison } = await open('gbr');
    await go(coord, '#/coverage');
    // What the plan puts in place of air defence on the skies mission, summed over the periods.
    const inPlace = async (): Promise<number> =>
      (
        await coord
          .locator('section[aria-labelledby="m-skies"] tr', { hasText: 'adBattery' })
          .first()
          .locator('td.num')
          .allInnerTexts()
      )
        .map((t) => Number(t.split('/')[0]?.trim().replace(/,/g, '') ?? 0))
        .filter((x) => Number.isFinite(x))
        .reduce((a, b) => a + b, 0);
    const shortCells = () => coord.locator('table.coverage td.short').count();
    const before = await inPlace();
    const shortBefore = await shortCells();
    const shots: string[] = [];
    shots.push(...(await shoot(coord, 'conference-1-coverage-before', false)));

    // 1. The liaison imports a sheet that adds an air-defence battery pledge for the whole horizon.
    const { header, rows } = await pledgeSheet('GBR');
    const cols = header.split(',');
    const cell = (name: string, value: string) =>
      cols.indexOf(name) >= 0 ? [cols.indexOf(name), value] : null;
    const added = new Array<string>(cols.length).fill('');
    for (const [i, v] of [
      cell('id', 'gbr-gbad-sheet'),
      cell('nation', 'GBR'),
      cell('unitType', 'gbad-battery'),
      cell('units', '2'),
      cell('missions', 'skies'),
      cell('fromPeriod', '1'),
      cell('status', 'offered'),
      cell('new', 'false'),
      cell('source', 'assume-pledge-units'),
      cell('note', 'Offered at the conference'),
    ].filter((x): x is [number, string] => x !== null))
      added[i] = v;
    await go(liaison, '#/import');
    await liaison
      .getByLabel('Pledge sheet (CSV or XLSX)')
      .setInputFiles(csvFile('gbr-conference.csv', [header, ...rows, added.join(',')].join('\n')));
    await liaison.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(() => liaison.locator('.import-report p').first().innerText()).toContain('1 added');
    shots.push(...(await shoot(liaison, 'conference-2-import-preview', false)));
    await liaison.getByRole('button', { name: 'Save the import' }).click();
    await expect.poll(() => liaison.locator('p.status').innerText()).toContain('Saved: version');

    // 2. The coordinator's coverage follows live, without a reload.
    await expect
      .poll(() => coord.locator('.meta[role="status"]').innerText(), { timeout: 15_000 })
      .toContain('Updated live');
    await expect.poll(inPlace, { timeout: 15_000 }).toBeGreaterThan(before);
    expect(await shortCells()).toBeLessThanOrEqual(shortBefore);
    const afterImport = await inPlace();
    shots.push(...(await shoot(coord, 'conference-3-coverage-live', false)));

    // 3. The liaison edits a pledge in the form; coverage follows again.
    await go(liaison, '#/nations/GBR/edit');
    await openFold(liaison, 'gbr-gbad-sheet');
    const f = liaison.locator('form.pledge[data-pledge="gbr-gbad-sheet"]');
    await f.getByLabel('Units deployed').fill('3');
    await f.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => f.locator('.status').innerText()).toContain('Saved');
    shots.push(...(await shoot(liaison, 'conference-4-liaison-edit', false)));
    await expect.poll(inPlace, { timeout: 15_000 }).toBeGreaterThan(afterImport);

    // 4. The coordinator canvasses a remaining gap.
    await go(coord, '#/canvass');
    const gap = coord.locator('section.canvass-gap').first();
    await gap.waitFor();
    await gap.getByLabel('Note (what was asked)').fill('Asked in the margins of the conference');
    await gap.getByRole('button', { name: 'Record the ask' }).click();
    await expect.poll(() => coord.getByRole('status').first().innerText()).toContain('Recorded');
    shots.push(...(await shoot(coord, 'conference-5-canvass', false)));

    // 5. Compare variants.
    await go(coord, '#/compare');
    shots.push(...(await shoot(coord, 'conference-6-compare', false)));
    expect(await coord.locator('table').count()).toBeGreaterThan(0);

    // 6. The coordinator publishes a briefing of the current version: started from the runs form with the
    // fewest runs it offers, its progress shown, then read in the page.
    await go(coord, '#/runs');
    const current = (await w.call(await w.login('viewer'), 'GET', `/api/scenarios/${w.scenarioId}`)).json<{
      version: number;
    }>().version;
    await coord.locator('#run-kind').selectOption('brief');
    await coord.locator('#run-runs').fill('100');
    await coord.locator('#run-name').fill('Conference briefing');
    await coord.getByRole('button', { name: 'Start' }).click();
    const panel = coord.locator('section.run-panel');
    await panel.waitFor();
    expect(await panel.locator('dl.facts').innerText()).toContain(`version ${current}`);
    await expect
      .poll(() => panel.locator('.progress [role="status"]').innerText(), { timeout: 120_000 })
      .toMatch(/(plan|assurance|frontier|render) \d/);
    shots.push(...(await shoot(coord, 'conference-7-briefing-progress', false)));
    const frame = panel.locator('iframe.briefing');
    await frame.waitFor({ timeout: 400_000 });
    expect((await frame.getAttribute('srcdoc'))?.length ?? 0).toBeGreaterThan(10_000);
    expect(await panel.getByRole('link', { name: 'Download the briefing (HTML)' }).count()).toBe(1);
    const runs = (await w.call(await w.login('viewer'), 'GET', `/api/scenarios/${w.scenarioId}/runs`)).json<
      { kind: string; status: string; scenarioVersion: number }[]
    >();
    expect(runs.filter((r) => r.kind === 'brief')).toEqual([
      expect.objectContaining({ status: 'succeeded', scenarioVersion: current }),
    ]);
    await frame.scrollIntoViewIfNeeded();
    shots.push(...(await shoot(coord, 'conference-8-briefing', false)));
    expect(errors).toEqual([]);
  }, 600_000);
});
