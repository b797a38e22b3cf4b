// Which playlist dialog is open: one at a time, rendered by PlaylistDialogs at the app's root
// so that a track table, the sidebar and the queue panel can all open them.
import { create } from 'zustand';
import type { PlaylistSummary } from '../../../../shared/domain.ts';

export type PlaylistDialog =
  | { kind: 'add'; trackIds: number[] }
  | { kind: 'name'; title: string; initial: string; submit(name: string): Promise<void> }
  | { kind: 'import' }
  | { kind: 'export'; playlist: PlaylistSummary };

interface DialogState {
  dialog: PlaylistDialog | null;
  /** Where focus goes back to when the dialog closes. */
  returnFocus: HTMLElement | null;
  open(dialog: PlaylistDialog): void;
  close(): void;
}

export const usePlaylistDialog = create<DialogState>((set, get) => ({
  dialog: null,
  returnFocus: null,
  open: (dialog) => set({ dialog, returnFocus: document.activeElement as HTMLElement | null }),
  close() {
    const back = get().returnFocus;
    set({ dialog: null, returnFocus: null });
    if (back?.isConnected) back.focus();
  },
}));

export const openPlaylistDialog = (dialog: PlaylistDialog): void => usePlaylistDialog.getState().open(dialog);
