// What the similarity threads read (core/similarity/): the tracks still to analyse, the stored
// vectors, and the facts the radio's rules look at. On the caller's connection, read-only.
import type Database from 'better-sqlite3';

/** A track the analysis job should look at: no vector of this feature version, or the file changed since. */
export interface PendingTrack {
  id: number;
  path: string;
  size: number;
  mtimeNs: string;
  /** The scanner's identity (size + tail): the audio key on a network share, which is read only once. */
  identity: string | null;
  network: boolean;
  /** From the tags: the analyser centres its excerpt without probing the file. */
  durationS: number | null;
  /** What is stored for it now, if anything (an older version, or a file since changed). */
  stored: { featureVersion: number; audioKey: string; hasVector: boolean } | null;
}

/** What the radio's rules need of a candidate (core/similarity/radio.ts). */
export interface TrackFacts {
  id: number;
  title: string;
  artist: string;
  albumId: number | null;
  durationS: number | null;
  genre: string;
  lastPlayedAt: number | null;
}

const STALE = `(v.track_id IS NULL OR v.feature_version != @version OR v.size != t.size OR v.mtime_ns != t.mtime_ns)`;
const ONLINE_PRESENT = `t.missing_since IS NULL AND r.online = 1`;

export class VectorReads {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      pending: db.prepare(
        `SELECT t.id, t.path, t.size, CAST(t.mtime_ns AS TEXT) AS mtimeNs, t.identity, t.duration_s AS durationS,
                COALESCE(r.kind_override, r.kind_detected) = 'network' AS network,
                v.feature_version AS featureVersion, v.audio_key AS audioKey, v.vector IS NOT NULL AS hasVector
         FROM tracks t JOIN roots r ON r.id = t.root_id LEFT JOIN track_vectors v ON v.track_id = t.id
         WHERE t.id > @after AND ${ONLINE_PRESENT} AND ${STALE}
         ORDER BY t.id LIMIT @limit`,
      ),
      counts: db.prepare(
        `SELECT count(*) AS total,
                COALESCE(sum(NOT ${STALE} AND v.vector IS NOT NULL), 0) AS analysed,
                COALESCE(sum(NOT ${STALE} AND v.vector IS NULL), 0) AS failed,
                COALESCE(sum(${STALE} AND r.online = 1), 0) AS pending
         FROM tracks t JOIN roots r ON r.id = t.root_id LEFT JOIN track_vectors v ON v.track_id = t.id
         WHERE t.missing_since IS NULL`,
      ),
      byAudioKey: db
        .prepare(
          `SELECT vector FROM track_vectors
           WHERE audio_key = ? AND feature_version = ? AND vector IS NOT NULL AND track_id != ? LIMIT 1`,
        )
        .pluck(),
      since: db.prepare(
        `SELECT track_id, vector, seq FROM track_vectors
         WHERE seq > ? AND feature_version = ? AND vector IS NOT NULL ORDER BY seq`,
      ),
      newestVersion: db.prepare('SELECT max(feature_version) FROM track_vectors').pluck(),
      maxSeq: db.prepare('SELECT COALESCE(max(seq), 0) FROM track_vectors').pluck(),
      count: db.prepare('SELECT count(*) FROM track_vectors WHERE feature_version = ? AND vector IS NOT NULL').pluck(),
      hasVector: db
        .prepare('SELECT 1 FROM track_vectors WHERE track_id = ? AND feature_version = ? AND vector IS NOT NULL')
        .pluck(),
      facts: db.prepare(
        `SELECT t.id, t.title, t.artist, t.album_id AS albumId, t.duration_s AS durationS, t.genre,
                ps.last_played_at AS lastPlayedAt
         FROM json_each(?) j CROSS JOIN tracks t JOIN roots r ON r.id = t.root_id
           LEFT JOIN play_stats ps ON ps.track_id = t.id
         WHERE t.id = j.value AND ${ONLINE_PRESENT}`,
      ),
      albumTrackIds: db.prepare('SELECT id FROM tracks WHERE album_id = ? ORDER BY disc_no, track_no, id').pluck(),
    };
  }

  /** Up to `limit` tracks to analyse with ids above `after`, in id order: a pass resumes where it was. */
  pending(after: number, featureVersion: number, limit: number): PendingTrack[] {
    const rows = this.statements.pending.all({ after, version: featureVersion, limit }) as (Omit<
      PendingTrack,
      'stored' | 'network'
    > & { network: number; featureVersion: number | null; audioKey: string | null; hasVector: number })[];
    return rows.map(({ featureVersion, audioKey, hasVector, network, ...track }) => ({
      ...track,
      network: network === 1,
      stored: featureVersion === null ? null : { featureVersion, audioKey: audioKey ?? '', hasVector: hasVector === 1 },
    }));
  }

  counts(featureVersion: number): { total: number; analysed: number; failed: number; pending: number } {
    return this.statements.counts.get({ version: featureVersion }) as {
      total: number;
      analysed: number;
      failed: number;
      pending: number;
    };
  }

  /** Another track's vector for the same audio, if one was analysed. */
  vectorByAudioKey(audioKey: string, featureVersion: number, notTrack: number): Float32Array | null {
    const blob = this.statements.byAudioKey.get(audioKey, featureVersion, notTrack) as Buffer | undefined;
    return blob ? toVector(blob) : null;
  }

  /** Vectors written after `seq`, oldest first, as their stored bytes (float32), one at a time. */
  *vectorsSince(seq: number, featureVersion: number): Generator<[trackId: number, bytes: Buffer, seq: number]> {
    yield* this.statements.since.raw(true).iterate(seq, featureVersion) as Iterable<[number, Buffer, number]>;
  }

  /** The feature version of the newest analysis stored; null before any. */
  newestFeatureVersion(): number | null {
    return this.statements.newestVersion.get() as number | null;
  }

  maxSeq(): number {
    return this.statements.maxSeq.get() as number;
  }

  vectorCount(featureVersion: number): number {
    return this.statements.count.get(featureVersion) as number;
  }

  hasVector(trackId: number, featureVersion: number): boolean {
    return this.statements.hasVector.get(trackId, featureVersion) === 1;
  }

  /** Facts of these tracks that are present and reachable, in no particular order. */
  facts(ids: readonly number[]): TrackFacts[] {
    return this.statements.facts.all(JSON.stringify(ids)) as TrackFacts[];
  }

  albumTrackIds(albumId: number): number[] {
    return this.statements.albumTrackIds.all(albumId) as number[];
  }
}

/** A stored blob as floats; copied, since SQLite's buffer need not be 4-byte aligned. */
function toVector(blob: Buffer): Float32Array {
  const vector = new Float32Array(blob.byteLength / 4);
  new Uint8Array(vector.buffer).set(blob);
  return vector;
}
