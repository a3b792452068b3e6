/**
 * Browser test of the account view (issue 15 item 9) in Debian's Chromium: a user whose password a
 * coordinator set is sent to choose their own, can then use the workspace, and manages API tokens.
 * Skipped, with a message, when /usr/bin/chromium is missing.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestWorkspace, type TestWorkspace } from '../../src/server/testing.js';
import { root } from '../helpers.js';

const chromiumPath = '/usr/bin/chromium';
const hasChromium = existsSync(chromiumPath);
if (!hasChromium)
  console.warn('Browser tests SKIPPED: /usr/bin/chromium is missing (apt-get install chromium)');

describe.skipIf(!hasChromium)('account view in the browser', () => {
  let w: TestWorkspace;
  let browser: Browser;
  let url: string;
  beforeAll(async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'bulwark-web-dist-'));
    await build({ root: join(root, 'web'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    w = await makeTestWorkspace({ webDir: outDir });
    url = await w.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await w?.close();
  });

  it('forces a coordinator-set password to be changed, then lists, creates and revokes tokens', async () => {
    const coord = await w.login('coord');
    const made = await w.call(coord, 'POST', '/api/users', {
      username: 'newcomer',
      password: 'set-by-the-coordinator',
      role: 'viewer',
    });
    expect(made.statusCode).toBe(201);
    const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const signIn = async (password: string): Promise<void> => {
      await page.getByLabel('User name').fill('newcomer');
      await page.getByLabel('Password', { exact: true }).fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
    };
    await page.goto(url);
    await signIn('set-by-the-coordinator');
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('choose your own');
    expect(page.url()).toContain('#/account');
    await page.getByLabel('Current password').fill('set-by-the-coordinator');
    await page.getByLabel(/^New password \(/).fill('my-own-long-password');
    await page.getByLabel('New password again').fill('my-own-long-password');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await signIn('my-own-long-password');
    await page.getByRole('link', { name: 'Dashboard' }).waitFor();
    await page.getByRole('link', { name: 'Account' }).click();
    await page.getByLabel('Token name').fill('laptop script');
    await page.getByRole('button', { name: 'Create token' }).click();
    await expect.poll(() => page.locator('p.token').innerText()).toContain('bwt_');
    await expect.poll(() => page.locator('main table').innerText()).toContain('laptop script');
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Revoke laptop script' }).click();
    await expect.poll(() => page.locator('main').innerText()).not.toContain('Revoke laptop script');
    expect(errors).toEqual([]);
    await page.close();
  });
});
