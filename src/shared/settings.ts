// Every user setting: its type, range, default and label, declared once. The main process
// validates writes against these; the Settings pane shows the ranges from here. Plain data
// and a hand-written check, so the renderer can use them without a schema library.

interface SettingBase<T> {
  label: string;
  help?: string;
  default: T;
}
export interface IntSetting extends SettingBase<number> {
  kind: 'int';
  min: number;
  max: number;
  unit?: string;
}
export interface NumberSetting extends SettingBase<number> {
  kind: 'number';
  min: number;
  max: number;
  step: number;
  unit?: string;
}
export interface BoolSetting extends SettingBase<boolean> {
  kind: 'bool';
}
export interface EnumSetting<T extends string = string> extends SettingBase<T> {
  kind: 'enum';
  options: readonly { value: T; label: string }[];
}
export type SettingSpec = IntSetting | NumberSetting | BoolSetting | EnumSetting;

const int = (min: number, max: number, def: number, label: string, unit?: string, help?: string): IntSetting => ({
  kind: 'int',
  min,
  max,
  default: def,
  label,
  unit,
  help,
});
const num = (min: number, max: number, step: number, def: number, label: string, unit?: string): NumberSetting => ({
  kind: 'number',
  min,
  max,
  step,
  default: def,
  label,
  unit,
});
const bool = (def: boolean, label: string, help?: string): BoolSetting => ({
  kind: 'bool',
  default: def,
  label,
  help,
});
function choice<T extends string>(
  options: readonly { value: T; label: string }[],
  def: NoInfer<T>,
  label: string,
): EnumSetting<T> {
  return { kind: 'enum', options, default: def, label };
}

export const settingSpecs = {
  'scan.workers': int(0, 64, 0, 'Parser threads', 'threads', '0 = one per core'),
  'scan.parseTimeoutSeconds': int(2, 600, 20, 'Give up on a file after', 's'),
  'scan.networkConcurrency': int(1, 256, 32, 'Requests in flight on a network share'),
  'scan.purgeMissingAfterDays': int(1, 3650, 30, 'Forget missing files after', 'days'),
  'watch.local': bool(true, 'Watch local folders for changes'),
  'watch.networkMode': choice(
    [
      { value: 'periodic', label: 'Periodic cheap rescan' },
      { value: 'poll', label: 'Poll every file (heavy)' },
      { value: 'off', label: 'Off (rescan by hand)' },
    ] as const,
    'periodic',
    'Network folders',
  ),
  'watch.networkIntervalMinutes': int(1, 1440, 15, 'Rescan network folders every', 'min'),
  'playback.replayGain': choice(
    [
      { value: 'off', label: 'Off' },
      { value: 'track', label: 'Track' },
      { value: 'album', label: 'Album' },
    ] as const,
    'track',
    'ReplayGain',
  ),
  'playback.preampDb': num(-15, 15, 0.5, 0, 'ReplayGain pre-amp', 'dB'),
  'playback.clippingProtection': bool(true, 'Prevent clipping (uses peak values)'),
  'playback.gapless': bool(true, 'Gapless playback'),
  'playback.onError': choice(
    [
      { value: 'skip', label: 'Skip to the next track' },
      { value: 'stop', label: 'Stop' },
    ] as const,
    'skip',
    'When a track cannot be played',
  ),
  // 512 KB: chosen by the chunk-size sweep of bench/cache (docs/benchmarks.md).
  'cache.chunkSizeKB': int(64, 32768, 512, 'Chunk size', 'KB', 'Used for files cached from now on'),
  'cache.lookaheadChunks': int(0, 256, 32, 'Lookahead', 'chunks'),
  'cache.backgroundFill': bool(true, 'Fetch the rest of the playing file in the background'),
  'cache.prefetchNext': bool(true, 'Prefetch the start of the next track'),
  'cache.maxSizeMB': int(64, 1_048_576, 4096, 'Maximum cache size', 'MB'),
  'catalog.backupsKept': int(1, 100, 5, 'Daily backups of the catalog to keep', 'backups'),
  'similarity.enabled': bool(true, "Analyse audio for 'Play similar'", 'In the background, at low priority'),
  'similarity.onBattery': bool(false, 'Analyse on battery power too'),
  'radio.artistSpacing': int(1, 50, 8, 'Play similar: no artist again within', 'tracks'),
} satisfies Record<string, SettingSpec>;

export type SettingKey = keyof typeof settingSpecs;
export type Settings = { [K in SettingKey]: (typeof settingSpecs)[K]['default'] };
export const settingKeys = Object.keys(settingSpecs) as SettingKey[];

export function defaultSettings(): Settings {
  return Object.fromEntries(settingKeys.map((key) => [key, settingSpecs[key].default])) as Settings;
}

/** Checks one value; the message names the setting and its range. */
export function validateSetting(
  key: SettingKey,
  value: unknown,
): { ok: true; value: unknown } | { ok: false; message: string } {
  const spec: SettingSpec = settingSpecs[key];
  if (accepts(spec, value)) return { ok: true, value };
  switch (spec.kind) {
    case 'int':
      return {
        ok: false,
        message: `${spec.label} must be a whole number from ${spec.min} to ${spec.max}${spec.unit ? ` ${spec.unit}` : ''}.`,
      };
    case 'number':
      return {
        ok: false,
        message: `${spec.label} must be a number from ${spec.min} to ${spec.max}${spec.unit ? ` ${spec.unit}` : ''}.`,
      };
    case 'bool':
      return { ok: false, message: `${spec.label} must be on or off.` };
    case 'enum':
      return { ok: false, message: `${spec.label} must be one of: ${spec.options.map((o) => o.label).join(', ')}.` };
  }
}

function accepts(spec: SettingSpec, value: unknown): boolean {
  switch (spec.kind) {
    case 'int':
      return Number.isSafeInteger(value) && (value as number) >= spec.min && (value as number) <= spec.max;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) && value >= spec.min && value <= spec.max;
    case 'bool':
      return typeof value === 'boolean';
    case 'enum':
      return spec.options.some((option) => option.value === value);
  }
}
