import { closeSync, mkdirSync, openSync, writeFileSync, writevSync } from 'node:fs';
import { readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { makeCover } from './covers.ts';
import { buildFlac } from './flac.ts';
import { buildId3v24 } from './id3v2.ts';
import { planLibrary, type AlbumPlan } from './model.ts';
import { buildMp4 } from './mp4.ts';
import { buildOgg } from './ogg.ts';
import { defaultTemplatesDir, loadTemplates, type Templates } from './templates.ts';
import { FORMATS, type Cover, type Format, type Manifest, type TagSource } from './types.ts';

export type { CoverSource, Format, Manifest, ManifestTrack, ReplayGain } from './types.ts';

export interface GenerateOptions {
  dir: string;
  tracks: number;
  seed?: number;
  /** Relative weights; default mp3 45, flac 25, m4a 15, ogg 8, opus 7. */
  formats?: Partial<Record<Format, number>>;
  /** Share of albums with a cover (two thirds of them embedded, one third as a file). */
  coverRatio?: number;
  templatesDir?: string;
  durationS?: number;
  onProgress?: (progress: { done: number; total: number; bytes: number }) => void;
}

export const DEFAULT_FORMATS: Record<Format, number> = { mp3: 45, flac: 25, m4a: 15, ogg: 8, opus: 7 };

// Marks a directory as ours, so that regenerating into it may delete what is there.
const MARKER = '.tonearm-bench-library';
// Covers are made by sharp on its own threads a few albums ahead of the writer.
const COVER_LOOKAHEAD = 8;

export async function generateLibrary(options: GenerateOptions): Promise<Manifest> {
  const root = path.resolve(options.dir);
  const durationS = options.durationS ?? 4;
  const albums = planLibrary({
    root,
    tracks: options.tracks,
    seed: options.seed ?? 1,
    formats: options.formats ?? DEFAULT_FORMATS,
    coverRatio: options.coverRatio ?? 0.85,
  });
  const used = FORMATS.filter((f) => albums.some((a) => a.format === f));
  const templates = await loadTemplates(options.templatesDir ?? defaultTemplatesDir(), used, durationS);
  await prepareDir(root);

  const covers = new Map<number, Promise<Cover>>();
  const want = (i: number): void => {
    const album = albums[i];
    if (album && album.coverSource !== 'none' && !covers.has(i)) covers.set(i, makeCover(album.index));
  };
  for (let i = 0; i < COVER_LOOKAHEAD; i++) want(i);

  let done = 0;
  let bytes = 0;
  for (let i = 0; i < albums.length; i++) {
    want(i + COVER_LOOKAHEAD);
    const album = albums[i]!;
    const cover = (await covers.get(i)) ?? null;
    covers.delete(i);
    bytes += writeAlbum(album, templates, cover);
    done += album.tracks.length;
    options.onProgress?.({ done, total: options.tracks, bytes });
  }

  const manifest: Manifest = { tracks: albums.flatMap((a) => a.tracks) };
  // One track per line: greppable, and diffable between seeds.
  const lines = manifest.tracks.map((t) => JSON.stringify(t)).join(',\n');
  await writeFile(path.join(root, 'manifest.json'), `{"tracks":[\n${lines}\n]}\n`);
  return manifest;
}

/**
 * Synchronous on purpose: each file is one open + one writev of the tag and the shared
 * template buffers, which is cheaper than a round trip through libuv's thread pool.
 */
function writeAlbum(album: AlbumPlan, templates: Partial<Templates>, cover: Cover | null): number {
  let bytes = 0;
  for (const dir of album.dirs) mkdirSync(dir, { recursive: true });
  const embedded = album.coverSource === 'embedded' ? cover : null;
  for (const track of album.tracks) {
    const tags: TagSource = { ...track, cover: embedded };
    const fd = openSync(track.path, 'w');
    try {
      const buffers = compose(track.format, templates, tags);
      const expected = buffers.reduce((s, b) => s + b.length, 0);
      const written = writevSync(fd, buffers);
      if (written !== expected) throw new Error(`short write to ${track.path}`);
      bytes += written;
    } finally {
      closeSync(fd);
    }
  }
  if (cover) {
    for (const file of album.coverFiles) {
      writeFileSync(file, cover.jpeg);
      bytes += cover.jpeg.length;
    }
  }
  return bytes;
}

function compose(format: Format, t: Partial<Templates>, tags: TagSource): Buffer[] {
  switch (format) {
    case 'mp3':
      return [buildId3v24(tags), need(t.mp3, format)];
    case 'flac':
      return buildFlac(need(t.flac, format), tags);
    case 'm4a':
      return buildMp4(need(t.m4a, format), tags);
    case 'ogg':
      return buildOgg(need(t.ogg, format), tags);
    case 'opus':
      return buildOgg(need(t.opus, format), tags);
  }
}

function need<T>(value: T | undefined, format: Format): T {
  if (value === undefined) throw new Error(`no ${format} template loaded`);
  return value;
}

/** Refuses to write into a non-empty directory that a previous run did not create. */
async function prepareDir(root: string): Promise<void> {
  const entries = await readdir(root).catch(() => [] as string[]);
  if (entries.length > 0) {
    if (!entries.includes(MARKER)) {
      throw new Error(`${root} is not empty and was not made by this generator; refusing to overwrite it`);
    }
    await Promise.all(entries.map((e) => rm(path.join(root, e), { recursive: true, force: true })));
  }
  mkdirSync(root, { recursive: true });
  writeFileSync(path.join(root, MARKER), 'Generated by bench/library/generate.ts; safe to delete.\n');
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      tracks: { type: 'string' },
      seed: { type: 'string', default: '1' },
      'cover-ratio': { type: 'string' },
      duration: { type: 'string' },
      templates: { type: 'string' },
      formats: { type: 'string' }, // e.g. mp3=1,flac=1
    },
  });
  const dir = positionals[0];
  const tracks = Number(values.tracks);
  const seed = Number(values.seed);
  if (!dir || !Number.isInteger(tracks) || tracks <= 0 || !Number.isInteger(seed)) {
    console.error('usage: node bench/library/generate.ts DIR --tracks N [--seed 1] [--formats mp3=45,flac=25,...]');
    console.error('       [--cover-ratio 0.85] [--duration 4] [--templates DIR]');
    process.exit(2);
  }
  const formats = values.formats
    ? Object.fromEntries(
        values.formats.split(',').map((kv) => {
          const [k, v] = kv.split('=');
          if (!FORMATS.includes(k as Format)) throw new Error(`unknown format ${k}`);
          return [k, Number(v ?? 1)];
        }),
      )
    : undefined;

  const started = performance.now();
  let lastReport = started;
  let bytes = 0;
  const manifest = await generateLibrary({
    dir,
    tracks,
    seed,
    formats,
    coverRatio: values['cover-ratio'] === undefined ? undefined : Number(values['cover-ratio']),
    durationS: values.duration === undefined ? undefined : Number(values.duration),
    templatesDir: values.templates,
    onProgress: (p) => {
      const { done, total } = p;
      bytes = p.bytes;
      const now = performance.now();
      if (now - lastReport < 1000 && done < total) return;
      lastReport = now;
      const s = (now - started) / 1000;
      console.log(
        `${done}/${total} tracks (${Math.round((done / total) * 100)}%), ${s.toFixed(1)} s, ${Math.round(done / s)} tracks/s`,
      );
    },
  });
  const seconds = (performance.now() - started) / 1000;

  const perFormat = new Map<Format, number>();
  for (const t of manifest.tracks) perFormat.set(t.format, (perFormat.get(t.format) ?? 0) + 1);
  const albums = new Set(manifest.tracks.map((t) => path.dirname(t.path).replace(/[/\\]Disc \d+$/, ''))).size;
  console.log(`generated ${manifest.tracks.length} tracks in ${albums} albums in ${seconds.toFixed(1)} s`);
  console.log(`formats: ${[...perFormat].map(([f, n]) => `${f} ${n}`).join(', ')}`);
  console.log(`written: ${(bytes / 1e9).toFixed(2)} GB (${Math.round(bytes / 1e6 / seconds)} MB/s)`);
  console.log(`manifest: ${path.join(path.resolve(dir), 'manifest.json')}`);
}

if (import.meta.main) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
