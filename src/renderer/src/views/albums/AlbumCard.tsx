import type { AlbumRow } from '../../../../shared/domain.ts';
import { call } from '../../bridge/api.ts';
import { useNavigation } from '../../stores/navigation.ts';
import { Cover } from '../common/Cover.tsx';
import { queueTracks } from '../play.ts';

export async function playAlbum(albumId: number): Promise<void> {
  const { tracks } = await call('library.album', { albumId });
  await queueTracks('play', tracks);
}

/** One album in a grid: click opens it, double-click plays it. */
export function AlbumCard({
  album,
  index,
  showArtist = true,
  coverLater = false,
}: {
  album: AlbumRow;
  index?: number;
  showArtist?: boolean;
  /** While the user types: a cover not shown before waits for a pause (Cover's `later`). */
  coverLater?: boolean;
}) {
  const open = useNavigation((state) => state.open);
  return (
    <button
      type="button"
      className="album-card"
      data-index={index}
      data-album-id={album.id}
      title={`${album.title} — ${album.albumArtist}${album.year ? ` (${album.year})` : ''}`}
      onClick={() => open({ kind: 'album', albumId: album.id })}
      onDoubleClick={() => void playAlbum(album.id)}
    >
      <Cover hash={album.coverHash} title={album.title} later={coverLater} />
      <span className="album-title">{album.title}</span>
      {showArtist && <span className="album-artist">{album.albumArtist}</span>}
      <span className="album-year">{album.year ?? ''}</span>
    </button>
  );
}
