// Settings → Log file: where the app writes what went wrong (scans, playback, threads), for a
// bug report. The app opens its folder; a browser cannot, so it is shown there instead.
import { useEffect, useState } from 'react';
import { call } from '../../bridge/api.ts';
import { errorMessage } from '../../../../shared/error-text.ts';

export function LogFile() {
  const [path, setPath] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    call('app.info', {}).then(
      (info) => setPath(info.logFile),
      (err: unknown) => setError(errorMessage(err)),
    );
  }, []);

  const open = () =>
    call('app.openLogFolder', {}).then(
      ({ path: folder, opened }) => setNote(opened ? null : `The log folder is ${folder}`),
      (err: unknown) => setError(errorMessage(err)),
    );

  return (
    <section className="settings-section" aria-label="Log file">
      <h2>Log file</h2>
      {path && (
        <p className="setting-help" data-testid="log-file-path">
          {path}
        </p>
      )}
      <button type="button" onClick={() => void open()}>
        Open log folder
      </button>
      {note && (
        <p className="setting-help" role="status">
          {note}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
