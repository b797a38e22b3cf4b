import { SettingField } from './SettingField.tsx';

export function ScanSettings() {
  return (
    <section className="settings-section" aria-label="Scanning and watching">
      <h2>Scanning and watching</h2>
      <SettingField settingKey="watch.local" />
      <SettingField settingKey="watch.networkMode" />
      <SettingField settingKey="watch.networkIntervalMinutes" />
      <SettingField settingKey="scan.networkConcurrency" />
      <SettingField settingKey="scan.parseTimeoutSeconds" />
      <SettingField settingKey="scan.workers" />
      <SettingField settingKey="scan.purgeMissingAfterDays" />
    </section>
  );
}
