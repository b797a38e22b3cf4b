// Schema version 4: a vector of each track's sound, for "Play similar" (core/similarity/).
// Keyed by the track, so a file that moves (the scanner keeps its id) keeps its vector; the
// file's size and mtime as analysed tell the job to look again, and the audio key (a hash of
// the audio's last bytes, tags left out) tells a retag, which keeps the vector, from new audio.
export const version = 4;

export const sql = /* sql */ `
CREATE TABLE track_vectors (
  track_id        INTEGER PRIMARY KEY REFERENCES tracks(id) ON DELETE CASCADE,
  feature_version INTEGER NOT NULL,
  size            INTEGER NOT NULL,
  mtime_ns        INTEGER NOT NULL,
  audio_key       TEXT NOT NULL,
  -- NULL: the analysis failed, error says why; tried again when the file or the features change.
  vector          BLOB,
  error           TEXT,
  excerpt_start_s REAL,
  excerpt_s       REAL,
  cpu_ms          REAL,
  analysed_at     INTEGER NOT NULL,
  -- Rises with each batch written: the nearest-neighbour thread reads only what is newer than it holds.
  seq             INTEGER NOT NULL
);
CREATE INDEX track_vectors_seq ON track_vectors (seq);
-- Another file with the same audio (a copy, or a move the scanner could not tell) borrows its vector.
CREATE INDEX track_vectors_audio ON track_vectors (audio_key, feature_version) WHERE vector IS NOT NULL;
`;
