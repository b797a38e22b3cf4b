import { useScan } from '../stores/scan.ts';

function eta(seconds: number | null): string {
  if (seconds === null) return '';
  return seconds >= 60 ? `${Math.floor(seconds / 60)} min ${seconds % 60} s left` : `${seconds} s left`;
}

/** Phase, done/total, files per second, ETA, and a way to stop; or why the last scan stopped. */
export function ScanProgressBar() {
  const { progress, cancel, error, dismissError } = useScan();
  if (!progress && error) {
    return (
      <div className="scan-progress scan-failed" role="alert">
        <span>{error}</span>
        <button type="button" onClick={dismissError}>
          Dismiss
        </button>
      </div>
    );
  }
  if (!progress) return null;
  const fraction = progress.total > 0 ? progress.done / progress.total : null;
  return (
    <div className="scan-progress" role="status" aria-label="Scan progress">
      <span className="scan-phase">
        {progress.phase === 'inventory'
          ? 'Looking for files'
          : progress.phase === 'parse'
            ? 'Reading tags'
            : 'Finishing'}
      </span>
      <progress max={1} value={fraction ?? undefined} />
      <span className="scan-counts">
        {progress.total > 0
          ? `${progress.done.toLocaleString()} / ${progress.total.toLocaleString()}`
          : `${progress.done.toLocaleString()} files`}
        {progress.filesPerSecond > 0 && ` · ${progress.filesPerSecond.toLocaleString()} files/s`}
        {progress.etaSeconds !== null && ` · ${eta(progress.etaSeconds)}`}
      </span>
      <button type="button" onClick={() => void cancel()}>
        Cancel
      </button>
    </div>
  );
}
