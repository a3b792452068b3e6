/**
 * Browser tests of the workspace's conference views (issue 15) in Debian's Chromium (playwright-core):
 * users admin, history (filtered audit, versions, diff, revert), spreadsheet import and export, the
 * canvass, presence, the nation's caveats and inventory, and a force-sourcing conference end to end.
 * Each view is checked with axe-core (0 violations) and at 390 px (no horizontal scroll). Screenshots go
 * to test-results/ and, for the closing note, to /tmp/wviews/. Skipped, with a message, when
 * /usr/bin/chromium is missing.
 */
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planKind } from '../../src/app/runs-kinds.js';
import type { RunKind } from '../../src/app/runs.js';
import { makeTestWorkspace, testPassword, type TestWorkspace } from '../../src/server/testing.js';
import { root } from '../helpers.js';

const chromiumPath = '/usr/bin/chromium';
const hasChromium = existsSync(chromiumPath);
if (!hasChromium)
  console.warn('Browser tests SKIPPED: /usr/bin/chromium is missing (apt-get install chromium)');
const shots = join(root, 'test-results');
const closing = '/tmp/wviews';
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
    w = await makeTestWorkspace({ webDir: outDir, kinds: [planKind] as unknown as RunKind<never>[] });
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
});
