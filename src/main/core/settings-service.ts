import { settingSpecs, validateSetting, type SettingKey, type Settings } from '../../shared/settings.ts';
import { TonearmError } from '../../shared/result.ts';
import type { SettingsRepo } from './catalog/settings.ts';
import type { EventBus } from './events/bus.ts';

type SaveSetting = (key: SettingKey, value: unknown) => Promise<void>;

/** The settings in memory, written through to the catalog, announced once written. */
export class SettingsService {
  private current: Settings;
  private readonly save: SaveSetting;
  private readonly bus: EventBus;

  constructor(repo: SettingsRepo, save: SaveSetting, bus: EventBus) {
    this.save = save;
    this.bus = bus;
    this.current = repo.load();
  }

  get all(): Settings {
    return this.current;
  }

  get<K extends SettingKey>(key: K): Settings[K] {
    return this.current[key];
  }

  async set(key: SettingKey, value: unknown): Promise<Settings> {
    if (!Object.hasOwn(settingSpecs, key)) throw new TonearmError('BAD_INPUT', `Unknown setting: ${String(key)}`);
    const checked = validateSetting(key, value);
    if (!checked.ok) throw new TonearmError('BAD_INPUT', checked.message);
    await this.save(key, checked.value);
    this.current = { ...this.current, [key]: checked.value };
    this.bus.emit('settings.changed', this.current);
    return this.current;
  }
}
