// A big catalog for the views benchmarks, written straight into SQLite: the bench library's
// planner supplies the names (diacritics, compilations, multi-disc albums) and the real
// LibraryWriter stores them, so rows, sort keys, change log and FTS are exactly what a scan
// would leave. No audio files: only the catalog is measured here.
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openCatalog } from '../../src/main/core/catalog/index.ts';
import { LibraryWriter, type FileContext } from '../../src/main/core/catalog/library-writer.ts';
import { dataPaths } from '../../src/main/core/paths.ts';
import type { CoverInfo, ParseResult } from '../../src/main/common/parse-protocol.ts';
import { CoverStore } from '../../src/main/common/cover-store.ts';
import { makeCover } from '../library/covers.ts';
import { planLibrary } from '../library/model.ts';
import type { ManifestTrack } from '../library/types.ts';
import { RootWrites } from '../../src/main/core/catalog/roots.ts';

export interface CatalogOptions {
  dbPath: string;
  tracks: number;
  seed?: number;
  /** Distinct cover images, shared round-robin by the albums that have one. */
  covers?: number;
}

const BITRATE: Record<string, number | null> = { mp3: 320_000, m4a: 256_000, ogg: 192_000, opus: 128_000, flac: null };
const CODEC: Record<string, string> = {
  mp3: 'MPEG 1 Layer 3',
  m4a: 'AAC',
  ogg: 'Vorbis I',
  opus: 'Opus',
  flac: 'FLAC',
};
export const BENCH_ROOT = '/bench/music';
const DAY = 86_400_000;
/**
 * Bumped whenever what buildCatalog writes changes: the file's name carries it, so a catalog
 * cached by an earlier version is never measured as if it were this one. 2: ratings spread
 * over 1 to 5 stars (every rated track had 1).
 */
export const CATALOG_VERSION = 2;

export const catalogPath = (dir: string, tracks: number | string): string =>
  join(dir, `catalog-${tracks}-v${CATALOG_VERSION}.sqlite`);

/** Builds the catalog unless a complete one is already there (the marker is the last write). */
export async function ensureCatalog(options: CatalogOptions): Promise<{ built: boolean; ms: number }> {
  if (existsSync(options.dbPath) && existsSync(`${options.dbPath}.complete`)) return { built: false, ms: 0 };
  const started = performance.now();
  await buildCatalog(options);
  return { built: true, ms: performance.now() - started };
}

export async function buildCatalog(options: CatalogOptions): Promise<void> {
  const temp = `${options.dbPath}.building`;
  for (const path of [temp, `${temp}-wal`, `${temp}-shm`, options.dbPath, `${options.dbPath}.complete`])
    rmSync(path, { force: true });
  const coversDir = dataPaths(options.dbPath).coversDir;
  const store = new CoverStore(coversDir);
  const covers: CoverInfo[] = [];
  for (let i = 0; i < (options.covers ?? 48); i++) {
    const cover = await makeCover(i);
    const info = store.store(cover.jpeg, 'image/jpeg', 'embedded');
    if (info) covers.push(info);
  }

  const catalog = openCatalog(temp);
  const root = new RootWrites(catalog.db).add(BENCH_ROOT, 'local');
  const writer = new LibraryWriter(catalog.db, catalog.changes);
  const albums = planLibrary({
    root: BENCH_ROOT,
    tracks: options.tracks,
    seed: options.seed ?? 1,
    formats: { mp3: 45, flac: 25, m4a: 15, ogg: 8, opus: 7 },
    coverRatio: 0.85,
  });
  let batch: { result: ParseResult; context: FileContext }[] = [];
  for (const album of albums) {
    const cover = album.coverSource === 'none' ? null : (covers[album.index % covers.length] ?? null);
    for (const track of album.tracks) {
      batch.push(writeInput(track, root.id, cover));
      if (batch.length === 1000) {
        writer.writeBatch(batch);
        batch = [];
      }
    }
  }
  if (batch.length > 0) writer.writeBatch(batch);
  catalog.db.transaction(() => writer.search.catchUp())();

  // Spread "date added" over five years and give a fifth of the tracks some listening
  // history, so that those sorts have something to order. The rated ids are multiples of 15:
  // their stars come from id / 15, or every one of them would get the same.
  const now = Date.now();
  catalog.db.transaction(() => {
    catalog.db.prepare('UPDATE tracks SET added_at = ? - ((id * 7919) % 1826) * ? - id').run(now, DAY);
    catalog.db
      .prepare(
        `INSERT INTO play_stats (track_id, play_count, last_played_at, rating)
         SELECT id, 1 + (id * 31) % 97, ? - ((id * 131) % 700) * ?, CASE WHEN id % 3 = 0 THEN 1 + (id / 15) % 5 END
         FROM tracks WHERE id % 5 = 0`,
      )
      .run(now, DAY);
  })();
  catalog.db.pragma('wal_checkpoint(TRUNCATE)');
  catalog.db.exec('ANALYZE');
  catalog.close();
  renameSync(temp, options.dbPath);
  rmSync(`${temp}-wal`, { force: true });
  rmSync(`${temp}-shm`, { force: true });
  writeFileSync(`${options.dbPath}.complete`, `${options.tracks}\n`);
}

/** What the parser and the scanner would hand the writer for this planned track. */
export function writeInput(
  track: ManifestTrack,
  rootId: number,
  cover: CoverInfo | null,
): { result: ParseResult; context: FileContext } {
  const context: FileContext = {
    rootId,
    size: 4_000_000 + track.trackNo * 1000,
    mtimeNs: 1_700_000_000_000_000_000n,
    trackId: null,
    hadError: false,
  };
  return { result: resultFor(track, cover), context };
}

function resultFor(track: ManifestTrack, cover: CoverInfo | null): ParseResult {
  const seconds = 90 + ((track.title.length * 37 + track.trackNo * 53) % 420);
  return {
    path: track.path,
    ok: true,
    identity: `${track.path.length}-${track.mbTrackId ?? track.title}`,
    track: {
      title: track.title,
      artist: track.artist,
      artists: [track.artist],
      album: track.album,
      albumArtist: track.albumArtist,
      trackNo: track.trackNo,
      trackTotal: track.trackTotal,
      discNo: track.discNo,
      discTotal: track.discTotal,
      year: track.year,
      date: String(track.year),
      genres: [track.genre],
      composer: track.composer,
      compilation: track.compilation,
      durationS: seconds + 0.25,
      codec: CODEC[track.format] ?? null,
      container: track.format,
      sampleRate: 44_100,
      bitDepth: track.format === 'flac' ? 16 : null,
      channels: 2,
      bitrate: BITRATE[track.format] ?? 900_000 + ((track.trackNo * 7919) % 200_000),
      rgTrackGain: track.replayGain?.trackGain ?? null,
      rgTrackPeak: track.replayGain?.trackPeak ?? null,
      rgAlbumGain: track.replayGain?.albumGain ?? null,
      rgAlbumPeak: track.replayGain?.albumPeak ?? null,
      mbTrackId: track.mbTrackId,
      mbRecordingId: null,
      mbAlbumId: null,
      mbArtistId: null,
      cover: cover ? { ...cover, source: 'embedded' } : null,
      gaplessDelay: null,
      gaplessPadding: null,
    },
  };
}

export const defaultBenchDir = (): string => join(process.env.TONEARM_BENCH_DIR ?? '/tmp/tonearm-bench', 'views');
