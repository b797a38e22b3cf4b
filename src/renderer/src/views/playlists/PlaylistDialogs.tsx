// The playlist dialogs (add to…, a name, import, export), one at a time. A failure is shown
// as the core's sentence and what was typed stays, to be corrected and tried again.
import { useState } from 'react';
import type { PlaylistFileFormat, PlaylistSummary } from '../../../../shared/domain.ts';
import { call } from '../../bridge/api.ts';
import { FormDialog } from '../../components/FormDialog.tsx';
import { usePlaylists } from '../../stores/playlists.ts';
import { addToPlaylist, newPlaylistFrom, openPlaylist, sentence } from './actions.ts';
import { usePlaylistDialog, type PlaylistDialog } from './dialogs.ts';

const say = (notice: string) => usePlaylists.getState().say(notice);

function useSubmit(close: () => void) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      close();
    } catch (err) {
      setError(sentence(err));
      setBusy(false);
    }
  };
  return { error, busy, run };
}

const ErrorLine = ({ error }: { error: string | null }) =>
  error ? (
    <p className="dialog-error" role="alert">
      {error}
    </p>
  ) : null;

function Buttons({ busy, label, close }: { busy: boolean; label: string; close(): void }) {
  return (
    <div className="dialog-buttons">
      <button type="button" onClick={close}>
        Cancel
      </button>
      <button type="submit" className="primary" disabled={busy}>
        {label}
      </button>
    </div>
  );
}

function AddDialog({ trackIds, close }: { trackIds: number[]; close(): void }) {
  const playlists = usePlaylists((state) => state.playlists);
  const [filter, setFilter] = useState('');
  const [active, setActive] = useState(0);
  const folded = filter.trim().toLowerCase();
  const matches = playlists.filter((p) => p.smartQuery === null && p.name.toLowerCase().includes(folded));
  // The last choice is always there: a new playlist of these tracks.
  const count = matches.length + 1;
  const at = Math.min(active, count - 1);
  const choose = (index: number) => {
    close();
    const playlist: PlaylistSummary | undefined = matches[index];
    if (playlist) void addToPlaylist(playlist, trackIds);
    else newPlaylistFrom(trackIds, 'New playlist from selection');
  };
  const noun = trackIds.length === 1 ? '1 track' : `${trackIds.length} tracks`;
  return (
    <FormDialog title={`Add ${noun} to a playlist`} onClose={close} onSubmit={() => choose(at)} className="add-dialog">
      <input
        type="text"
        role="combobox"
        aria-label="Playlist name"
        aria-expanded="true"
        aria-controls="add-to-playlist-list"
        aria-activedescendant={`add-option-${at}`}
        placeholder="Type to filter"
        value={filter}
        onChange={(event) => {
          setFilter(event.target.value);
          setActive(0);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') setActive((at + 1) % count);
          else if (event.key === 'ArrowUp') setActive((at - 1 + count) % count);
          else return;
          event.preventDefault();
        }}
      />
      <ul id="add-to-playlist-list" role="listbox" aria-label="Playlists" className="add-options">
        {[...matches.map((p) => p.name), 'New playlist…'].map((name, i) => (
          <li
            key={i}
            id={`add-option-${i}`}
            role="option"
            aria-selected={i === at}
            className={i === at ? 'active' : undefined}
            onMouseEnter={() => setActive(i)}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(i)}
          >
            {name}
          </li>
        ))}
      </ul>
    </FormDialog>
  );
}

function NameDialog({ dialog, close }: { dialog: Extract<PlaylistDialog, { kind: 'name' }>; close(): void }) {
  const [name, setName] = useState(dialog.initial);
  const { error, busy, run } = useSubmit(close);
  return (
    <FormDialog title={dialog.title} onClose={close} onSubmit={() => void run(() => dialog.submit(name))}>
      <label className="dialog-field">
        Name
        <input type="text" value={name} onChange={(event) => setName(event.target.value)} />
      </label>
      <ErrorLine error={error} />
      <Buttons busy={busy || !name.trim()} label="Save" close={close} />
    </FormDialog>
  );
}

