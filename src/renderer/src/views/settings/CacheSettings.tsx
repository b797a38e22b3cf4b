// The chunk cache for network folders: its settings, and live figures of how it is doing.
import { useEffect, useState } from 'react';
import type { CacheStats, LatencyFigures } from '../../../../shared/domain.ts';
import { call } from '../../bridge/api.ts';
import { SettingField } from './SettingField.tsx';
import { errorMessage } from '../../../../shared/error-text.ts';

const REFRESH_MS = 1000;

function bytes(n: number): string {
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  if (n < 1024 * 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 / 1024 / 1024).toFixed(2)} GB`;
}

function latency(figures: LatencyFigures): string {
  if (figures.medianMs === null) return '—';
  return `${Math.round(figures.medianMs)} ms median of ${figures.count} (last ${Math.round(figures.lastMs ?? 0)} ms)`;
}

function Figures({ stats }: { stats: CacheStats }) {
  const player = stats.player.firstAudio.count > 0 || stats.player.seek.count > 0;
  return (
    <dl className="cache-figures" data-testid="cache-figures">
      <dt>Cached</dt>
      <dd data-testid="cache-bytes">
        {bytes(stats.bytesCached)} of {bytes(stats.maxBytes)} in {stats.entries.toLocaleString()}{' '}
        {stats.entries === 1 ? 'file' : 'files'}
      </dd>
      <dt>Hit rate</dt>
      <dd>
        {stats.hitRate === null ? '—' : `${(stats.hitRate * 100).toFixed(1)} %`} ({bytes(stats.bytesFromCache)} from the
        cache, {bytes(stats.bytesFromShare)} from the share)
      </dd>
      <dt>Time to first audio</dt>
      <dd>{latency(player ? stats.player.firstAudio : stats.server.firstByte)}</dd>
      <dt>Seek latency</dt>
      <dd>{latency(player ? stats.player.seek : stats.server.seek)}</dd>
      <dt>Fetching</dt>
      <dd>
        {stats.fetchesInFlight} {stats.fetchesInFlight === 1 ? 'chunk' : 'chunks'}
        {stats.lastFetchChunkBytes !== null && (
          <span data-testid="cache-last-chunk"> (last fetched in chunks of {bytes(stats.lastFetchChunkBytes)})</span>
        )}
      </dd>
      {!player && (
        <dd className="setting-help">Latencies as the media handler sees them (first byte handed to the player).</dd>
      )}
    </dl>
  );
}

export function CacheSettings() {
  const [stats, setStats] = useState<CacheStats | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [clearing, setClearing] = useState(false);

  useEffect(() => {
    let live = true;
    const load = () =>
      call('cache.stats', {}).then(
        (next) => live && setStats(next),
        (err: unknown) => live && setError(errorMessage(err)),
      );
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);

  const clear = async () => {
    setClearing(true);
    try {
      setStats(await call('cache.clear', {}));
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setClearing(false);
    }
  };

  return (
    <section className="settings-section" aria-label="Network cache">
      <h2>Network cache</h2>
      <p className="setting-help">
        Tracks in network folders are read through a local cache, so that they start and seek as if they were local and
        keep playing when the share drops out.
      </p>
      {stats?.warning && (
        <p className="cache-warning" role="status">
          {stats.warning}
        </p>
      )}
      <SettingField settingKey="cache.chunkSizeKB" />
      <SettingField settingKey="cache.lookaheadChunks" />
      <SettingField settingKey="cache.backgroundFill" />
      <SettingField settingKey="cache.prefetchNext" />
      <SettingField settingKey="cache.maxSizeMB" />
      {stats && <Figures stats={stats} />}
      <button type="button" onClick={() => void clear()} disabled={clearing}>
        Clear cache
      </button>
      <span className="setting-help"> Keeps what is playing and what plays next.</span>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
