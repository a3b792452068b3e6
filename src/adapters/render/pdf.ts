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

/** Reads the running header the briefing carries (`<meta name="running-header">`), unescaped. */
export function runningHeader(html: string): string {
  const m = /<meta name="running-header" content="([^"]*)">/.exec(html);
  const raw = m?.[1] ?? '';
  return raw.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) =>
    e === 'amp' ? '&' : e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : "'",
  );
}

const escapeHtml = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** Chromium's header and footer templates: the page's running header, and "page n of N". */
export function pdfTemplates(html: string): { header: string; footer: string } {
  // Chromium draws the templates at a default font size of 0: each sets its own.
  const band = 'font:8px system-ui,sans-serif;color:#5b6470;width:100%;padding:0 9mm;display:flex;gap:8px';
  return {
    header: `<div style="${band}"><span style="overflow:hidden;text-overflow:ellipsis;white-space:nowrap">${escapeHtml(runningHeader(html))}</span></div>`,
    footer: `<div style="${band};justify-content:flex-end"><span>page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
  };
}

/**
 * Prints the HTML to an A4 PDF at `outPath`: tagged (accessible structure) with an outline of the
 * headings, the running header of the page on every page and "page n of N" in the footer.
 */
export async function writePdf(html: string, outPath: string, executablePath?: string): Promise<void> {
  const templates = pdfTemplates(html);
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
      tagged: true,
      outline: true,
      displayHeaderFooter: true,
      headerTemplate: templates.header,
      footerTemplate: templates.footer,
      margin: { top: '13mm', bottom: '12mm', left: '9mm', right: '9mm' },
    });
  } finally {
    await browser.close();
  }
}
