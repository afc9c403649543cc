/**
 * HTML → PDF outside Electron (the CLI and the web bridge), with the Chromium already on the
 * machine, driven by playwright-core. Inside the Electron app the main process uses its own
 * printToPDF instead (electron/main/report-printing.ts).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/ipc/result';

const ENV = 'REGULARS_CHROMIUM';

/** Where Chromium-based browsers usually live on Linux, macOS and Windows. */
function candidates(): string[] {
  const programFiles = [process.env.PROGRAMFILES, process.env['PROGRAMFILES(X86)'], process.env.LOCALAPPDATA].filter((p): p is string => !!p);
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ...programFiles.flatMap((dir) => [path.join(dir, 'Google/Chrome/Application/chrome.exe'), path.join(dir, 'Microsoft/Edge/Application/msedge.exe')]),
  ];
}

/** The browser to print with: $REGULARS_CHROMIUM, else the first known location that exists. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, exists: (file: string) => boolean = existsSync): string {
  const chosen = env[ENV];
  if (chosen) {
    if (exists(chosen)) return chosen;
    throw new AppError('UNAVAILABLE', `${ENV} points to ${chosen}, but there is no browser there. Fix the path, or unset ${ENV} to let Regulars look for Chromium itself.`);
  }
  const found = candidates().find((file) => exists(file));
  if (found) return found;
  throw new AppError(
    'UNAVAILABLE',
    'Saving a PDF needs the Chromium or Google Chrome browser, and none was found on this computer. ' +
      `Install Chromium (on Debian or Ubuntu: sudo apt install chromium), or set ${ENV} to the browser's path — or save the summary as .html and print that from any browser.`,
  );
}

export interface PdfOptions {
  footerHtml: string;
}

/** Renders a self-contained HTML page to PDF bytes; the page's own @page rule sets size and margins. */
export async function htmlToPdf(html: string, options: PdfOptions): Promise<Buffer> {
  const executablePath = findChromium();
  let playwright: typeof import('playwright-core');
  try {
    playwright = await import('playwright-core');
  } catch {
    throw new AppError('UNAVAILABLE', 'Saving a PDF from here needs the playwright-core package, which is not installed. Save the summary as .html and print it from a browser instead.');
  }
  let browser: import('playwright-core').Browser;
  try {
    browser = await playwright.chromium.launch({ executablePath, headless: true, timeout: 30_000, args: ['--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  } catch (error) {
    throw new AppError('UNAVAILABLE', `The browser at ${executablePath} would not start, so no PDF was made (${(error as Error).message.split('\n')[0]}).`);
  }
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    // The page is self-contained; refuse anything it might still try to load.
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ preferCSSPageSize: true, printBackground: true, displayHeaderFooter: true, headerTemplate: '<span></span>', footerTemplate: options.footerHtml });
  } finally {
    await browser.close();
  }
}

/** Pages in a PDF, counted from its page objects (enough for the files Chromium writes). */
export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}
