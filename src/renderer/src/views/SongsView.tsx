import { useEffect } from 'react';
import { List, type RowComponentProps } from 'react-window';
import type { TrackRow } from '../../../shared/domain.ts';
import { formatDuration } from '../components/format.ts';
import { playTrack } from '../player/audio-output.ts';
import { usePlayer } from '../stores/player.ts';
import { useSongs } from '../stores/songs.ts';

const ROW_HEIGHT = 32;

interface RowProps {
  rows: Map<number, TrackRow>;
  playingId: number | null;
}

function SongRow({ index, style, rows, playingId, ariaAttributes }: RowComponentProps<RowProps>) {
  const row = rows.get(index);
  if (!row) {
    return <div className="song-row placeholder" style={style} {...ariaAttributes} />;
  }
  const classes = ['song-row', row.id === playingId ? 'playing' : '', row.available ? '' : 'unavailable'];
  return (
    <div
      className={classes.join(' ')}
      style={style}
      {...ariaAttributes}
      data-track-id={row.id}
      onDoubleClick={() => row.available && playTrack(row)}
      title={row.available ? undefined : 'Unavailable: its library folder is offline or the file is missing'}
    >
      <span className="col-no">{row.trackNo ?? ''}</span>
      <span className="col-title">{row.title}</span>
      <span className="col-artist">{row.artist}</span>
      <span className="col-album">{row.album}</span>
      <span className="col-duration">{formatDuration(row.durationS)}</span>
    </div>
  );
}

export function SongsView() {
  const { total, rows, loaded, error, ensure, reload } = useSongs();
  const playingId = usePlayer((state) => state.current?.id ?? null);
  useEffect(() => {
    void reload();
  }, [reload]);

  if (error)
    return (
      <div className="empty-state" role="alert">
        Cannot load the library: {error}
      </div>
    );
  if (loaded && total === 0) {
    return <div className="empty-state">No music yet. Add a folder in Settings.</div>;
  }
  return (
    <section className="songs" aria-label="Songs">
      <div className="song-header" role="row">
        <span className="col-no">#</span>
        <span className="col-title">Title</span>
        <span className="col-artist">Artist</span>
        <span className="col-album">Album</span>
        <span className="col-duration">Time</span>
      </div>
      <List
        className="song-list"
        rowComponent={SongRow}
        rowCount={total}
        rowHeight={ROW_HEIGHT}
        rowProps={{ rows, playingId }}
        overscanCount={10}
        onRowsRendered={(_visible, all) => ensure(all.startIndex, all.stopIndex)}
      />
    </section>
  );
}
