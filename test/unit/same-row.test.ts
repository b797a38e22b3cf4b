// When a track table leaves a row's cells as drawn (views/tracks/same-row.ts): a new list's row
// object for the same track showing the same, and only then.
import { describe, expect, it } from 'vitest';
import type { TrackRow } from '../../src/shared/domain.ts';
import { sameRow } from '../../src/renderer/src/views/tracks/same-row.ts';

const row: TrackRow = {
  id: 7,
  path: '/music/a.flac',
  title: 'Hyperballad',
  artist: 'Björk',
  album: 'Post',
  albumArtist: 'Björk',
  albumId: 3,
  trackNo: 3,
  discNo: 1,
  year: 1995,
  genre: 'Electronic',
  composer: '',
  durationS: 321.5,
  format: 'flac',
  bitrate: 900,
  sampleRate: 44100,
  coverHash: 'abc',
  addedAt: 1000,
  playCount: 2,
  skipCount: 0,
  lastPlayedAt: null,
  rating: null,
  available: true,
  rgTrackGain: null,
  rgTrackPeak: null,
  rgAlbumGain: null,
  rgAlbumPeak: null,
};

describe('sameRow', () => {
  it('holds for a copy of the row, as a new list brings it', () => {
    expect(sameRow(row, { ...row })).toBe(true);
    expect(sameRow(row, row)).toBe(true);
  });

  it('fails for another track, and for any field the table may show changed', () => {
    expect(sameRow(row, { ...row, id: 8 })).toBe(false);
    for (const key of Object.keys(row) as (keyof TrackRow)[]) {
      const changed = { ...row, [key]: typeof row[key] === 'number' ? -1 : 'x' } as TrackRow;
      expect(sameRow(row, changed), key).toBe(false);
    }
    expect(sameRow(row, { ...row, rating: 4 })).toBe(false);
    expect(sameRow(row, { ...row, available: false })).toBe(false);
  });
});
