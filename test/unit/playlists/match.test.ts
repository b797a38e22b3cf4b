// Matching an imported line to a track: which of path, path end and tags wins, and where a
// guess would be wrong enough that the line is better kept unmatched.
import { describe, expect, it } from 'vitest';
import { foldTag, TrackMatcher } from '../../../src/main/core/playlists/match.ts';
import { resolveLocation } from '../../../src/main/core/playlists/formats/location.ts';

const tracks = [
  {
    id: 1,
    path: '/music/Radiohead/OK Computer/02 Paranoid Android.mp3',
    title: 'Paranoid Android',
    artist: 'Radiohead',
  },
  { id: 2, path: '/music/Björk/Homogenic/01 Intro.flac', title: 'Hunter', artist: 'Björk' },
  { id: 3, path: '/music/Sigur Rós/Ágætis byrjun/01 Intro.flac', title: 'Intro', artist: 'Sigur Rós' },
  { id: 4, path: '/music/a/Disc 1/01 Intro.flac', title: 'Other', artist: 'X' },
  { id: 5, path: '/music/b/Disc 1/01 Intro.flac', title: 'Other', artist: 'Y' },
];
const matcher = () =>
  new TrackMatcher({ idOfPath: (path) => tracks.find((t) => t.path === path)?.id ?? null, all: () => tracks });
const base = { dir: '/lists', platform: 'posix' as const };
const match = (location: string, tags: { title?: string; artist?: string } = {}) =>
  matcher().match(resolveLocation(location, base), { location, ...tags });

describe('matching playlist lines to tracks', () => {
  it('takes the exact path first', () => {
    expect(match('/music/Björk/Homogenic/01 Intro.flac')).toEqual({ trackId: 2, by: 'path' });
  });

  it('takes the longest end of a path from another machine, case and platform aside', () => {
    expect(match('D:\\MUSIC\\radiohead\\OK Computer\\02 Paranoid Android.mp3')).toEqual({ trackId: 1, by: 'tail' });
    expect(match('/home/ana/Music/Sigur Rós/Ágætis byrjun/01 Intro.flac')).toEqual({ trackId: 3, by: 'tail' });
    // The same file and folder name in two albums: a tie is no match.
    expect(match('E:\\rips\\Disc 1\\01 Intro.flac')).toEqual({ trackId: null, by: null });
    // A file name alone under a folder that does not match is too weak.
    expect(match('/elsewhere/Best of/02 Paranoid Android.mp3')).toEqual({ trackId: null, by: null });
  });

  it('falls back on title and artist, folded for case and diacritics', () => {
    expect(match('http://example.com/stream', { title: 'HUNTER', artist: 'bjork' })).toEqual({
      trackId: 2,
      by: 'tags',
    });
    expect(match('/nowhere/x.mp3', { title: 'Hunter' })).toEqual({ trackId: null, by: null });
    expect(foldTag('  Sigur   Rós ')).toBe('sigur ros');
  });
});
