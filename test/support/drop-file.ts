import type { Page } from 'playwright-core';

/**
 * Drops a file onto the window the way a browser does: dragenter, dragover, drop, each carrying a
 * DataTransfer with the file. `before` runs between dragover and drop (to look at the overlay).
 */
export async function dropFile(page: Page, fileName: string, text: string, before?: () => Promise<void>): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ name, content }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], name, { type: 'text/csv' }));
      return transfer;
    },
    { name: fileName, content: text },
  );
  const target = page.locator('main');
  await target.dispatchEvent('dragenter', { dataTransfer });
  await target.dispatchEvent('dragover', { dataTransfer });
  if (before) await before();
  await target.dispatchEvent('drop', { dataTransfer });
  await dataTransfer.dispose();
}
