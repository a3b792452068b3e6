/** The nation edit page folds each pledge and the nation's limits (web/src/components/fold.ts). */
import type { Locator, Page } from 'playwright-core';

/**
 * Opens the folded section `key` (a pledge's id, `new` for the new-pledge form, `limits` for the
 * nation's own data) unless it is open, and returns the section.
 */
export async function openFold(page: Page, key: string): Promise<Locator> {
  const section = page.locator(`section.fold-item[data-fold="${key}"]`);
  const button = section.locator('button.fold');
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  if (
    (await button.getAttribute('aria-expanded')) !== 'true' ||
    !(await section.locator('.fold-panel').isVisible())
  )
    throw new Error(`the fold "${key}" did not open`);
  return section;
}
