import { Menu, app, shell, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { EventName } from '../../shared/ipc/events';

/** The application menu; its commands are sent to the window, which runs them through its stores. */
export function buildMenu(getWindow: () => BrowserWindow | null): Menu {
  const send = (event: EventName) => () => getWindow()?.webContents.send(event);
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [
        { label: 'Log a visit…', accelerator: 'CmdOrCtrl+K', click: send('menu:quickLog') },
        { label: 'Import…', accelerator: 'CmdOrCtrl+I', click: send('menu:import') },
        { label: 'Back up now…', accelerator: 'CmdOrCtrl+B', click: send('menu:backup') },
        { label: 'Print monthly summary…', accelerator: 'CmdOrCtrl+P', click: send('menu:print') },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    {
      label: 'Help',
      submenu: [
        { label: `About Regulars ${app.getVersion()}`, role: 'about' },
        { label: 'Show data folder', click: () => void shell.openPath(app.getPath('userData')) },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
