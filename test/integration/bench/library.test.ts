import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseFile } from 'music-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLibrary, type Format, type Manifest, type ManifestTrack } from '../../../bench/library/generate.ts';
import { planLibrary } from '../../../bench/library/model.ts';

const hasFfmpeg = spawnSync('ffmpeg', ['-version']).status === 0;
if (!hasFfmpeg) console.warn('bench-library: ffmpeg is not installed, skipping the generated-library tests');

const FORMATS: Format[] = ['mp3', 'flac', 'm4a', 'ogg', 'opus'];
const DURATION_S = 4;

describe.skipIf(!hasFfmpeg)('bench library generator (needs ffmpeg)', () => {
  let dir: string;
  let manifest: Manifest;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tonearm-bench-lib-'));
    manifest = await generateLibrary({
      dir: path.join(dir, 'library'),
      tracks: 300,
      seed: 7,
      formats: { mp3: 1, flac: 1, m4a: 1, ogg: 1, opus: 1 },
      templatesDir: path.join(dir, 'templates'),
      durationS: DURATION_S,
    });
  });

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('writes about 60 tracks of every format and a manifest', async () => {
    expect(manifest.tracks).toHaveLength(300);
    for (const format of FORMATS) {
      expect(manifest.tracks.filter((t) => t.format === format).length).toBeGreaterThanOrEqual(40);
    }
    const onDisk = JSON.parse(await readFile(path.join(dir, 'library', 'manifest.json'), 'utf8')) as Manifest;
    expect(onDisk).toEqual(manifest);
  });

  it.each(FORMATS)('%s: music-metadata reads back what the manifest says', async (format) => {
    const tracks = manifest.tracks.filter((t) => t.format === format);
    for (const t of tracks) await expectTagsMatch(t);
  });

  it('puts folder covers beside the files, and only where the manifest says', () => {
    for (const t of manifest.tracks) {
      const d = path.dirname(t.path);
      const hasFile = existsSync(path.join(d, 'cover.jpg')) || existsSync(path.join(d, 'folder.jpg'));
      expect(hasFile, t.path).toBe(t.coverSource === 'folder');
    }
  });

  it('gives every album its own cover image', async () => {
    const hashByAlbum = new Map<string, string>();
    for (const t of manifest.tracks) {
      const key = path.dirname(t.path).replace(/\/Disc \d+$/, '');
      if (t.coverSource === 'none' || hashByAlbum.has(key)) continue;
      let bytes: Uint8Array | undefined;
      if (t.coverSource === 'embedded') {
        bytes = (await parseFile(t.path)).common.picture?.[0]?.data;
      } else {
        const d = path.dirname(t.path);
        bytes = await readFile(
          existsSync(path.join(d, 'cover.jpg')) ? path.join(d, 'cover.jpg') : path.join(d, 'folder.jpg'),
        );
      }
      expect(bytes, t.path).toBeDefined();
      hashByAlbum.set(key, createHash('sha256').update(bytes!).digest('hex'));
    }
    expect(hashByAlbum.size).toBeGreaterThan(5);
    expect(new Set(hashByAlbum.values()).size).toBe(hashByAlbum.size);
  });

  it('writes Ogg pages with valid CRCs and consecutive sequence numbers', async () => {
    const oggs = manifest.tracks.filter((t) => t.format === 'ogg' || t.format === 'opus');
    let spanningHeaders = 0;
    for (const t of oggs) {
      const pages = oggPages(await readFile(t.path));
      pages.forEach((p, i) => {
        expect(p.seq, `${t.path} page ${i}`).toBe(i);
        expect(p.crcOk, `${t.path} page ${i} CRC`).toBe(true);
      });
      expect(pages[0]!.flags & 0x02, 'first page is BOS').toBe(0x02);
      expect(pages.at(-1)!.flags & 0x04, 'last page is EOS').toBe(0x04);
      // A page on which no packet ends: a comment header spanning pages.
      if (pages.some((p) => p.granule === -1n)) spanningHeaders++;
    }
    // Embedded covers make comment headers span pages, so the audio pages had to be
    // renumbered; the sequence check above is what proves that was done right.
    expect(spanningHeaders).toBeGreaterThan(0);
  });

  it('writes files ffmpeg decodes without errors (it also checks Ogg CRCs)', () => {
    const sample = FORMATS.flatMap((format) =>
      (['embedded', 'folder', 'none'] as const).flatMap((cover) =>
        manifest.tracks.filter((t) => t.format === format && t.coverSource === cover).slice(0, 2),
      ),
    );
    expect(sample.length).toBeGreaterThan(15);
    for (const t of sample) {
      const r = spawnSync('ffmpeg', ['-nostdin', '-v', 'error', '-i', t.path, '-f', 'null', '-'], { encoding: 'utf8' });
      expect(r.status, t.path).toBe(0);
      expect(r.stderr, t.path).toBe('');
    }
  });
});

