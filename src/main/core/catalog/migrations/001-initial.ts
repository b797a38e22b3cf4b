// Schema version 1: the whole catalog as DESIGN.md shapes it.
export const version = 1;

export const sql = /* sql */ `
CREATE TABLE roots (
  id             INTEGER PRIMARY KEY,
  path           TEXT NOT NULL UNIQUE,
  kind_detected  TEXT NOT NULL DEFAULT 'local' CHECK (kind_detected IN ('local', 'network')),
  kind_override  TEXT CHECK (kind_override IN ('local', 'network')),
  online         INTEGER NOT NULL DEFAULT 1,
  offline_reason TEXT,
  watch          INTEGER NOT NULL DEFAULT 1,
  added_at       INTEGER NOT NULL,
  last_scan_at   INTEGER,
  last_file_count INTEGER
);

CREATE TABLE artists (
  id        INTEGER PRIMARY KEY,
  name      TEXT NOT NULL UNIQUE,
  sort_name TEXT NOT NULL
);

CREATE TABLE albums (
  id              INTEGER PRIMARY KEY,
  title           TEXT NOT NULL,
  artist_id       INTEGER NOT NULL REFERENCES artists(id),
  year            INTEGER,
  cover_hash      TEXT,
  is_compilation  INTEGER NOT NULL DEFAULT 0,
  mb_album_id     TEXT,
  UNIQUE (artist_id, title)
);

CREATE TABLE genres (
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);

CREATE TABLE covers (
  hash   TEXT PRIMARY KEY,
  mime   TEXT NOT NULL,
  width  INTEGER,
  height INTEGER,
  bytes  INTEGER NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('embedded', 'file'))
);

CREATE TABLE tracks (
  id            INTEGER PRIMARY KEY,
  root_id       INTEGER NOT NULL REFERENCES roots(id) ON DELETE CASCADE,
  path          TEXT NOT NULL UNIQUE,
  size          INTEGER NOT NULL,
  mtime_ns      INTEGER NOT NULL,
  identity      TEXT,
  title         TEXT NOT NULL,
  artist        TEXT NOT NULL DEFAULT '',
  artists       TEXT NOT NULL DEFAULT '[]',
  album         TEXT NOT NULL DEFAULT '',
  album_artist  TEXT NOT NULL DEFAULT '',
  artist_id     INTEGER REFERENCES artists(id),
  album_id      INTEGER REFERENCES albums(id),
  genre         TEXT NOT NULL DEFAULT '',
  genre_id      INTEGER REFERENCES genres(id),
  composer      TEXT NOT NULL DEFAULT '',
  track_no      INTEGER,
  track_total   INTEGER,
  disc_no       INTEGER,
  disc_total    INTEGER,
  year          INTEGER,
  date          TEXT,
  compilation   INTEGER NOT NULL DEFAULT 0,
  duration_s    REAL,
  codec         TEXT NOT NULL DEFAULT '',
  container     TEXT NOT NULL DEFAULT '',
  format        TEXT NOT NULL DEFAULT '',
  sample_rate   INTEGER,
  bit_depth     INTEGER,
  channels      INTEGER,
  bitrate       INTEGER,
  rg_track_gain REAL,
  rg_track_peak REAL,
  rg_album_gain REAL,
  rg_album_peak REAL,
  mb_track_id   TEXT,
  mb_recording_id TEXT,
  mb_album_id   TEXT,
  mb_artist_id  TEXT,
  cover_hash    TEXT,
  gapless_delay INTEGER,
  gapless_padding INTEGER,
  tagged        INTEGER NOT NULL DEFAULT 1,
  added_at      INTEGER NOT NULL,
  scanned_at    INTEGER NOT NULL,
  missing_since INTEGER,
  -- Sort keys (catalog/sort-key.ts): views order by plain byte comparison of these.
  title_key        TEXT NOT NULL DEFAULT '',
  artist_key       TEXT NOT NULL DEFAULT '',
  album_key        TEXT NOT NULL DEFAULT '',
  album_artist_key TEXT NOT NULL DEFAULT '',
  -- Other spellings of words whose letters the FTS tokenizer keeps (ø, ł, æ, ß…): "Søren" is
  -- also "soren" here, so that typing without the special letter finds it.
  search_alt       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX tracks_root ON tracks (root_id);
-- A library folder's present tracks, counted without reading 250k rows.
CREATE INDEX tracks_present ON tracks (root_id) WHERE missing_since IS NULL;
CREATE INDEX tracks_album ON tracks (album_id, disc_no, track_no);
CREATE INDEX tracks_artist ON tracks (artist_id);
CREATE INDEX tracks_genre ON tracks (genre_id);
CREATE INDEX tracks_identity ON tracks (identity);
CREATE INDEX tracks_added ON tracks (added_at);
-- The views (core/views) read every sort's ids off an index, in order: the text sorts with
-- their tie-breakers; the others by value alone, ties then put in album artist order.
CREATE INDEX tracks_sort_artist ON tracks (artist_key, album_key, disc_no, track_no);
CREATE INDEX tracks_sort_album_artist ON tracks (album_artist_key, album_key, disc_no, track_no);
CREATE INDEX tracks_sort_album ON tracks (album_key, album_artist_key, disc_no, track_no);
CREATE INDEX tracks_sort_title ON tracks (title_key);
CREATE INDEX tracks_year ON tracks (year);
CREATE INDEX tracks_duration ON tracks (duration_s);
CREATE INDEX tracks_bitrate ON tracks (bitrate);
CREATE INDEX tracks_format ON tracks (format);
CREATE INDEX tracks_track_no ON tracks (track_no);
CREATE INDEX tracks_missing ON tracks (missing_since) WHERE missing_since IS NOT NULL;

CREATE TABLE play_stats (
  track_id       INTEGER PRIMARY KEY REFERENCES tracks(id) ON DELETE CASCADE,
  play_count     INTEGER NOT NULL DEFAULT 0,
  skip_count     INTEGER NOT NULL DEFAULT 0,
  last_played_at INTEGER,
  rating         INTEGER CHECK (rating BETWEEN 0 AND 5)
);

CREATE TABLE playlists (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE playlist_entries (
  playlist_id INTEGER NOT NULL REFERENCES playlists(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  track_id    INTEGER NOT NULL REFERENCES tracks(id) ON DELETE CASCADE,
  PRIMARY KEY (playlist_id, position)
);

CREATE TABLE scan_errors (
  path    TEXT PRIMARY KEY,
  root_id INTEGER NOT NULL REFERENCES roots(id) ON DELETE CASCADE,
  message TEXT NOT NULL,
  at      INTEGER NOT NULL
);

CREATE TABLE change_log (
  version    INTEGER PRIMARY KEY,
  at         INTEGER NOT NULL,
  added      TEXT NOT NULL DEFAULT '[]',
  updated    TEXT NOT NULL DEFAULT '[]',
  removed    TEXT NOT NULL DEFAULT '[]',
  structural INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- The chunk cache. AUTOINCREMENT: an entry's chunk files live in a folder named by its id,
-- and a new entry must never inherit the leftovers of a dropped one.
CREATE TABLE cache_entries (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  path        TEXT NOT NULL UNIQUE,
  size        INTEGER NOT NULL,
  mtime_ns    INTEGER NOT NULL,
  chunk_size  INTEGER NOT NULL,
  last_used_at INTEGER NOT NULL
);
CREATE INDEX cache_entries_lru ON cache_entries (last_used_at);
-- A row exists only once the chunk's bytes are durably on disk.
CREATE TABLE cache_chunks (
  entry_id    INTEGER NOT NULL REFERENCES cache_entries(id) ON DELETE CASCADE,
  chunk_index INTEGER NOT NULL,
  start       INTEGER NOT NULL,
  bytes       INTEGER NOT NULL,
  PRIMARY KEY (entry_id, chunk_index)
) WITHOUT ROWID;
CREATE INDEX cache_chunks_range ON cache_chunks (entry_id, start);

-- Search: diacritic folding and prefix indexes; the content lives in tracks.
CREATE VIRTUAL TABLE tracks_fts USING fts5(
  title, artist, album, album_artist, genre, composer, search_alt,
  content='tracks', content_rowid='id',
  tokenize='unicode61 remove_diacritics 2', prefix='2 3'
);
CREATE TRIGGER tracks_fts_insert AFTER INSERT ON tracks BEGIN
  INSERT INTO tracks_fts (rowid, title, artist, album, album_artist, genre, composer, search_alt)
  VALUES (new.id, new.title, new.artist, new.album, new.album_artist, new.genre, new.composer, new.search_alt);
END;
CREATE TRIGGER tracks_fts_delete AFTER DELETE ON tracks BEGIN
  INSERT INTO tracks_fts (tracks_fts, rowid, title, artist, album, album_artist, genre, composer, search_alt)
  VALUES ('delete', old.id, old.title, old.artist, old.album, old.album_artist, old.genre, old.composer, old.search_alt);
END;
CREATE TRIGGER tracks_fts_update AFTER UPDATE OF title, artist, album, album_artist, genre, composer, search_alt ON tracks BEGIN
  INSERT INTO tracks_fts (tracks_fts, rowid, title, artist, album, album_artist, genre, composer, search_alt)
  VALUES ('delete', old.id, old.title, old.artist, old.album, old.album_artist, old.genre, old.composer, old.search_alt);
  INSERT INTO tracks_fts (rowid, title, artist, album, album_artist, genre, composer, search_alt)
  VALUES (new.id, new.title, new.artist, new.album, new.album_artist, new.genre, new.composer, new.search_alt);
END;
`;
