// Whether the machine runs on battery, where the platform tells (Linux's power_supply class);
// null where it does not say. The app's shell may know better (Electron's powerMonitor) and
// can pass its own answer to the core instead.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

const POWER_SUPPLY = '/sys/class/power_supply';

export type BatteryProbe = () => Promise<boolean | null>;

export const linuxOnBattery: BatteryProbe = () => powerSupplySays(POWER_SUPPLY);

/** What a power_supply class folder says: a mains adapter online, or a battery discharging. */
export async function powerSupplySays(folder: string): Promise<boolean | null> {
  let supplies: string[];
  try {
    supplies = await readdir(folder);
  } catch {
    return null;
  }
  let battery = false;
  for (const name of supplies) {
    const read = (field: string) =>
      readFile(join(folder, name, field), 'utf8').then(
        (text) => text.trim(),
        () => '',
      );
    const type = await read('type');
    if (type === 'Mains' && (await read('online')) === '1') return false;
    if (type === 'Battery') {
      battery = true;
      if ((await read('status')) === 'Discharging') return true;
    }
  }
  // A battery that is not discharging is charging or full: on the mains.
  return battery ? false : null;
}
