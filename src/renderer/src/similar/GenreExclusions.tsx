// The radio's genre exclusions: the library's genres (most tracks first), ticked to keep out.
import { useEffect, useMemo, useState } from 'react';
import type { GenreRow } from '../../../shared/domain.ts';
import { call } from '../bridge/api.ts';
import { errorMessage } from '../../../shared/error-text.ts';

const MAX_SHOWN = 200;

async function loadGenres(): Promise<GenreRow[]> {
  const opened = await call('views.open', {
    spec: { kind: 'genres', sort: { field: 'trackCount', desc: true } },
    limit: 2000,
  });
  return opened.rows.kind === 'genres' ? opened.rows.rows : [];
}

export function GenreExclusions({ excluded, onChange }: { excluded: string[]; onChange(genres: string[]): void }) {
  const [genres, setGenres] = useState<GenreRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState('');

  useEffect(() => {
    let live = true;
    loadGenres().then(
      (rows) => live && setGenres(rows),
      (err: unknown) => live && setError(errorMessage(err)),
    );
    return () => {
      live = false;
    };
  }, []);

  const shown = useMemo(() => {
    const words = filter.trim().toLowerCase();
    const matching = (genres ?? []).filter((genre) => genre.name.toLowerCase().includes(words));
    return matching.slice(0, MAX_SHOWN);
  }, [genres, filter]);

  const toggle = (name: string, on: boolean) =>
    onChange(on ? [...excluded, name].slice(0, 50) : excluded.filter((genre) => genre !== name));

  if (error) return <p className="error">{error}</p>;
  if (!genres) return <p className="radio-genres-loading">Loading genres…</p>;
  if (genres.length === 0) return <p className="setting-help">No genres tagged yet.</p>;
  return (
    <div className="radio-genres" role="group" aria-label="Genres the radio leaves out">
      <input
        type="search"
        placeholder="Filter genres"
        aria-label="Filter genres"
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
      />
      <ul>
        {shown.map((genre) => (
          <li key={genre.id}>
            <label>
              <input
                type="checkbox"
                checked={excluded.includes(genre.name)}
                onChange={(event) => toggle(genre.name, event.target.checked)}
              />
              {genre.name} <span className="radio-genre-count">{genre.trackCount.toLocaleString()}</span>
            </label>
          </li>
        ))}
      </ul>
    </div>
  );
}
