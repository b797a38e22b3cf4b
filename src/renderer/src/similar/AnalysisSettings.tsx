// Settings → Analysis: how far the audio analysis behind "Play similar" is, why it is not
// running when it is not, pause and resume, and its settings.
import '../styles/similar.css';
import type { SimilarityStatus } from '../../../shared/similarity.ts';
import { SettingField } from '../views/settings/SettingField.tsx';
import { useStatus } from './status-store.ts';
import { analysedPercent, etaText } from './status-text.ts';

function Figures({ status }: { status: SimilarityStatus }) {
  const lookups = status.cache.hits + status.cache.misses;
  return (
    <>
      <progress
        className="analysis-bar"
        max={Math.max(1, status.total)}
        value={status.analysed}
        aria-label="Tracks analysed"
      />
      <dl className="cache-figures analysis-figures" data-testid="analysis-figures">
        <dt>Analysed</dt>
        <dd data-testid="analysis-count">
          {status.analysed.toLocaleString()} of {status.total.toLocaleString()} tracks ({analysedPercent(status)}%)
          {status.failed > 0 && `, ${status.failed.toLocaleString()} could not be read`}
        </dd>
        <dt>Remaining</dt>
        <dd>{etaText(status)}</dd>
        <dt>Query cache</dt>
        <dd>
          {status.cache.hits.toLocaleString()} hits, {status.cache.misses.toLocaleString()} misses
          {lookups > 0 && ` (${((status.cache.hits / lookups) * 100).toFixed(0)} %)`}, {status.cache.entries} entries
        </dd>
      </dl>
    </>
  );
}

export function AnalysisSettings() {
  const { status, error, setPaused } = useStatus();
  return (
    <section className="settings-section" aria-label="Analysis">
      <h2>Analysis</h2>
      <p className="setting-help">
        Each track is listened to once, in the background, so that "Play similar" can find tracks that sound alike.
      </p>
      {status && (
        <>
          <Figures status={status} />
          {status.reason && (
            <p className="setting-help" role="status" data-testid="analysis-reason">
              {status.reason}
            </p>
          )}
          {/* Also when all is done: paused, the tracks a scan adds wait too. */}
          <button type="button" className="analysis-pause" onClick={() => void setPaused(!status.paused)}>
            {status.paused ? 'Resume analysis' : 'Pause analysis'}
          </button>
        </>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <SettingField settingKey="similarity.enabled" />
      <SettingField settingKey="similarity.onBattery" />
      <SettingField settingKey="radio.artistSpacing" />
    </section>
  );
}
