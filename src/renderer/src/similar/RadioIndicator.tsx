// In the queue panel while a radio runs: what it plays like, a stop button, the genres it
// leaves out, and why it has nothing more when that happens.
import { useState } from 'react';
import '../styles/similar.css';
import { GenreExclusions } from './GenreExclusions.tsx';
import { retryRadio, setRadioExcludedGenres, stopRadio, useRadio } from './play-similar.ts';

export function RadioIndicator() {
  const radio = useRadio();
  const [picking, setPicking] = useState(false);
  if (!radio.active && !radio.notice) return null;
  return (
    <div className="radio-indicator" role="status" data-testid="radio-indicator">
      {radio.active && (
        <div className="radio-line">
          <span className="radio-label" title={radio.seedLabel}>
            Radio: similar to {radio.seedLabel}
          </span>
          {radio.loading && <span className="radio-loading">finding more…</span>}
          <button
            type="button"
            aria-expanded={picking}
            onClick={() => setPicking(!picking)}
            title="Genres the radio leaves out"
          >
            Exclude genres{radio.excludeGenres.length > 0 ? ` (${radio.excludeGenres.length})` : ''}
          </button>
          <button type="button" onClick={stopRadio} aria-label="Stop the radio">
            Stop
          </button>
        </div>
      )}
      {radio.notice && (
        <div className="radio-notice">
          {radio.notice}{' '}
          {radio.active ? (
            <button type="button" className="link" onClick={retryRadio}>
              Try again
            </button>
          ) : (
            <button type="button" className="link" onClick={stopRadio}>
              Dismiss
            </button>
          )}
        </div>
      )}
      {radio.active && !radio.notice && radio.exhausted && (
        <div className="radio-notice">
          {radio.excludeGenres.length > 0
            ? 'No more similar tracks with these genres left out.'
            : 'No more similar tracks.'}
        </div>
      )}
      {radio.active && picking && <GenreExclusions excluded={radio.excludeGenres} onChange={setRadioExcludedGenres} />}
    </div>
  );
}