// The shape of a full-size library is cheap to check: planning makes no files.
describe('bench library plan', () => {
  const albums = planLibrary({
    root: '/lib',
    tracks: 41_000,
    seed: 1,
    formats: { mp3: 45, flac: 25, m4a: 15, ogg: 8, opus: 7 },
    coverRatio: 0.85,
  });
  const tracks = albums.flatMap((a) => a.tracks);

  it('has the realistic shape the benchmarks assume', () => {
    expect(tracks).toHaveLength(41_000);
    const perAlbum = tracks.length / albums.length;
    expect(perAlbum).toBeGreaterThan(9);
    expect(perAlbum).toBeLessThan(13);
    expect(albums.some((a) => a.dirs.length > 1 && a.dirs.every((d) => /\/Disc \d$/.test(d)))).toBe(true);
    expect(tracks.some((t) => t.compilation && t.albumArtist === 'Various Artists')).toBe(true);
    expect(tracks.some((t) => t.artist === 'Björk')).toBe(true);
    const share = (f: Format): number => tracks.filter((t) => t.format === f).length / tracks.length;
    expect(share('mp3')).toBeCloseTo(0.45, 1);
    expect(share('flac')).toBeCloseTo(0.25, 1);
    const noGain = tracks.filter((t) => t.replayGain === null).length / tracks.length;
    expect(noGain).toBeGreaterThan(0.04);
    expect(noGain).toBeLessThan(0.12);
    const covered = albums.filter((a) => a.coverSource !== 'none').length / albums.length;
    expect(covered).toBeGreaterThan(0.8);
    expect(covered).toBeLessThan(0.9);
    expect(new Set(tracks.map((t) => t.path)).size).toBe(tracks.length);
    const years = tracks.map((t) => t.year);
    expect(Math.min(...years)).toBeGreaterThanOrEqual(1960);
    expect(Math.max(...years)).toBeLessThanOrEqual(2024);
  });

  it('is deterministic for a seed', () => {
    const again = planLibrary({ root: '/lib', tracks: 500, seed: 3, formats: { mp3: 1 }, coverRatio: 0.85 });
    const other = planLibrary({ root: '/lib', tracks: 500, seed: 3, formats: { mp3: 1 }, coverRatio: 0.85 });
    expect(again).toEqual(other);
  });
});

async function expectTagsMatch(t: ManifestTrack): Promise<void> {
  const { common, format } = await parseFile(t.path);
  const where = `${t.format} ${t.path}`;
  expect(common.title, where).toBe(t.title);
  expect(common.artist, where).toBe(t.artist);
  expect(common.albumartist, where).toBe(t.albumArtist);
  expect(common.album, where).toBe(t.album);
  expect(common.track, where).toEqual({ no: t.trackNo, of: t.trackTotal });
  expect(common.disk, where).toEqual({ no: t.discNo, of: t.discTotal });
  expect(common.year, where).toBe(t.year);
  expect(common.genre, where).toEqual([t.genre]);
  expect(common.composer, where).toEqual([t.composer]);
  expect(common.compilation ?? false, where).toBe(t.compilation);
  expect(common.musicbrainz_trackid ?? null, where).toBe(t.mbTrackId);
  if (t.replayGain) {
    expect(common.replaygain_track_gain?.dB, where).toBeCloseTo(t.replayGain.trackGain, 2);
    expect(common.replaygain_track_peak?.ratio, where).toBeCloseTo(t.replayGain.trackPeak, 5);
    expect(common.replaygain_album_gain?.dB, where).toBeCloseTo(t.replayGain.albumGain, 2);
    expect(common.replaygain_album_peak?.ratio, where).toBeCloseTo(t.replayGain.albumPeak, 5);
  } else {
    expect(common.replaygain_track_gain, where).toBeUndefined();
    expect(common.replaygain_album_gain, where).toBeUndefined();
  }
  expect(format.duration, where).toBeGreaterThan(0);
  expect(Math.abs(format.duration! - DURATION_S) / DURATION_S, where).toBeLessThan(0.1);
  const pictures = common.picture ?? [];
  if (t.coverSource === 'embedded') {
    expect(pictures, where).toHaveLength(1);
    expect(pictures[0]!.format, where).toBe('image/jpeg');
    expect(pictures[0]!.data.length, where).toBeGreaterThan(100);
  } else {
    expect(pictures, where).toHaveLength(0);
  }
}

/**
 * Walks Ogg pages and checks each CRC with a bit-at-a-time CRC-32 (polynomial
 * 0x04C11DB7, unreflected, init 0), deliberately not the generator's table version.
 */
function oggPages(buf: Buffer): { seq: number; flags: number; granule: bigint; crcOk: boolean }[] {
  const pages = [];
  for (let o = 0; o < buf.length;) {
    expect(buf.toString('latin1', o, o + 4)).toBe('OggS');
    const segments = buf[o + 26]!;
    let end = o + 27 + segments;
    for (let i = 0; i < segments; i++) end += buf[o + 27 + i]!;
    const page = Buffer.from(buf.subarray(o, end));
    const stored = page.readUInt32LE(22);
    page.writeUInt32LE(0, 22);
    let crc = 0;
    for (const byte of page) {
      crc ^= byte << 24;
      for (let bit = 0; bit < 8; bit++) crc = crc & 0x80000000 ? (crc << 1) ^ 0x04c11db7 : crc << 1;
    }
    pages.push({
      seq: buf.readUInt32LE(o + 18),
      flags: buf[o + 5]!,
      granule: buf.readBigInt64LE(o + 6),
      crcOk: crc >>> 0 === stored,
    });
    o = end;
  }
  return pages;
}
