import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isAllowedRequest, isAppUrl, secureWebPreferences } from '../../../electron/main/security';

const rendererDir = path.resolve('/opt/Regulars/resources/app/build/dist/renderer');
const index = path.join(rendererDir, 'index.html');
const indexUrl = pathToFileURL(index).href;

describe('window options', () => {
  it('isolate and sandbox the page with no Node access', () => {
    expect(secureWebPreferences('/x/preload.cjs')).toMatchObject({
      preload: '/x/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
  });
});

describe('navigation guard', () => {
  it.each([
    [indexUrl, true],
    [`${indexUrl}#/customers/12`, true],
    [`${indexUrl}?evil=1`, false],
    [pathToFileURL(path.join(rendererDir, 'other.html')).href, false],
    ['file:///etc/passwd', false],
    ['https://example.com/', false],
    ['http://127.0.0.1:8080/', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(isAppUrl(url, index)).toBe(allowed);
  });
});

describe('request guard (no network at all)', () => {
  it.each([
    [indexUrl, true],
    [pathToFileURL(path.join(rendererDir, 'assets/index-abc.js')).href, true],
    ['devtools://devtools/bundled/inspector.html', true],
    ['data:image/png;base64,AAAA', true],
    ['https://fonts.googleapis.com/css', false],
    ['http://localhost:3000/', false],
    ['ws://127.0.0.1:1234/', false],
    ['file:///home/owner/Documents/secret.txt', false],
    [pathToFileURL(path.join(rendererDir, '../electron/main.cjs')).href, false],
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedRequest(url, rendererDir)).toBe(allowed);
  });
});
