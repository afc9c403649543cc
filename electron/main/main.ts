/**
 * Electron's main process: kept thin on purpose. It opens one secure window, starts the worker that
 * owns the database, and forwards each contract operation from the window to that worker. Everything
 * it forwards to is the same code the web bridge, the CLI and the tests use.
 */
import { BrowserWindow, Menu, app, ipcMain, session, type IpcMainInvokeEvent } from 'electron';
import path from 'node:path';
import { OP_NAMES } from '../../shared/ipc/contract';
import { channelFor } from '../../shared/ipc/events';
import type { Result } from '../../shared/ipc/result';
import { startServicePool, type ServicePool } from '../workers/pool';
import { buildMenu } from './menu';
import { chooseFolder } from './folder-dialog';
import { parseInput } from '../../shared/ipc/validate';
import { AppError } from '../../shared/ipc/result';
import { isAllowedRequest, isAppUrl, secureWebPreferences } from './security';
import { runScheduledReport, saveReportPdf } from './report-printing';

const rendererDir = path.join(__dirname, '../renderer');
const rendererIndex = path.join(rendererDir, 'index.html');
let mainWindow: BrowserWindow | null = null;
let client: ServicePool | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.enableSandbox();
  void app.whenReady().then(start);
  app.on('window-all-closed', () => app.quit());
  // Hold the quit until the worker has taken its last backup and closed the data file.
  let closing = false;
  app.on('before-quit', (event) => {
    if (closing || !client) return;
    closing = true;
    event.preventDefault();
    void client.close().finally(() => app.quit());
  });
}

function hardenSessions(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url, rendererDir) }));
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url, rendererIndex)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

/** Only our own page may call the back end. */
function fromOurPage(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url;
  return url !== undefined && isAppUrl(url, rendererIndex);
}

function registerContract(): void {
  for (const op of OP_NAMES) {
    ipcMain.handle(channelFor(op), async (event, input: unknown): Promise<Result<unknown>> => {
      if (!fromOurPage(event)) return { ok: false, error: { code: 'BAD_INPUT', message: 'Request refused: unknown sender.' } };
      if (op === 'system:chooseFolder') return showFolderDialog(input);
      // Saving a PDF needs Electron's printer and save dialog, which live here, not in the worker.
      if (op === 'report:savePdf') return saveReportPdf(input, (name, request) => client!.call(name, request), mainWindow);
      if (op === 'report:scheduled') return runScheduledReport((name, request) => client!.call(name, request), mainWindow);
      // Long operations report progress; the page's apiWithProgress listens for these `progress` events.
      return client!.call(op, input, (progress) => {
        if (!event.sender.isDestroyed()) event.sender.send('progress', { op, progress });
      });
    });
  }
}

/** `system:chooseFolder` is answered here: a dialog needs the window, not the data worker. */
async function showFolderDialog(input: unknown): Promise<Result<unknown>> {
  try {
    return { ok: true, value: await chooseFolder(mainWindow, parseInput('system:chooseFolder', input)) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toInfo() };
    return { ok: false, error: { code: 'INTERNAL', message: `The folder dialog could not be shown (${String(error)}).` } };
  }
}

async function start(): Promise<void> {
  hardenSessions();
  client = await startServicePool(path.join(app.getPath('userData'), 'regulars.sqlite'), path.join(__dirname, 'service-worker.cjs'));
  registerContract();
  mainWindow = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    title: 'Regulars',
    show: false,
    webPreferences: secureWebPreferences(path.join(__dirname, 'preload.cjs')),
  });
  Menu.setApplicationMenu(buildMenu(() => mainWindow));
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => (mainWindow = null));
  await mainWindow.loadFile(rendererIndex);
}
