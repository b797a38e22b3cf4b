import type { TrackRow } from '../../../../shared/domain.ts';
import { useShallow } from 'zustand/react/shallow';
import { useNavigation } from '../../stores/navigation.ts';
import { AlbumCard } from '../albums/AlbumCard.tsx';
import { count, formatCount, ViewHeader } from '../common/ViewHeader.tsx';
import { useLibraryChanges, useLiveSource, useShape } from '../data/live.ts';
import { StaticSource } from '../data/static-source.ts';
import { TrackTable } from '../tracks/TrackTable.tsx';
import { useSearch } from './search-store.ts';
import { useSettled } from './use-settled.ts';

const NOTHING = new StaticSource<TrackRow>([]);
// The album and artist groups follow the library too, at most every two seconds.
let refreshing: ReturnType<typeof setTimeout> | null = null;
const refreshGroups = () => {
  refreshing ??= setTimeout(() => {
    refreshing = null;
    useSearch.getState().refresh();
  }, 2000);
};

/** Results grouped as artists, albums and songs. */
export function SearchView() {
  // Not the text being typed: a keystroke re-renders the box alone, while the host searches.
  const { searched, result, songs, sort, setSort, error } = useSearch(
    useShallow(({ searched, result, songs, sort, setSort, error }) => ({
      searched,
      result,
      songs,
      sort,
      setSort,
      error,
    })),
  );
  const open = useNavigation((state) => state.open);
  const list = songs ?? NOTHING;
  useLiveSource(songs);
  useLibraryChanges(refreshGroups);
  useShape(list);
  const typing = !useSettled(searched);

  if (error)
    return (
      <div className="empty-state" role="alert">
        Cannot search: {error}
      </div>
    );
  if (!result) return <div className="view search-view" aria-busy="true" />;
  const nothing = result.songs.total === 0;
  return (
    <div className="view search-view">
      <ViewHeader title={`“${searched}”`} detail={nothing ? '' : count(list.total, 'song')} />
      {result.problems.map((problem) => (
        <div key={problem} className="search-problem" role="status">
          {problem}
        </div>
      ))}
      {nothing ? (
        <div className="empty-state">
          Nothing matches. Words match the start of words in titles, artists, albums, genres and composers.
        </div>
      ) : (
        <>
          {result.artists.length > 0 && (
            <section className="result-group" aria-label="Artists">
              <h2>
                Artists <span className="group-count">{formatCount(result.artistCount)}</span>
              </h2>
              <div className="artist-chips">
                {result.artists.map((artist) => (
                  <button
                    key={artist.id}
                    type="button"
                    className="artist-chip"
                    onClick={() => open({ kind: 'artist', artistId: artist.id })}
                  >
                    {artist.name}
                    <span className="chip-detail">{count(artist.albumCount, 'album')}</span>
                  </button>
                ))}
              </div>
            </section>
          )}
          {result.albums.length > 0 && (
            <section className="result-group" aria-label="Albums">
              <h2>
                Albums <span className="group-count">{formatCount(result.albumCount)}</span>
              </h2>
              <div className="album-strip">
                {result.albums.map((album) => (
                  <AlbumCard key={album.id} album={album} coverLater={typing} />
                ))}
              </div>
            </section>
          )}
          <section className="result-group songs-group" aria-label="Songs">
            <h2>
              Songs <span className="group-count">{formatCount(list.total)}</span>
            </h2>
            <TrackTable source={list} label="Songs found" sort={sort} onSort={setSort} />
          </section>
        </>
      )}
    </div>
  );
}
