// Schema version 3: playlists that outlive their tracks. Version 1's entries cascaded away when a
// missing track was purged, silently emptying playlists; an entry now remembers the path and tags
// it was made from, its track becomes NULL instead, and a scan that writes that path again
// reattaches it (library-writer.ts). Rows of version 1 are kept.
export const version = 3;

export const sql = /* sql */ `
CREATE TABLE playlist_folders (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  parent_id  INTEGER REFERENCES playlist_folders(id),
  position   INTEGER NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX playlist_folders_parent ON playlist_folders (parent_id, position);

ALTER TABLE playlists ADD COLUMN folder_id INTEGER REFERENCES playlist_folders(id);
ALTER TABLE playlists ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
ALTER TABLE playlists ADD COLUMN updated_at INTEGER NOT NULL DEFAULT 0;
-- A smart playlist's query in the search box's language; NULL for a list of entries.
ALTER TABLE playlists ADD COLUMN smart_query TEXT;
-- Set on delete: the last deleted playlist can be brought back until the next delete.
ALTER TABLE playlists ADD COLUMN deleted_at INTEGER;
UPDATE playlists SET position = id, updated_at = created_at;
CREATE INDEX playlists_folder ON playlists (folder_id, position);

-- position orders a playlist's entries and is not unique: moving a block renumbers in place.
CREATE TABLE playlist_entries_v3 (
  id          INTEGER PRIMARY KEY,
  playlist_id INTEGER NOT NULL REFERENCES playlists(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  track_id    INTEGER REFERENCES tracks(id) ON DELETE SET NULL,
  path        TEXT NOT NULL,
  title       TEXT,
  artist      TEXT,
  album       TEXT,
  duration_s  REAL
);
INSERT INTO playlist_entries_v3 (playlist_id, position, track_id, path, title, artist, album, duration_s)
  SELECT e.playlist_id, e.position, e.track_id, t.path, t.title, t.artist, t.album, t.duration_s
  FROM playlist_entries e JOIN tracks t ON t.id = e.track_id ORDER BY e.playlist_id, e.position;
DROP TABLE playlist_entries;
ALTER TABLE playlist_entries_v3 RENAME TO playlist_entries;
CREATE INDEX playlist_entries_order ON playlist_entries (playlist_id, position);
CREATE INDEX playlist_entries_track ON playlist_entries (track_id);
-- Only detached entries wait for a path to come back: the scan's lookup stays small.
CREATE INDEX playlist_entries_detached ON playlist_entries (path) WHERE track_id IS NULL;
-- …or for a track with its title and artist (an imported line whose file is elsewhere).
CREATE INDEX playlist_entries_detached_tags
  ON playlist_entries (title COLLATE NOCASE, artist COLLATE NOCASE) WHERE track_id IS NULL;

-- A track about to go (a purge, a removed library folder): its entries remember where and what
-- it last was, so they show "missing: path" and reattach when that path is scanned again.
CREATE TRIGGER playlist_entries_remember BEFORE DELETE ON tracks BEGIN
  UPDATE playlist_entries SET path = old.path, title = old.title, artist = old.artist, album = old.album,
    duration_s = old.duration_s
  WHERE track_id = old.id;
END;
`;
