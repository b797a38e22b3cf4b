// Settings → Library: the catalog file's state and its backups. On a damaged catalog this is
// the only part of the app that works (the main process answers everything else with
// DB_CORRUPT), so the restore offer lives here, loaded on its own.
import { useCallback, useEffect, useState } from 'react';
import type { CatalogBackup, CatalogStatus } from '../../../../shared/catalog.ts';
import { call } from '../../bridge/api.ts';
import { SettingField } from './SettingField.tsx';
import { errorMessage } from '../../../../shared/error-text.ts';

const when = (ms: number) => new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const size = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

export function CatalogBackups() {
  const [status, setStatus] = useState<CatalogStatus | null>(null);
  const [backups, setBackups] = useState<CatalogBackup[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    () =>
      Promise.all([call('catalog.status', {}), call('catalog.backups', {})]).then(
        ([nextStatus, nextBackups]) => {
          setStatus(nextStatus);
          setBackups(nextBackups);
        },
        (err: unknown) => setError(errorMessage(err)),
      ),
    [],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      await load();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  // Every store of the page holds ids of the catalog it replaced: a reload starts them afresh.
  const restore = (name: string) =>
    run(async () => {
      await call('catalog.restore', { name });
      window.location.reload();
    });

  const damaged = status?.state === 'damaged';
  return (
    <section className="settings-section" aria-label="Catalog backups">
      <h2>Catalog backups</h2>
      {damaged && (
        <p className="error" role="alert">
          {status.problem}
        </p>
      )}
      {status && <p className="setting-help">{status.path}</p>}
      {backups.length === 0 ? (
        <p className="setting-help">No backups yet: one is made each day the app runs.</p>
      ) : (
        <table className="roots backups">
          <tbody>
            {backups.map((backup) => (
              <tr key={backup.name}>
                <td>{when(backup.createdAt)}</td>
                <td>{size(backup.bytes)}</td>
                <td>
                  <button
                    type="button"
                    disabled={busy}
                    aria-label={`Restore the backup of ${when(backup.createdAt)}`}
                    onClick={() => void restore(backup.name)}
                  >
                    Restore
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!damaged && status && (
        <>
          <button type="button" disabled={busy} onClick={() => void run(() => call('catalog.backup', {}))}>
            Back up now
          </button>
          <SettingField settingKey="catalog.backupsKept" />
        </>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
