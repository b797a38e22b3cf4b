// Compilations under Various Artists in the Artists view: flagged ones whatever their album
// artist, and an untagged one that came apart into one album per track artist.
import type Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openReadOnly } from '../../../src/main/core/catalog/open.ts';
import { LibraryReads } from '../../../src/main/core/catalog/reads/library.ts';
import { LibraryTables, VARIOUS_ARTISTS_ID } from '../../../src/main/core/views/library-tables.ts';
import { writeCatalog, type TrackInput } from '../../support/catalog-file.ts';
import { tempDir } from '../../support/temp.ts';

const SPLIT: TrackInput[] = ['Ann', 'Bob', 'Cy'].map((artist, index) => ({
  path: `/music/Now 50/${index + 1}.mp3`,
  title: `Hit ${index + 1}`,
  artist,
  album: 'Now 50',
}));
const FLAGGED: TrackInput[] = [1, 2].map((n) => ({
  path: `/music/Mix/${n}.mp3`,
  title: `Mix ${n}`,
  artist: `DJ ${n}`,
  album: 'Club Mix',
  albumArtist: 'DJ Kool',
  compilation: true,
}));
const OWN: TrackInput[] = ['Ann', 'Bob', 'Cy'].map((artist, index) => ({
  // One title by three artists, each in a folder of its own: three albums, no compilation.
  path: `/music/${artist}/Greatest Hits/${index}.mp3`,
  title: `Best ${index}`,
  artist,
  album: 'Greatest Hits',
}));

function tablesFor(path: string, tracks: TrackInput[]) {
  const { dbPath, catalog } = writeCatalog(path, tracks);
  const db: Database.Database = openReadOnly(dbPath);
  return { tables: new LibraryTables(new LibraryReads(db), 1), close: () => (db.close(), catalog.close()) };
}

describe('Various Artists', () => {
  const dir = tempDir();
  const { tables, close } = tablesFor(dir.path, [...SPLIT, ...FLAGGED, ...OWN]);
  afterAll(() => {
    close();
    dir.cleanup();
  });

  it('lists the compilations under one Various Artists entry, beside their own album artists', () => {
    const artists = [...tables.artists().values()];
    const various = artists.find((artist) => artist.name === 'Various Artists')!;
    expect(various).toMatchObject({ id: VARIOUS_ARTISTS_ID, albumCount: 4, trackCount: 5 });
    expect(artists.find((artist) => artist.name === 'DJ Kool')).toMatchObject({ albumCount: 1, trackCount: 2 });
    expect(artists.find((artist) => artist.name === 'Ann')).toMatchObject({ albumCount: 2 });
  });

  it('gives its page those albums and their tracks, and nothing of a title shared by artists apart', () => {
    const albums = [...tables.albums().values()].filter((album) => tables.albumOf(album, VARIOUS_ARTISTS_ID));
    expect(albums).toHaveLength(4);
    expect(tables.artistTracks(VARIOUS_ARTISTS_ID)).toEqual([1, 2, 3, 4, 5]);
  });

  it('is the catalog’s own Various Artists when there is one', () => {
    const other = tempDir();
    const untagged: TrackInput = { path: '/music/V/1.mp3', title: 'x', artist: 'Zed', album: 'Box', compilation: true };
    const withOwn = tablesFor(other.path, [untagged, ...FLAGGED]);
    const various = [...withOwn.tables.artists().values()].filter((artist) => artist.name === 'Various Artists');
    expect(various).toHaveLength(1);
    expect(various[0]).toMatchObject({ albumCount: 2, trackCount: 3 });
    expect(various[0]!.id).not.toBe(VARIOUS_ARTISTS_ID);
    withOwn.close();
    other.cleanup();
  });
});
