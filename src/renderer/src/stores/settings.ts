import { create } from 'zustand';
import { defaultSettings, type SettingKey, type Settings } from '../../../shared/settings.ts';
import { call, onEvent } from '../bridge/api.ts';
import { errorMessage } from '../../../shared/error-text.ts';

interface SettingsState {
  settings: Settings;
  loaded: boolean;
  /** Saves one setting; resolves to an error message if the main process refused it. */
  save(key: SettingKey, value: unknown): Promise<string | null>;
}

export const useSettings = create<SettingsState>((set) => ({
  settings: defaultSettings(),
  loaded: false,
  async save(key, value) {
    try {
      set({ settings: await call('settings.set', { key, value }) });
      return null;
    } catch (err) {
      return errorMessage(err);
    }
  },
}));

void call('settings.get', {}).then((settings) => useSettings.setState({ settings, loaded: true }));
onEvent('settings.changed', (settings) => useSettings.setState({ settings }));
