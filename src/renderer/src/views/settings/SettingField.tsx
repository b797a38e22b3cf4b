// One setting, rendered from its spec in src/shared/settings.ts: the input, its range, and
// the main process's verdict when a value is refused.
import { useId, useState } from 'react';
import { settingSpecs, validateSetting, type SettingKey, type SettingSpec } from '../../../../shared/settings.ts';
import { useSettings } from '../../stores/settings.ts';

function rangeText(spec: SettingSpec): string | null {
  if (spec.kind !== 'int' && spec.kind !== 'number') return null;
  return `${spec.min}–${spec.max}${spec.unit ? ` ${spec.unit}` : ''}`;
}

export function SettingField({ settingKey }: { settingKey: SettingKey }) {
  const spec: SettingSpec = settingSpecs[settingKey];
  const value = useSettings((state) => state.settings[settingKey]);
  const save = useSettings((state) => state.save);
  const [draft, setDraft] = useState(String(value));
  const [error, setError] = useState<string | null>(null);
  const [shownValue, setShownValue] = useState(value);
  const id = useId();
  // A new value from the main process (saved here or elsewhere) replaces the draft.
  if (shownValue !== value) {
    setShownValue(value);
    setDraft(String(value));
  }

  const commit = async (raw: unknown) => {
    const local = validateSetting(settingKey, raw);
    if (!local.ok) {
      setError(local.message);
      return;
    }
    setError(await save(settingKey, local.value));
  };

  let input;
  if (spec.kind === 'bool') {
    input = (
      <input id={id} type="checkbox" checked={value as boolean} onChange={(e) => void commit(e.target.checked)} />
    );
  } else if (spec.kind === 'enum') {
    input = (
      <select id={id} value={String(value)} onChange={(e) => void commit(e.target.value)}>
        {spec.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    );
  } else {
    input = (
      <input
        id={id}
        type="number"
        min={spec.min}
        max={spec.max}
        step={spec.kind === 'number' ? spec.step : 1}
        value={draft}
        aria-invalid={error !== null}
        aria-describedby={`${id}-range ${id}-error`}
        onChange={(e) => {
          setDraft(e.target.value);
          setError(null);
        }}
        onBlur={() => void commit(draft.trim() === '' ? NaN : Number(draft))}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void commit(draft.trim() === '' ? NaN : Number(draft));
        }}
      />
    );
  }

  return (
    <div className="setting-field" data-setting={settingKey}>
      <label htmlFor={id}>{spec.label}</label>
      <div className="setting-input">
        {input}
        {rangeText(spec) && (
          <span className="setting-range" id={`${id}-range`}>
            {rangeText(spec)}
          </span>
        )}
      </div>
      {spec.help && <div className="setting-help">{spec.help}</div>}
      {error && (
        <div className="setting-error" id={`${id}-error`} role="alert">
          {error}
        </div>
      )}
    </div>
  );
}
