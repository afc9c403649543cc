/**
 * Whether the back end can use the data file. A single UNAVAILABLE answer (a newer-version or
 * damaged file, a full disk, a bridge that went away) turns on the banner at the top of the window.
 */
import { create } from 'zustand';
import { api, onApiFailure } from '../lib/api';

interface BackendStatusState {
  /** The back end's own sentence, or null while all is well. */
  unavailableMessage: string | null;
  /** Set when the data is open read-only (a read-only folder): the back end's sentence. */
  readOnlyMessage: string | null;
  reportUnavailable(message: string): void;
  clear(): void;
  /** Asks the back end at start-up whether the data file is open, read-only or not at all. */
  checkDataFile(): Promise<void>;
}

export const useBackendStatusStore = create<BackendStatusState>()((set) => ({
  unavailableMessage: null,
  readOnlyMessage: null,
  reportUnavailable: (message) => set({ unavailableMessage: message }),
  clear: () => set({ unavailableMessage: null, readOnlyMessage: null }),
  async checkDataFile() {
    try {
      const status = await api('data:status', {});
      set({ readOnlyMessage: status.readOnly, ...(status.problem ? { unavailableMessage: status.problem } : {}) });
    } catch {
      // A failed call has already reported itself through onApiFailure below.
    }
  },
}));

onApiFailure((error) => {
  if (error.code === 'UNAVAILABLE') useBackendStatusStore.getState().reportUnavailable(error.message);
});
