import type Database from 'better-sqlite3';
import type { Root, RootKind } from '../../../shared/domain.ts';

interface RawRoot {
  id: number;
  path: string;
  kindDetected: RootKind;
  kindOverride: RootKind | null;
  online: number;
  offlineReason: string | null;
  watch: number;
  trackCount: number;
  lastScanAt: number | null;
  lastFileCount: number | null;
}

export interface RootRecord extends Root {
  lastFileCount: number | null;
}

function toRoot(raw: RawRoot): RootRecord {
  return {
    ...raw,
    kind: raw.kindOverride ?? raw.kindDetected,
    online: raw.online === 1,
    watch: raw.watch === 1,
  };
}

const SELECT_ROOT = /* sql */ `
  SELECT r.id, r.path, r.kind_detected AS kindDetected, r.kind_override AS kindOverride, r.online,
         r.offline_reason AS offlineReason, r.watch, r.last_scan_at AS lastScanAt,
         r.last_file_count AS lastFileCount,
         (SELECT count(*) FROM tracks t WHERE t.root_id = r.id AND t.missing_since IS NULL) AS trackCount
  FROM roots r`;

export class RootsRepo {
  private readonly db: Database.Database;

  constructor(db: Database.Database) {
    this.db = db;
  }

  list(): RootRecord[] {
    return (this.db.prepare(`${SELECT_ROOT} ORDER BY r.path`).all() as RawRoot[]).map(toRoot);
  }

  get(id: number): RootRecord | null {
    const raw = this.db.prepare(`${SELECT_ROOT} WHERE r.id = ?`).get(id) as RawRoot | undefined;
    return raw ? toRoot(raw) : null;
  }

  byPath(path: string): RootRecord | null {
    const raw = this.db.prepare(`${SELECT_ROOT} WHERE r.path = ?`).get(path) as RawRoot | undefined;
    return raw ? toRoot(raw) : null;
  }
}

/** The roots' writes; only the writer thread runs them (catalog/write-operations.ts). */
export class RootWrites {
  private readonly db: Database.Database;
  private readonly reads: RootsRepo;

  constructor(db: Database.Database) {
    this.db = db;
    this.reads = new RootsRepo(db);
  }

  add(path: string, kindDetected: RootKind): RootRecord {
    this.db
      .prepare('INSERT INTO roots (path, kind_detected, added_at) VALUES (?, ?, ?) ON CONFLICT (path) DO NOTHING')
      .run(path, kindDetected, Date.now());
    return this.reads.byPath(path)!;
  }

  remove(id: number): void {
    this.db.prepare('DELETE FROM roots WHERE id = ?').run(id);
  }

  setOnline(id: number, online: boolean, reason: string | null): void {
    this.db.prepare('UPDATE roots SET online = ?, offline_reason = ? WHERE id = ?').run(online ? 1 : 0, reason, id);
  }

  setKindDetected(id: number, kind: RootKind): void {
    this.db.prepare('UPDATE roots SET kind_detected = ? WHERE id = ?').run(kind, id);
  }

  setKindOverride(id: number, kind: RootKind | null): void {
    this.db.prepare('UPDATE roots SET kind_override = ? WHERE id = ?').run(kind, id);
  }

  setWatch(id: number, watch: boolean): void {
    this.db.prepare('UPDATE roots SET watch = ? WHERE id = ?').run(watch ? 1 : 0, id);
  }

  recordScan(id: number, fileCount: number): void {
    this.db
      .prepare('UPDATE roots SET last_scan_at = ?, last_file_count = ? WHERE id = ?')
      .run(Date.now(), fileCount, id);
  }
}
