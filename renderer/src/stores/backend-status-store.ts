/**
 * Whether the back end can use the data file. A single UNAVAILABLE answer (a newer-version or
 * damaged file, a full disk, a bridge that went away) turns on the banner at the top of the window.
 */
import { create } from 'zustand';
import { onApiFailure } from '../lib/api';

interface BackendStatusState {
  /** The back end's own sentence, or null while all is well. */
  unavailableMessage: string | null;
  reportUnavailable(message: string): void;
  clear(): void;
}

export const useBackendStatusStore = create<BackendStatusState>()((set) => ({
  unavailableMessage: null,
  reportUnavailable: (message) => set({ unavailableMessage: message }),
  clear: () => set({ unavailableMessage: null }),
}));

onApiFailure((error) => {
  if (error.code === 'UNAVAILABLE') useBackendStatusStore.getState().reportUnavailable(error.message);
});
