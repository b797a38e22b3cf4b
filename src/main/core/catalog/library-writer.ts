// Writes parse results into the catalog in short transactions with prepared statements.
// Each commit appends to the change log in the same transaction, and is announced only after.
import { basename } from 'node:path';
import type Database from 'better-sqlite3';
import type { LibraryChange } from '../../../shared/domain.ts';
import type { ParsedTrack, ParseResult } from '../../common/parse-protocol.ts';
import type { ChangeLog } from './changes.ts';
import { BULK_BATCH, SearchBacklog } from './search-backlog.ts';
import { COPIED_COLUMNS } from './track-columns.ts';
import { searchAlternates, sortKey } from './sort-key.ts';

export interface FileContext {
  rootId: number;
  size: number;
  mtimeNs: bigint;
  /** The track this file already is (a modified file); absent for a new one. */
  trackId: number | null;
  /** The file has a scan error row from an earlier parse. */
  hadError: boolean;
}

export const UNKNOWN_ARTIST = 'Unknown Artist';
export const VARIOUS_ARTISTS = 'Various Artists';

/** What an unparseable audio file is listed as: its name without the extension. */
export const titleFromFileName = (path: string): string => basename(path).replace(/\.[^.]+$/, '');

const sortName = (name: string): string => name.replace(/^(the|a|an)\s+/i, '').toLowerCase();

/** The columns the writer works out itself; the rest of a row is the parsed tags (COPIED_COLUMNS). */
const OWN_COLUMNS = `root_id, path, size, mtime_ns, identity, title, artists, album_artist, artist_id, album_id,
  genre, genre_id, format, cover_hash, tagged, scanned_at, title_key, artist_key, album_key, album_artist_key,
  search_alt`;

export class LibraryWriter {
  private readonly statements;
  private readonly artistIds = new Map<string, number>();
  private readonly albumIds = new Map<string, number>();
  private readonly genreIds = new Map<string, number>();
  private readonly coversStored = new Set<string>();
  /** What each album already has, so a track adds to it only what is new. */
  private readonly albumFacts = new Map<number, { year: boolean; cover: boolean; mb: boolean }>();
  /** identity → ids of missing tracks: a new file with the same bytes is one of them, moved. */
  private readonly movable = new Map<string, number[]>();
  moved = 0;
  readonly search: SearchBacklog;

  private readonly db: Database.Database;
  private readonly changes: ChangeLog;

  constructor(db: Database.Database, changes: ChangeLog) {
    this.db = db;
    this.changes = changes;
    this.search = new SearchBacklog(db);
    const own = OWN_COLUMNS.split(',').map((column) => column.trim());
    const copied = COPIED_COLUMNS.map(({ column }) => column);
    const trackColumns = [...own, ...copied].join(', ');
    // The copied tags are bound by position (tagValues): a row object grown column by column
    // from the map would fall into V8's slow dictionary mode, once per track.
    const params = [...own.map((column) => `@${column}`), ...copied.map(() => '?')].join(', ');
    const assignments = [...own.map((c) => `${c} = @${c}`), ...copied.map((c) => `${c} = ?`)].join(', ');
    this.statements = {
      insertTrack: db.prepare(`INSERT INTO tracks (${trackColumns}, added_at) VALUES (${params}, @scanned_at)`),
      updateTrack: db.prepare(`UPDATE tracks SET ${assignments}, missing_since = NULL WHERE id = @id`),
      artistByName: db.prepare('SELECT id FROM artists WHERE name = ?').pluck(),
      insertArtist: db.prepare('INSERT INTO artists (name, sort_name) VALUES (?, ?)'),
      albumByKey: db.prepare('SELECT id FROM albums WHERE artist_id = ? AND title = ?').pluck(),
      insertAlbum: db.prepare(
        'INSERT INTO albums (title, artist_id, year, cover_hash, is_compilation, mb_album_id) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      fillAlbum: db.prepare(
        `UPDATE albums SET year = COALESCE(year, @year), cover_hash = COALESCE(cover_hash, @cover),
           mb_album_id = COALESCE(mb_album_id, @mb) WHERE id = @id`,
      ),
      genreByName: db.prepare('SELECT id FROM genres WHERE name = ?').pluck(),
      insertGenre: db.prepare('INSERT INTO genres (name) VALUES (?)'),
      insertCover: db.prepare(
        'INSERT OR IGNORE INTO covers (hash, mime, width, height, bytes, source) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      upsertError: db.prepare(
        `INSERT INTO scan_errors (path, root_id, message, at) VALUES (?, ?, ?, ?)
         ON CONFLICT (path) DO UPDATE SET message = excluded.message, at = excluded.at, root_id = excluded.root_id`,
      ),
      clearError: db.prepare('DELETE FROM scan_errors WHERE path = ?'),
      markMissing: db.prepare('UPDATE tracks SET missing_since = ? WHERE id = ? AND missing_since IS NULL'),
      clearMissing: db.prepare('UPDATE tracks SET missing_since = NULL WHERE id = ?'),
      identityOf: db.prepare('SELECT identity FROM tracks WHERE id = ?').pluck(),
      // Off the partial index of detached entries: a lookup that finds nothing for nearly every file.
      reattach: db.prepare('UPDATE playlist_entries SET track_id = ? WHERE track_id IS NULL AND path = ?'),
      // Case folded as the index is (ASCII only: the import's own matcher folds diacritics too).
      reattachByTags: db.prepare(
        `UPDATE playlist_entries SET track_id = ?
         WHERE track_id IS NULL AND title = ? COLLATE NOCASE AND artist = ? COLLATE NOCASE
           AND (album IS NULL OR album = ? COLLATE NOCASE)`,
      ),
      anyDetached: db.prepare('SELECT EXISTS (SELECT 1 FROM playlist_entries WHERE track_id IS NULL)').pluck(),
      missingWithIdentity: db.prepare(
        'SELECT id, identity FROM tracks WHERE missing_since IS NOT NULL AND identity IS NOT NULL',
      ),
    };
  }

