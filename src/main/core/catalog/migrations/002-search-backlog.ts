// Schema version 2: the search index may lag behind a large import and catch up in bulk
// (catalog/search-backlog.ts). Tracks from `search_backlog.from_id` on are not indexed yet,
// so the triggers leave them alone: deleting from the index a row it never had corrupts it.
export const version = 2;

const COLUMNS = 'title, artist, album, album_artist, genre, composer, search_alt';
const values = (row: 'new' | 'old') =>
  `${row}.id, ${COLUMNS.split(', ')
    .map((column) => `${row}.${column}`)
    .join(', ')}`;
const indexed = (row: 'new' | 'old') => `NOT EXISTS (SELECT 1 FROM search_backlog WHERE ${row}.id >= from_id)`;

export const sql = /* sql */ `
CREATE TABLE search_backlog (from_id INTEGER NOT NULL);

DROP TRIGGER tracks_fts_insert;
DROP TRIGGER tracks_fts_delete;
DROP TRIGGER tracks_fts_update;
CREATE TRIGGER tracks_fts_insert AFTER INSERT ON tracks WHEN ${indexed('new')} BEGIN
  INSERT INTO tracks_fts (rowid, ${COLUMNS}) VALUES (${values('new')});
END;
CREATE TRIGGER tracks_fts_delete AFTER DELETE ON tracks WHEN ${indexed('old')} BEGIN
  INSERT INTO tracks_fts (tracks_fts, rowid, ${COLUMNS}) VALUES ('delete', ${values('old')});
END;
CREATE TRIGGER tracks_fts_update AFTER UPDATE OF ${COLUMNS} ON tracks WHEN ${indexed('old')} BEGIN
  INSERT INTO tracks_fts (tracks_fts, rowid, ${COLUMNS}) VALUES ('delete', ${values('old')});
  INSERT INTO tracks_fts (rowid, ${COLUMNS}) VALUES (${values('new')});
END;
`;
