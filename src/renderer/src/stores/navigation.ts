import { create } from 'zustand';

export type ViewName = 'songs' | 'albums' | 'artists' | 'settings';

interface NavigationState {
  view: ViewName;
  go(view: ViewName): void;
}

export const useNavigation = create<NavigationState>((set) => ({
  view: 'songs',
  go: (view) => set({ view }),
}));
