// Damage like a failing disk's: garbage over part of one page the everyday commands never
// read (a leaf of the index that only the Songs view's Bitrate sort uses), so only a check
// that reads every page notices it.
import { closeSync, openSync, writeSync } from 'node:fs';
import Database from 'better-sqlite3';

export const UNREAD_INDEX = 'tracks_bitrate';

export function damageIndexPage(dbPath: string, index = UNREAD_INDEX): number {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = db
    .prepare("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno")
    .pluck()
    .all(index) as number[];
  db.close();
  if (pages.length === 0) throw new Error(`${index} has no leaf page in ${dbPath}: the catalog is too small`);
  const page = pages[Math.floor(pages.length / 2)]!;
  // The second half of a leaf holds its cells (they grow from the end): garbage there breaks
  // the keys and their lengths, not just free space.
  const fd = openSync(dbPath, 'r+');
  writeSync(fd, Buffer.alloc(pageSize / 2, 0xa5), 0, pageSize / 2, (page - 1) * pageSize + pageSize / 2);
  closeSync(fd);
  return page;
}
