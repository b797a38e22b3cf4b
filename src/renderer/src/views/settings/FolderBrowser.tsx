import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { FolderListing } from '../../../../shared/domain.ts';
import { call } from '../../bridge/api.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { errorMessage } from '../../../../shared/error-text.ts';

/** Each folder of a path, from the top: /, /srv, /srv/music. */
function crumbs(path: string): { label: string; path: string }[] {
  const parts = path.split('/').filter(Boolean);
  return [
    { label: '/', path: '/' },
    ...parts.map((part, index) => ({ label: part, path: `/${parts.slice(0, index + 1).join('/')}` })),
  ];
}

/**
 * Where the page has no OS folder picker (the browser host): the server's folders, from the
 * places core offers. Enter opens the highlighted folder, Backspace goes up.
 */
export function FolderBrowser({
  onAdd,
  onClose,
}: {
  onAdd: (path: string) => Promise<string | null>;
  onClose: () => void;
}) {
  const [listing, setListing] = useState<FolderListing | null>(null);
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const list = useRef<HTMLUListElement>(null);

  const open = useCallback((path?: string) => {
    void call('library.browse', path === undefined ? {} : { path }).then(
      (next) => {
        setListing(next);
        setActive(0);
        setError(null);
        list.current?.focus();
      },
      (err: unknown) => setError(errorMessage(err)),
    );
  }, []);
  useEffect(() => {
    open('~');
  }, [open]);

  const folders = listing?.folders ?? [];
  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 };
    if (event.key in moves) {
      setActive((index) => Math.max(0, Math.min(folders.length - 1, index + moves[event.key]!)));
    } else if (event.key === 'Home') setActive(0);
    else if (event.key === 'End') setActive(Math.max(0, folders.length - 1));
    else if (event.key === 'Enter' && folders[active]) open(folders[active].path);
    else if (event.key === 'Backspace' && listing?.parent) open(listing.parent);
    else return;
    event.preventDefault();
  };
  useEffect(() => {
    document.getElementById(`folder-option-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active, listing]);

  const add = async () => {
    if (!listing?.path) return;
    setAdding(true);
    const failure = await onAdd(listing.path);
    setAdding(false);
    if (failure) setError(failure);
    else onClose();
  };

  return (
    <Dialog label="Choose a music folder" className="folder-browser" onClose={onClose}>
      <h2>Choose a music folder</h2>
      <div className="folder-browser-body">
        <nav aria-label="Places">
          <ul className="folder-places">
            {listing?.places.map((place) => (
              <li key={place.path}>
                <button
                  type="button"
                  aria-current={place.path === listing.path ? 'location' : undefined}
                  title={place.path}
                  onClick={() => open(place.path)}
                >
                  {place.label}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <div className="folder-browser-main">
          {listing?.path && (
            <nav aria-label="Folder path" className="breadcrumbs">
              {crumbs(listing.path).map((crumb, index, all) => (
                <button
                  key={crumb.path}
                  type="button"
                  aria-current={index === all.length - 1 ? 'location' : undefined}
                  onClick={() => open(crumb.path)}
                >
                  {crumb.label}
                </button>
              ))}
            </nav>
          )}
          {listing?.parent && (
            <button type="button" className="folder-up" onClick={() => open(listing.parent!)}>
              ↑ Up (Backspace)
            </button>
          )}
          <ul
            ref={list}
            className="folder-list"
            role="listbox"
            tabIndex={0}
            aria-label={listing?.path ? `Folders in ${listing.path}` : 'Folders'}
            aria-activedescendant={folders[active] ? `folder-option-${active}` : undefined}
            onKeyDown={onKeyDown}
          >
            {folders.map((folder, index) => (
              <li
                key={folder.path}
                id={`folder-option-${index}`}
                role="option"
                aria-selected={index === active}
                className={index === active ? 'active' : undefined}
                onClick={() => setActive(index)}
                onDoubleClick={() => open(folder.path)}
              >
                {folder.name}
              </li>
            ))}
          </ul>
          {listing?.path && folders.length === 0 && <p className="folder-empty">No folders in here.</p>}
          {listing?.truncated && (
            <p className="setting-help">Only the first {folders.length.toLocaleString()} folders are listed.</p>
          )}
        </div>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-buttons">
        <span className="folder-chosen">{listing?.path}</span>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" disabled={!listing?.canAdd || adding} onClick={() => void add()}>
          Add this folder
        </button>
      </div>
    </Dialog>
  );
}