function ImportDialog({ close }: { close(): void }) {
  const [path, setPath] = useState('');
  const [name, setName] = useState('');
  const { error, busy, run } = useSubmit(close);
  const submit = () =>
    run(async () => {
      const result = await call('playlists.import', { path: path.trim(), ...(name.trim() ? { name } : {}) });
      const { matched, unmatched, playlist } = result;
      const found = matched.path + matched.tail + matched.tags;
      say(
        `Imported “${playlist.name}”: ${found} ${found === 1 ? 'track' : 'tracks'} found` +
          (unmatched > 0 ? `, ${unmatched} kept as missing.` : '.'),
      );
      openPlaylist(playlist.id);
    });
  return (
    <FormDialog title="Import playlist" onClose={close} onSubmit={() => void submit()}>
      <label className="dialog-field">
        File (M3U, M3U8, PLS or XSPF) on the machine running Tonearm
        <input
          type="text"
          value={path}
          placeholder="~/Music/Road trip.m3u8"
          spellCheck={false}
          onChange={(event) => setPath(event.target.value)}
        />
      </label>
      <label className="dialog-field">
        Name (optional: else from the file)
        <input type="text" value={name} onChange={(event) => setName(event.target.value)} />
      </label>
      <ErrorLine error={error} />
      <Buttons busy={busy || !path.trim()} label="Import" close={close} />
    </FormDialog>
  );
}

const FORMATS: { value: PlaylistFileFormat; label: string }[] = [
  { value: 'm3u8', label: 'M3U8 (most players)' },
  { value: 'pls', label: 'PLS' },
  { value: 'xspf', label: 'XSPF' },
];

const safeName = (name: string) => name.replace(/[/\\:*?"<>|]/g, '_');

function ExportDialog({ playlist, close }: { playlist: PlaylistSummary; close(): void }) {
  const [format, setFormat] = useState<PlaylistFileFormat>('m3u8');
  const [path, setPath] = useState(`~/${safeName(playlist.name)}.m3u8`);
  const { error, busy, run } = useSubmit(close);
  const changeFormat = (next: PlaylistFileFormat) => {
    setFormat(next);
    // The file's extension follows the format, unless the user wrote another one.
    setPath((current) => current.replace(/\.(m3u8|pls|xspf)$/i, `.${next}`));
  };
  const submit = () =>
    run(async () => {
      const done = await call('playlists.export', { playlistId: playlist.id, path: path.trim(), format });
      say(
        `Exported ${done.entries} ${done.entries === 1 ? 'entry' : 'entries'} of “${playlist.name}” to ${done.path}.`,
      );
    });
  return (
    <FormDialog title={`Export “${playlist.name}”`} onClose={close} onSubmit={() => void submit()}>
      <label className="dialog-field">
        Format
        <select value={format} onChange={(event) => changeFormat(event.target.value as PlaylistFileFormat)}>
          {FORMATS.map((f) => (
            <option key={f.value} value={f.value}>
              {f.label}
            </option>
          ))}
        </select>
      </label>
      <label className="dialog-field">
        File on the machine running Tonearm
        <input type="text" value={path} spellCheck={false} onChange={(event) => setPath(event.target.value)} />
      </label>
      <ErrorLine error={error} />
      <Buttons busy={busy || !path.trim()} label="Export" close={close} />
    </FormDialog>
  );
}

export function PlaylistDialogs() {
  const dialog = usePlaylistDialog((state) => state.dialog);
  const close = usePlaylistDialog((state) => state.close);
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'add':
      return <AddDialog trackIds={dialog.trackIds} close={close} />;
    case 'name':
      return <NameDialog dialog={dialog} close={close} />;
    case 'import':
      return <ImportDialog close={close} />;
    case 'export':
      return <ExportDialog playlist={dialog.playlist} close={close} />;
  }
}
