import type Database from 'better-sqlite3';

/** Tracks missing for longer than the grace period are finally removed, stats and all. */
export function purgeMissing(db: Database.Database, olderThan: number): number[] {
  const ids = db
    .prepare('SELECT id FROM tracks WHERE missing_since IS NOT NULL AND missing_since < ?')
    .pluck()
    .all(olderThan) as number[];
  if (ids.length === 0) return ids;
  db.transaction(() => {
    const remove = db.prepare('DELETE FROM tracks WHERE id = ?');
    for (const id of ids) remove.run(id);
  })();
  return ids;
}

/** Albums, artists and genres no track refers to any more. */
export function removeOrphans(db: Database.Database): void {
  db.transaction(() => {
    db.exec(`
      DELETE FROM albums WHERE NOT EXISTS (SELECT 1 FROM tracks t WHERE t.album_id = albums.id);
      DELETE FROM artists WHERE NOT EXISTS (SELECT 1 FROM tracks t WHERE t.artist_id = artists.id)
                            AND NOT EXISTS (SELECT 1 FROM albums a WHERE a.artist_id = artists.id);
      DELETE FROM genres WHERE NOT EXISTS (SELECT 1 FROM tracks t WHERE t.genre_id = genres.id);
    `);
  })();
}
