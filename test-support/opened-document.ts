import type { Page } from 'playwright-core';

/**
 * The URL of the document an action on `page` opened in a new tab. A Chromium with its PDF
 * viewer shows the blob in the new tab; the headless shell the tests run by default
 * (@sparticuz/chromium) has no viewer and turns the same blob URL into a download, reported on
 * the page that opened it. Either way the clerk got the PDF.
 */
export async function openedDocumentUrl(page: Page, act: () => Promise<void>): Promise<string> {
  const downloaded = page
    .waitForEvent('download', { timeout: 60_000 })
    .then((d) => d.url())
    .catch(() => '');
  const opened = page.context().waitForEvent('page', { timeout: 60_000 });
  await act();
  const tab = await opened;
  if (tab.url().startsWith('blob:')) return tab.url();
  return (await downloaded) || tab.url();
}