  /** Tracks that are missing now (or about to be) may reappear under another path in this scan. */
  prepareMoves(missingNow: readonly number[]): void {
    const add = (id: number, identity: string | null) => {
      if (!identity) return;
      const ids = this.movable.get(identity) ?? [];
      ids.push(id);
      this.movable.set(identity, ids);
    };
    for (const row of this.statements.missingWithIdentity.all() as {
      id: number;
      identity: string;
    }[])
      add(row.id, row.identity);
    for (const id of missingNow) add(id, this.statements.identityOf.get(id) as string | null);
  }

  /** Writes one batch in one transaction; returns the change it made (already in the log). */
  writeBatch(batch: readonly { result: ParseResult; context: FileContext }[]): LibraryChange {
    const now = Date.now();
    const added: number[] = [];
    const updated: number[] = [];
    this.db.transaction(() => {
      if (batch.filter(({ context }) => context.trackId === null).length >= BULK_BATCH) this.search.open();
      // Most libraries have no entry waiting: then new tracks need not look for one.
      const entriesWait = this.statements.anyDetached.get() === 1;
      for (const { result, context } of batch) {
        const row = this.rowFor(result, context, now);
        const tags = tagValues(result);
        if (result.ok) {
          if (context.hadError) this.statements.clearError.run(result.path);
        } else this.statements.upsertError.run(result.path, context.rootId, result.error, now);
        const movedFrom = context.trackId === null ? this.takeMovable(result.identity) : null;
        const id = context.trackId ?? movedFrom;
        if (id !== null) {
          this.statements.updateTrack.run({ ...row, id }, ...tags);
          updated.push(id);
          if (movedFrom !== null) this.moved++;
        } else {
          const id = Number(this.statements.insertTrack.run(row, ...tags).lastInsertRowid);
          if (entriesWait) this.reattach(id, result);
          added.push(id);
        }
      }
      this.search.catchUpIfDue();
    })();
    return this.log({ added, updated, removed: [], structural: true });
  }

  /**
   * A playlist entry whose track was purged, or an imported line that matched nothing, waits
   * for this path; failing that, for a track with its title and artist (and album, if it has one).
   */
  private reattach(id: number, result: ParseResult): void {
    if (this.statements.reattach.run(id, result.path).changes > 0 || !result.ok) return;
    const { title, artist, album } = result.track;
    if (title && artist) this.statements.reattachByTags.run(id, title, artist, album);
  }

  markMissing(ids: readonly number[]): LibraryChange | null {
    const now = Date.now();
    return this.updateEach(ids, (id) => this.statements.markMissing.run(now, id));
  }

  clearMissing(ids: readonly number[]): LibraryChange | null {
    return this.updateEach(ids, (id) => this.statements.clearMissing.run(id));
  }

  /** One statement per track in one transaction, logged as those tracks updated. */
  private updateEach(ids: readonly number[], update: (id: number) => void): LibraryChange | null {
    if (ids.length === 0) return null;
    this.db.transaction(() => {
      for (const id of ids) update(id);
    })();
    return this.log({ added: [], updated: [...ids], removed: [], structural: false });
  }

  /** After rows were removed behind its back (a tag edit's orphans): names are looked up again. */
  forgetCachedIds(): void {
    this.artistIds.clear();
    this.albumIds.clear();
    this.genreIds.clear();
    this.albumFacts.clear();
  }

  /** Tracks found again under another path in this scan. */
  readonly claimed = new Set<number>();

  private log(change: Omit<LibraryChange, 'version'>): LibraryChange {
    return this.changes.append(change);
  }

  private takeMovable(identity: string | null): number | null {
    if (!identity) return null;
    const ids = this.movable.get(identity);
    const id = ids?.shift() ?? null;
    if (id !== null) this.claimed.add(id);
    if (ids && ids.length === 0) this.movable.delete(identity);
    return id;
  }

