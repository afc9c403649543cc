/**
 * The window's security rules as plain data and functions, so tests can check them without starting
 * Electron: an isolated, sandboxed page with no Node, that may show only the app's own files and may
 * not open windows, navigate away, ask for permissions or reach the network.
 */
import { pathToFileURL } from 'node:url';

export function secureWebPreferences(preloadFile: string) {
  return {
    preload: preloadFile,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
  } as const;
}

/** The page may only be our own renderer's index.html (any hash route). */
export function isAppUrl(url: string, rendererIndexFile: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const expected = pathToFileURL(rendererIndexFile);
  return parsed.protocol === 'file:' && parsed.pathname === expected.pathname && parsed.search === '';
}

/**
 * Which requests the app may make: its own files and devtools internals, never the network.
 * Everything else is cancelled before it leaves the machine.
 */
export function isAllowedRequest(url: string, rendererDir: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'devtools:' || parsed.protocol === 'data:' || parsed.protocol === 'blob:') return true;
  if (parsed.protocol !== 'file:') return false;
  const dir = pathToFileURL(rendererDir).pathname.replace(/\/?$/, '/');
  return decodeURIComponent(parsed.pathname).startsWith(decodeURIComponent(dir));
}
