// A small catalog on disk, written the way a scan writes it (LibraryWriter), for the tests of
// the catalog's reads: tracks given as the parser would hand them over, a field at a time.
import { join } from 'node:path';
import type { ParsedTrack } from '../../src/main/common/parse-protocol.ts';
import { openCatalog, type Catalog } from '../../src/main/core/catalog/index.ts';
import { LibraryWriter } from '../../src/main/core/catalog/library-writer.ts';
import { RootWrites } from '../../src/main/core/catalog/roots.ts';

export const MUSIC = '/music';

/** A track with no tags at all: tests spell out only the fields they are about. */
export const BLANK: ParsedTrack = {
  title: null,
  artist: null,
  artists: [],
  album: null,
  albumArtist: null,
  trackNo: null,
  trackTotal: null,
  discNo: null,
  discTotal: null,
  year: null,
  date: null,
  genres: [],
  composer: null,
  compilation: false,
  durationS: null,
  codec: null,
  container: null,
  sampleRate: null,
  bitDepth: null,
  channels: null,
  bitrate: null,
  rgTrackGain: null,
  rgTrackPeak: null,
  rgAlbumGain: null,
  rgAlbumPeak: null,
  mbTrackId: null,
  mbRecordingId: null,
  mbAlbumId: null,
  mbArtistId: null,
  cover: null,
  gaplessDelay: null,
  gaplessPadding: null,
};

export type TrackInput = { path: string } & Partial<ParsedTrack>;

/** Writes the tracks (in one batch, ids from 1 in the order given) under the library folder MUSIC. */
export function writeCatalog(dir: string, tracks: TrackInput[]): { dbPath: string; catalog: Catalog } {
  const dbPath = join(dir, 'catalog.sqlite');
  const catalog = openCatalog(dbPath);
  const root = new RootWrites(catalog.db).add(MUSIC, 'local');
  const writer = new LibraryWriter(catalog.db, catalog.changes);
  writer.writeBatch(
    tracks.map(({ path, ...track }) => ({
      result: { path, ok: true as const, identity: path, track: { ...BLANK, ...track } },
      context: { rootId: root.id, size: 1000, mtimeNs: 1n, trackId: null, hadError: false },
    })),
  );
  catalog.db.transaction(() => writer.search.catchUp())();
  return { dbPath, catalog };
}

/** Five tracks: two albums of one album artist (one in two folders' worth), one more, one untagged. */
export const FIVE_TRACKS: TrackInput[] = [
  {
    path: '/music/A/1.mp3',
    title: 'Love Song',
    artist: 'Björk',
    album: 'Debut',
    albumArtist: 'Björk',
    trackNo: 2,
    discNo: 1,
    year: 1993,
    genres: ['Pop'],
    durationS: 100,
  },
  {
    path: '/music/A/2.mp3',
    title: 'Human Behaviour',
    artist: 'Björk',
    album: 'Debut',
    albumArtist: 'Björk',
    trackNo: 1,
    discNo: 1,
    year: 1993,
    genres: ['Pop'],
    durationS: 200,
  },
  { path: '/music/A2/x.mp3', title: 'Army of Me', artist: 'Björk', album: 'Post', year: 1995, genres: ['Electronic'] },
  {
    path: '/music/B/sub/y.flac',
    title: 'Teardrop',
    artist: 'Massive Attack',
    album: 'Mezzanine',
    year: 1998,
    genres: ['Trip Hop'],
    bitrate: 900_000,
  },
  { path: '/music/B/z.flac' },
];
