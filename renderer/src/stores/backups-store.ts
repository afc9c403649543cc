/**
 * Backups, restore, export and privacy erase, for the Backups panel and the customer page. Works
 * when the data file cannot be opened: the list, the status and restore need no open database, so
 * the panel can offer "restore the latest backup" exactly when it is needed.
 */
import { create } from 'zustand';
import type { BackupCreated, BackupInspection, BackupList, RestoreOutcome } from '../../../shared/domain/backups';
import type { CustomerExportResult, DataStatus, EraseInactiveResult, EraseResult, ExportResult } from '../../../shared/domain/data-safety';
import { api, errorMessage, onAppEvent } from '../lib/api';
import { useBackendStatusStore } from './backend-status-store';
import { notifyDataChanged } from './data-changed';
import { useSettingsStore } from './settings-store';

export type BackupsBusy = 'backup' | 'inspect' | 'restore' | 'export' | 'erase' | 'folder' | null;

interface BackupsState {
  list: BackupList | null;
  status: DataStatus | null;
  loading: boolean;
  loadError: string | null;
  busy: BackupsBusy;
  /** The backup the owner is about to restore, with the current data beside it; the dialog shows while set. */
  pendingRestore: BackupInspection | null;
  inspectError: string | null;

  load(): Promise<void>;
  /** "Back up now": into the backups folder (and the second folder), or into `folder`. */
  backUpNow(folder?: string): Promise<BackupCreated>;
  /**
   * "Back up to a folder or USB stick…" in the desktop app: the system folder dialog, then a backup
   * there. Resolves null when the owner cancels, or when there is no dialog (browser: type a folder).
   */
  backUpToChosenFolder(): Promise<BackupCreated | null>;
  /** Sets (or, with null, clears) the second backup folder. */
  setSecondFolder(folder: string | null): Promise<void>;
  /** Opens the restore dialog for a backup (by name or full path). */
  askRestore(file: string): Promise<void>;
  cancelRestore(): void;
  /** Restores the backup in the dialog; every screen reloads its data afterwards. */
  confirmRestore(): Promise<RestoreOutcome>;
  exportAll(folder?: string): Promise<ExportResult>;
  /** The system folder dialog (desktop app only); null when cancelled or when there is none. */
  chooseFolder(purpose: 'backup' | 'export'): Promise<string | null>;
  exportCustomer(id: number, folder?: string): Promise<CustomerExportResult>;
  eraseCustomer(id: number): Promise<EraseResult>;
  eraseInactive(years: number, dryRun: boolean): Promise<EraseInactiveResult>;
}

/** A sentence for an error caught by a component around a store action. */
export const describeError = errorMessage;

const folderOrNothing = (folder?: string) => (folder && folder.trim() !== '' ? { folder: folder.trim() } : {});

export const useBackupsStore = create<BackupsState>()((set, get) => {
  /** Runs an action with the busy marker set, clearing it whatever happens. */
  async function busyWith<T>(busy: Exclude<BackupsBusy, null>, action: () => Promise<T>): Promise<T> {
    set({ busy });
    try {
      return await action();
    } finally {
      set({ busy: null });
    }
  }

  return {
    list: null,
    status: null,
    loading: false,
    loadError: null,
    busy: null,
    pendingRestore: null,
    inspectError: null,

    async load() {
      set({ loading: true });
      try {
        const [list, status] = await Promise.all([api('backups:list', {}), api('data:status', {})]);
        set({ list, status, loading: false, loadError: null });
      } catch (error) {
        set({ loading: false, loadError: errorMessage(error) });
      }
    },

    backUpNow(folder) {
      return busyWith('backup', async () => {
        const created = await api('backups:create', folderOrNothing(folder));
        await get().load();
        return created;
      });
    },

    async backUpToChosenFolder() {
      const folder = await get().chooseFolder('backup');
      return folder ? get().backUpNow(folder) : null;
    },

    async chooseFolder(purpose) {
      const picked = await api('system:chooseFolder', { purpose });
      return picked.folder;
    },

    setSecondFolder(folder) {
      return busyWith('folder', async () => {
        await useSettingsStore.getState().save({ backupFolder: folder && folder.trim() !== '' ? folder.trim() : null });
        await get().load();
      });
    },

    async askRestore(file) {
      set({ busy: 'inspect', inspectError: null });
      try {
        set({ pendingRestore: await api('backups:inspect', { file }) });
      } catch (error) {
        set({ inspectError: errorMessage(error) });
      } finally {
        set({ busy: null });
      }
    },

    cancelRestore() {
      set({ pendingRestore: null });
    },

    confirmRestore() {
      const pending = get().pendingRestore;
      if (!pending) return Promise.reject(new Error('Choose a backup to restore first.'));
      return busyWith('restore', async () => {
        const outcome = await api('backups:restore', { file: pending.backup.file });
        set({ pendingRestore: null });
        // The data file works again (if it did not before) and every screen shows other data now.
        useBackendStatusStore.getState().clear();
        notifyDataChanged();
        await Promise.all([get().load(), useSettingsStore.getState().load()]);
        return outcome;
      });
    },

    exportAll(folder) {
      return busyWith('export', () => api('data:export', folderOrNothing(folder)));
    },

    exportCustomer(id, folder) {
      return busyWith('export', () => api('customers:export', { id, ...folderOrNothing(folder) }));
    },

    eraseCustomer(id) {
      return busyWith('erase', async () => {
        const result = await api('customers:erase', { id });
        notifyDataChanged();
        return result;
      });
    },

    eraseInactive(years, dryRun) {
      return busyWith('erase', async () => {
        const result = await api('customers:eraseInactive', { years, dryRun });
        if (!dryRun && result.ids.length > 0) notifyDataChanged();
        return result;
      });
    },
  };
});

/**
 * File › Back up now… in the desktop app's menu: calls `onRequest` (the app opens Settings › Backups
 * there) and offers the folder dialog. Returns the unsubscribe.
 */
export function listenForBackupMenu(onRequest: () => void, onDone: (created: BackupCreated | null, error: string | null) => void): () => void {
  return onAppEvent('menu:backup', () => {
    onRequest();
    useBackupsStore
      .getState()
      .backUpToChosenFolder()
      .then(
        (created) => onDone(created, null),
        (error: unknown) => onDone(null, errorMessage(error)),
      );
  });
}
