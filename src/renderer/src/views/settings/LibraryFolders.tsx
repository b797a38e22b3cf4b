import { useEffect, useState, type FormEvent } from 'react';
import { call } from '../../bridge/api.ts';
import { useLibraryFolders } from '../../stores/library-folders.ts';
import { useScan } from '../../stores/scan.ts';
import { FolderBrowser } from './FolderBrowser.tsx';
import { RootKindSelect } from './RootKindSelect.tsx';

export function LibraryFolders() {
  const { roots, error, refresh, add, remove, setWatch } = useLibraryFolders();
  const startScan = useScan((state) => state.start);
  const [path, setPath] = useState('');
  const [browsing, setBrowsing] = useState(false);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const addAndScan = async (paths: string[]): Promise<boolean> => {
    for (const p of paths) if (!(await add(p))) return false;
    await startScan();
    return true;
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    // What was typed stays when it could not be added, to be corrected rather than retyped.
    if (path.trim())
      void addAndScan([path.trim()]).then((added) => {
        if (added) setPath('');
      });
  };
  const addBrowsed = async (folder: string) =>
    (await addAndScan([folder])) ? null : (useLibraryFolders.getState().error ?? 'The folder could not be added');
  const pick = async () => {
    const picked = await call('library.pickFolders', {});
    if (picked) await addAndScan(picked);
  };

  return (
    <section className="settings-section" aria-label="Library folders">
      <h2>Library folders</h2>
      <table className="roots">
        <tbody>
          {roots.map((root) => (
            <tr key={root.id}>
              <td className="root-path">{root.path}</td>
              <td>
                <span
                  className={root.online ? 'badge online' : 'badge offline'}
                  title={root.offlineReason ?? undefined}
                >
                  {root.online ? 'online' : 'offline'}
                </span>
                {root.kind === 'network' && <span className="badge">network</span>}
                <RootKindSelect root={root} />
                {!root.online && root.offlineReason && <div className="root-reason">{root.offlineReason}</div>}
              </td>
              <td>{root.trackCount.toLocaleString()} tracks</td>
              <td>
                <button type="button" onClick={() => void startScan([root.id])}>
                  Rescan
                </button>
                <button type="button" onClick={() => void remove(root.id)}>
                  Remove
                </button>
                <label className="root-watch">
                  <input
                    type="checkbox"
                    checked={root.watch}
                    onChange={(e) => void setWatch(root.id, e.target.checked)}
                  />{' '}
                  Watch
                </label>
                {!root.online && root.offlineReason?.includes('gone at once') && (
                  <button type="button" onClick={() => void startScan([root.id], { acceptLosses: true })}>
                    They are really gone
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="add-folder" onSubmit={onSubmit}>
        {/* The app has the OS's own folder picker; a browser page can only see the server's folders. */}
        {window.tonearm ? (
          <button type="button" onClick={() => void pick()}>
            Add folder…
          </button>
        ) : (
          <button type="button" onClick={() => setBrowsing(true)}>
            Browse…
          </button>
        )}
        <input
          type="text"
          aria-label="Folder path"
          placeholder="/path/to/music or ~/Music"
          value={path}
          onChange={(event) => setPath(event.target.value)}
        />
        <button type="submit">Add path</button>
      </form>
      {error && !browsing && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {browsing && <FolderBrowser onAdd={addBrowsed} onClose={() => setBrowsing(false)} />}
    </section>
  );
}
