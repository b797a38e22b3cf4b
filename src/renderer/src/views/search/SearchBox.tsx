import { useEffect, useRef } from 'react';
import { call } from '../../bridge/api.ts';
import { useSearch } from './search-store.ts';

let prepared = false;
/**
 * The first search folds every album and artist name the result groups are matched against:
 * an empty search as the box gets the focus does that before the first keystroke.
 */
function prepare(): void {
  if (prepared) return;
  prepared = true;
  call('views.search', { text: '', sort: { field: 'albumArtist', desc: false }, limit: 1 }).catch(() => {
    prepared = false;
  });
}

/** The search field at the top of the sidebar: Ctrl+F (⌘F) to get there, Escape to clear. */
export function SearchBox() {
  const text = useSearch((state) => state.text);
  const setText = useSearch((state) => state.setText);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const focus = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        input.current?.select();
      }
    };
    window.addEventListener('keydown', focus);
    return () => window.removeEventListener('keydown', focus);
  }, []);

  return (
    <div className="search-box" role="search">
      <input
        ref={input}
        type="search"
        placeholder="Search"
        aria-label="Search the library"
        title="Words match the start of words; artist:, album:, genre:, title:, composer:, year:1990..1999"
        value={text}
        spellCheck={false}
        onFocus={prepare}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            setText('');
            input.current?.blur();
          } else if (event.key === 'ArrowDown' || event.key === 'Enter') {
            // Into the results: the songs table takes the keyboard from here.
            event.preventDefault();
            document.querySelector<HTMLElement>('.search-view .track-body')?.focus();
          }
        }}
      />
    </div>
  );
}