  private rowFor(result: ParseResult, context: FileContext, now: number) {
    const track: Partial<ParsedTrack> = result.ok ? result.track : {};
    const artist = track.artist ?? '';
    const albumArtist = track.albumArtist ?? (track.compilation ? VARIOUS_ARTISTS : artist);
    const album = track.album ?? '';
    const albumArtistId = this.artistId(albumArtist || UNKNOWN_ARTIST);
    const cover = track.cover ?? null;
    if (cover && !this.coversStored.has(cover.hash)) {
      this.statements.insertCover.run(cover.hash, cover.mime, cover.width, cover.height, cover.bytes, cover.source);
      this.coversStored.add(cover.hash);
    }
    const genre = track.genres?.[0] ?? '';
    const title = track.title ?? titleFromFileName(result.path);
    const genres = (track.genres ?? []).join('; ');
    const composer = track.composer ?? '';
    return {
      root_id: context.rootId,
      path: result.path,
      size: context.size,
      mtime_ns: context.mtimeNs,
      identity: result.identity,
      title,
      artists: JSON.stringify(track.artists ?? []),
      album_artist: albumArtist,
      artist_id: artist ? this.artistId(artist) : null,
      album_id: album ? this.albumId(album, albumArtistId, track, cover?.hash ?? null) : null,
      genre: genres,
      genre_id: genre ? this.genreId(genre) : null,
      format: formatLabel(result.path, track),
      cover_hash: cover?.hash ?? null,
      tagged: result.ok ? 1 : 0,
      scanned_at: now,
      title_key: sortKey(title),
      artist_key: sortKey(artist, 'name'),
      album_key: sortKey(album),
      album_artist_key: sortKey(albumArtist, 'name'),
      search_alt: searchAlternates([title, artist, album, albumArtist, genres, composer]),
    };
  }

  private artistId(name: string): number {
    let id = this.artistIds.get(name) ?? (this.statements.artistByName.get(name) as number | undefined);
    id ??= Number(this.statements.insertArtist.run(name, sortName(name)).lastInsertRowid);
    this.artistIds.set(name, id);
    return id;
  }

  private albumId(title: string, artistId: number, track: Partial<ParsedTrack>, coverHash: string | null): number {
    const key = `${artistId}\u0000${title}`;
    let id = this.albumIds.get(key) ?? (this.statements.albumByKey.get(artistId, title) as number | undefined);
    const adds = { year: !!track.year, cover: coverHash !== null, mb: !!track.mbAlbumId };
    if (id === undefined) {
      const { lastInsertRowid } = this.statements.insertAlbum.run(
        title,
        artistId,
        track.year ?? null,
        coverHash,
        track.compilation ? 1 : 0,
        track.mbAlbumId ?? null,
      );
      id = Number(lastInsertRowid);
      this.albumFacts.set(id, adds);
    } else {
      const facts = this.albumFacts.get(id) ?? { year: false, cover: false, mb: false };
      if ((adds.year && !facts.year) || (adds.cover && !facts.cover) || (adds.mb && !facts.mb)) {
        this.statements.fillAlbum.run({ id, year: track.year ?? null, cover: coverHash, mb: track.mbAlbumId ?? null });
        this.albumFacts.set(id, {
          year: facts.year || adds.year,
          cover: facts.cover || adds.cover,
          mb: facts.mb || adds.mb,
        });
      }
    }
    this.albumIds.set(key, id);
    return id;
  }

  private genreId(name: string): number {
    let id = this.genreIds.get(name) ?? (this.statements.genreByName.get(name) as number | undefined);
    id ??= Number(this.statements.insertGenre.run(name).lastInsertRowid);
    this.genreIds.set(name, id);
    return id;
  }
}

const NO_TAGS: Partial<ParsedTrack> = {};

/** The values of COPIED_COLUMNS, in order: what was parsed, or what stands for a tag absent. */
function tagValues(result: ParseResult): unknown[] {
  const track: Partial<ParsedTrack> = result.ok ? result.track : NO_TAGS;
  const values = new Array<unknown>(COPIED_COLUMNS.length);
  for (let i = 0; i < COPIED_COLUMNS.length; i++) {
    const { field, absent, flag } = COPIED_COLUMNS[i]!;
    const value = track[field];
    values[i] = flag ? (value ? 1 : 0) : (value ?? absent);
  }
  return values;
}

/** A short label for the Format column: the codec where it says more than the extension. */
function formatLabel(path: string, track: Partial<ParsedTrack>): string {
  const ext = path.slice(path.lastIndexOf('.') + 1).toUpperCase();
  const codec = track.codec ?? '';
  if (/opus/i.test(codec)) return 'OPUS';
  if (/vorbis/i.test(codec)) return 'OGG';
  if (/^aac|mpeg-4\/aac/i.test(codec)) return 'AAC';
  if (/alac/i.test(codec)) return 'ALAC';
  return ext;
}
