// Whether the tag editor is open, and on which tracks: opened from a track table's menu or
// Alt+Enter, rendered lazily at the app's root (App.tsx), like the playlist dialogs.
import { create } from 'zustand';

interface TagDialogState {
  trackIds: number[] | null;
  returnFocus: HTMLElement | null;
  open(trackIds: number[]): void;
  close(): void;
}

export const useTagDialog = create<TagDialogState>((set, get) => ({
  trackIds: null,
  returnFocus: null,
  open: (trackIds) => set({ trackIds, returnFocus: document.activeElement as HTMLElement | null }),
  close() {
    const back = get().returnFocus;
    set({ trackIds: null, returnFocus: null });
    if (back?.isConnected) back.focus();
  },
}));

export const openTagEditor = (trackIds: number[]): void => {
  if (trackIds.length > 0) useTagDialog.getState().open(trackIds);
};
