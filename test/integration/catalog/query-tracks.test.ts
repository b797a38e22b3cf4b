// `tonearm query`'s rows from a real catalog file: the fields a script reads, in the order
// the CLI has always printed them, in the order of the ids asked.
import { afterAll, describe, expect, it } from 'vitest';
import { queryTracks } from '../../../src/main/core/catalog/query-tracks.ts';
import { FIVE_TRACKS, writeCatalog } from '../../support/catalog-file.ts';
import { tempDir } from '../../support/temp.ts';

const CLI_FIELDS = [
  'id', 'path', 'title', 'artist', 'album', 'albumArtist', 'trackNo', 'trackTotal', 'discNo', 'discTotal', 'year',
  'genre', 'composer', 'compilation', 'durationS', 'format', 'codec', 'container', 'sampleRate', 'bitDepth',
  'channels', 'bitrate', 'rgTrackGain', 'rgTrackPeak', 'rgAlbumGain', 'rgAlbumPeak', 'mbTrackId', 'coverHash',
  'available', 'missing', 'scanError', 'playCount', 'addedAt', 'hasCover',
]; // prettier-ignore

describe('queryTracks', () => {
  const dir = tempDir();
  const { catalog } = writeCatalog(dir.path, FIVE_TRACKS);
  const { db } = catalog;
  afterAll(() => {
    catalog.close();
    dir.cleanup();
  });

  it('prints the fields in the CLI order, rows in the order of the ids', () => {
    const rows = queryTracks(db, [4, 1, 77]);
    expect(rows.map((row) => row.id)).toEqual([4, 1]);
    for (const row of rows) expect(Object.keys(row)).toEqual(CLI_FIELDS);
    expect(JSON.parse(JSON.stringify(rows[0]))).toMatchObject({ title: 'Teardrop', format: 'FLAC', year: 1998 });
  });

  it('reads flags as booleans and a file that failed to parse with its error', () => {
    db.prepare('UPDATE tracks SET missing_since = 1, cover_hash = ? WHERE id = 5').run('abc');
    db.prepare(
      "INSERT INTO scan_errors (path, root_id, message, at) VALUES ('/music/B/z.flac', 1, 'bad header', 1)",
    ).run();
    db.prepare('INSERT INTO play_stats (track_id, play_count) VALUES (5, 7)').run();
    const [row] = queryTracks(db, [5]);
    expect(row).toMatchObject({
      compilation: false,
      available: false,
      missing: true,
      hasCover: true,
      coverHash: 'abc',
      scanError: 'bad header',
      playCount: 7,
    });
  });
});
