import { FormatSupport } from './FormatSupport.tsx';
import { SettingField } from './SettingField.tsx';

export function PlaybackSettings() {
  return (
    <section className="settings-section" aria-label="Playback">
      <h2>Playback</h2>
      <FormatSupport />
      <SettingField settingKey="playback.gapless" />
      <SettingField settingKey="playback.onError" />
      <SettingField settingKey="playback.replayGain" />
      <SettingField settingKey="playback.preampDb" />
      <SettingField settingKey="playback.clippingProtection" />
    </section>
  );
}
