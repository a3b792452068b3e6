/**
 * HTML → PDF through headless Chromium (Debian's package, driven by playwright-core). Chromium runs with
 * no network: the briefing is self-contained, and any request it tried would be a bug.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { BulwarkError } from '../../core/shared/index.js';

/** Where Debian and most Linux distributions put Chromium. */
export const chromiumCandidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

/** The Chromium executable, or a `unavailable` error that says how to install it. */
export function findChromium(explicit?: string): string {
  const found = [explicit, ...chromiumCandidates].find((p): p is string => p !== undefined && existsSync(p));
  if (found === undefined)
    throw new BulwarkError(
      'unavailable',
      'PDF output needs Chromium, and none was found (looked in ' +
        chromiumCandidates.join(', ') +
        '). Install it with `sudo apt-get install chromium`, or omit --pdf: the HTML briefing prints to PDF from any browser.',
    );
  return found;
}

/** Launch options that work as root in containers and keep Chromium off the network. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/** Prints the HTML to an A4 PDF at `outPath`. */
export async function writePdf(html: string, outPath: string, executablePath?: string): Promise<void> {
  const browser = await chromium.launch({
    executablePath: findChromium(executablePath),
    headless: true,
    args: chromiumArgs,
  });
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) =>
      route.request().url().startsWith('data:') ? route.continue() : route.abort(),
    );
    await page.setContent(html, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    await page.pdf({
      path: outPath,
      format: 'A4',
      printBackground: true,
      margin: { top: '12mm', bottom: '12mm', left: '10mm', right: '10mm' },
    });
  } finally {
    await browser.close();
  }
}
