import type { Out } from '../../shared/ipc/contract';

/**
 * `system:chooseFolder` where there is no window to show a dialog in (the web bridge, the CLI, the
 * worker): it says so, and the page asks for a typed folder instead. The Electron main process
 * answers this operation itself with the system's folder dialog (electron/main/folder-dialog.ts).
 */
export function noFolderDialog(): Out<'system:chooseFolder'> {
  return { folder: null, canChoose: false };
}
