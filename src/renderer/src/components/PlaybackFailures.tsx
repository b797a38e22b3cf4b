// The tracks that could not be played this session, behind a button on the now-playing bar:
// the message on show names only the last failure, and a run of broken files fails several
// in a second.
import { useState } from 'react';
import { failuresLabel } from '../player/failure-log.ts';
import { usePlayer } from '../stores/player.ts';

const timeOf = (at: number) => new Date(at).toLocaleTimeString();

export function PlaybackFailures() {
  const failures = usePlayer((state) => state.failures);
  const [open, setOpen] = useState(false);
  if (failures.length === 0) return null;
  return (
    <div className="np-failures">
      <button
        type="button"
        className="link-button np-failures-toggle"
        aria-expanded={open}
        data-testid="failures-toggle"
        aria-label={failuresLabel(failures.length)}
        title={failuresLabel(failures.length)}
        onClick={() => setOpen(!open)}
      >
        ⚠ {failures.length} failed
      </button>
      {open && (
        <div className="np-failures-list" role="dialog" aria-label="Tracks that could not be played">
          <ul data-testid="failure-list">
            {failures.map((failure) => (
              <li key={failure.key}>
                <span className="np-failure-time">{timeOf(failure.at)}</span> {failure.message}
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="link-button"
            onClick={() => {
              usePlayer.getState().set({ failures: [] });
              setOpen(false);
            }}
          >
            Clear the list
          </button>
        </div>
      )}
    </div>
  );
}
