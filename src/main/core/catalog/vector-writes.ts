// The similarity job's writes (core/similarity/): vectors in batches, one transaction each, so
// a kill loses at most the batch in flight. Nothing here is a library change: no view shows vectors.
import type Database from 'better-sqlite3';
import type { PendingTrack } from './reads/vectors.ts';

/** One track's analysis as the job hands it over. */
export interface VectorRecord {
  trackId: number;
  featureVersion: number;
  /** The file as it was when the job picked it (mtime in ns, as decimal text: it outgrows a double). */
  size: number;
  mtimeNs: string;
  audioKey: string;
  /** null: the analysis failed, and `error` says why. */
  vector: Float32Array | null;
  error: string | null;
  excerptStartS: number | null;
  excerptS: number | null;
  cpuMs: number | null;
}

/** What the writer stores for `track` at `featureVersion`: nothing known but what `fields` say. */
export function vectorRecord(track: PendingTrack, featureVersion: number, fields: Partial<VectorRecord>): VectorRecord {
  return {
    trackId: track.id,
    size: track.size,
    mtimeNs: track.mtimeNs,
    featureVersion,
    audioKey: '',
    vector: null,
    error: null,
    excerptStartS: null,
    excerptS: null,
    cpuMs: null,
    ...fields,
  };
}

export function vectorWrites(db: Database.Database) {
  // A track deleted while it was analysed is skipped, not a foreign-key failure of the batch.
  const put = db.prepare(
    `INSERT INTO track_vectors (track_id, feature_version, size, mtime_ns, audio_key, vector, error,
                                excerpt_start_s, excerpt_s, cpu_ms, analysed_at, seq)
     SELECT @trackId, @featureVersion, @size, @mtimeNs, @audioKey, @vector, @error,
            @excerptStartS, @excerptS, @cpuMs, @now, @seq
     WHERE EXISTS (SELECT 1 FROM tracks WHERE id = @trackId)
     ON CONFLICT (track_id) DO UPDATE SET feature_version = excluded.feature_version, size = excluded.size,
       mtime_ns = excluded.mtime_ns, audio_key = excluded.audio_key, vector = excluded.vector,
       error = excluded.error, excerpt_start_s = excluded.excerpt_start_s, excerpt_s = excluded.excerpt_s,
       cpu_ms = excluded.cpu_ms, analysed_at = excluded.analysed_at, seq = excluded.seq`,
  );
  // The file changed on disk but not its audio (new tags): the vector stays, only its stamp moves on.
  const restamp = db.prepare('UPDATE track_vectors SET size = ?, mtime_ns = ? WHERE track_id = ?');
  const nextSeq = db.prepare('SELECT COALESCE(max(seq), 0) + 1 FROM track_vectors').pluck();
  return {
    /** Returns how many rows were written (tracks deleted meanwhile are left out). */
    putVectors: (records: readonly VectorRecord[]): number =>
      db.transaction(() => {
        const seq = nextSeq.get() as number;
        const now = Date.now();
        let written = 0;
        for (const record of records) {
          const vector = record.vector
            ? Buffer.from(record.vector.buffer, record.vector.byteOffset, record.vector.byteLength)
            : null;
          written += put.run({ ...record, mtimeNs: BigInt(record.mtimeNs), vector, now, seq }).changes;
        }
        return written;
      })(),
    restampVectors: (stamps: readonly { trackId: number; size: number; mtimeNs: string }[]): void =>
      db.transaction(() => {
        for (const { trackId, size, mtimeNs } of stamps) restamp.run(size, BigInt(mtimeNs), trackId);
      })(),
  };
}
