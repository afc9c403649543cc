import { dialog, type BrowserWindow } from 'electron';
import type { Out, Parsed } from '../../shared/ipc/contract';

const TITLES: Record<Parsed<'system:chooseFolder'>['purpose'], string> = {
  backup: 'Back up to a folder or USB stick',
  export: 'Export your data to a folder',
};

/** The system's folder dialog, for "Back up to a folder or USB stick…" and "Export…". */
export async function chooseFolder(window: BrowserWindow | null, input: Parsed<'system:chooseFolder'>): Promise<Out<'system:chooseFolder'>> {
  const options = { title: TITLES[input.purpose], properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[] };
  const picked = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return { folder: picked.canceled ? null : (picked.filePaths[0] ?? null), canChoose: true };
}
