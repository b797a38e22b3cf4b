import type Database from 'better-sqlite3';
import {
  defaultSettings,
  settingKeys,
  validateSetting,
  type SettingKey,
  type Settings,
} from '../../../shared/settings.ts';

/** Settings as rows of (key, JSON value); anything unreadable or out of range falls back to its default. */
export class SettingsRepo {
  private readonly db: Database.Database;

  constructor(db: Database.Database) {
    this.db = db;
  }

  load(): Settings {
    const settings = defaultSettings() as Record<SettingKey, unknown>;
    const rows = this.db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
    for (const { key, value } of rows) {
      if (!settingKeys.includes(key as SettingKey)) continue;
      try {
        const checked = validateSetting(key as SettingKey, JSON.parse(value));
        if (checked.ok) settings[key as SettingKey] = checked.value;
      } catch {
        // a damaged value: keep the default
      }
    }
    return settings as Settings;
  }

  /** Non-setting state the app keeps across restarts (the play queue, for one). */
  loadState<T>(key: string): T | null {
    const raw = this.db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(`state:${key}`) as
      string | undefined;
    if (raw === undefined) return null;
    try {
      return JSON.parse(raw) as T;
    } catch {
      return null;
    }
  }
}

/** The writes, run by the writer thread. */
export class SettingsWrites {
  private readonly db: Database.Database;

  constructor(db: Database.Database) {
    this.db = db;
  }

  save(key: SettingKey, value: unknown): void {
    this.db
      .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      .run(key, JSON.stringify(value));
  }

  saveState(key: string, value: unknown): void {
    this.save(`state:${key}` as SettingKey, value);
  }
}
