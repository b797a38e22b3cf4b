import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { powerSupplySays } from '../../../src/main/core/similarity/power.ts';
import { tempDir } from '../../support/temp.ts';

describe('on battery, as Linux power_supply says', () => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());
  const supplies = (name: string, entries: Record<string, Record<string, string>>) => {
    const folder = join(dir.path, name);
    for (const [supply, fields] of Object.entries(entries)) {
      mkdirSync(join(folder, supply), { recursive: true });
      for (const [field, value] of Object.entries(fields)) writeFileSync(join(folder, supply, field), `${value}\n`);
    }
    return folder;
  };

  it('is on battery when the battery discharges and no mains adapter is online', async () => {
    const folder = supplies('unplugged', {
      AC: { type: 'Mains', online: '0' },
      BAT0: { type: 'Battery', status: 'Discharging' },
    });
    expect(await powerSupplySays(folder)).toBe(true);
  });

  it('is not when the mains adapter is online, or the battery charges', async () => {
    expect(
      await powerSupplySays(
        supplies('plugged', { AC: { type: 'Mains', online: '1' }, BAT0: { type: 'Battery', status: 'Discharging' } }),
      ),
    ).toBe(false);
    expect(await powerSupplySays(supplies('charging', { BAT0: { type: 'Battery', status: 'Charging' } }))).toBe(false);
  });

  it('does not say on a machine without a battery or without the folder', async () => {
    expect(await powerSupplySays(supplies('desktop', { AC: { type: 'Mains', online: '0' } }))).toBe(null);
    expect(await powerSupplySays(join(dir.path, 'none'))).toBe(null);
  });
});
