import path from 'node:path';
import * as N from './names.ts';
import type { CoverSource, Format, ManifestTrack, ReplayGain } from './types.ts';

export interface PlanOptions {
  root: string;
  tracks: number;
  seed: number;
  /** Weights per format; formats with weight 0 or missing are not generated. */
  formats: Partial<Record<Format, number>>;
  coverRatio: number;
}

export interface AlbumPlan {
  index: number;
  format: Format;
  coverSource: CoverSource;
  /** Where the folder cover goes, beside the files: one per disc folder. */
  coverFiles: string[];
  dirs: string[];
  tracks: ManifestTrack[];
}

type Rng = () => number;

/** mulberry32: tiny, fast, and good enough for picking names. */
function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
const int = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
const round = (x: number, digits: number): number => Number(x.toFixed(digits));

/**
 * Plans the whole library up front (cheap: strings only) so that the writer can
 * stream albums out in order. Deterministic for a given seed and options.
 */
export function planLibrary(o: PlanOptions): AlbumPlan[] {
  const rng = mulberry32(o.seed);
  const weights = normaliseWeights(o.formats);
  const written: Record<Format, number> = { mp3: 0, flac: 0, m4a: 0, ogg: 0, opus: 0 };
  const artists = makeArtists(rng, Math.max(5, Math.round(o.tracks / 30)));
  const composers = Array.from({ length: 40 }, () => personName(rng));
  const usedDirs = new Set<string>();
  const albums: AlbumPlan[] = [];

  for (let remaining = o.tracks; remaining > 0;) {
    const compilation = rng() < 0.07;
    // A skewed pick: a few artists have many albums, most have one or two.
    const albumArtist = compilation ? 'Various Artists' : artists[Math.floor(rng() ** 2 * artists.length)]!;
    const year = int(rng, 1960, 2024);
    const genre = pick(rng, N.GENRES);
    const album = compilation ? compilationTitle(rng, genre, year) : albumTitle(rng);
    const albumDir = uniqueDir(usedDirs, path.join(o.root, safeName(albumArtist), `${safeName(album)} (${year})`));

    const discTotal = rng() < 0.06 ? (rng() < 0.8 ? 2 : 3) : 1;
    const perDisc: number[] = [];
    for (let d = 0; d < discTotal && remaining > 0; d++) {
      const n = Math.min(remaining, 6 + Math.floor(rng() ** 2 * 13));
      perDisc.push(n);
      remaining -= n;
    }
    // The last album is cut short to hit the exact count; its totals say so.
    const discs = perDisc.length;

    const format = nextFormat(weights, written);
    const hasCover = rng() < o.coverRatio;
    const coverSource: CoverSource = !hasCover ? 'none' : rng() < 2 / 3 ? 'embedded' : 'folder';
    const coverName = rng() < 0.7 ? 'cover.jpg' : 'folder.jpg';
    const hasGain = rng() >= 0.08;
    const tagged = rng() < 0.6; // looked up in MusicBrainz, i.e. has MB ids
    const albumComposer = pick(rng, composers);

    const tracks: ManifestTrack[] = [];
    const dirs: string[] = [];
    for (let d = 1; d <= discs; d++) {
      const dir = discs > 1 ? path.join(albumDir, `Disc ${d}`) : albumDir;
      dirs.push(dir);
      const total = perDisc[d - 1]!;
      for (let n = 1; n <= total; n++) {
        const title = trackTitle(rng);
        const artist = compilation
          ? pick(rng, artists)
          : rng() < 0.05
            ? `${albumArtist} feat. ${pick(rng, artists)}`
            : albumArtist;
        tracks.push({
          path: path.join(dir, `${String(n).padStart(2, '0')} - ${safeName(title)}.${format}`),
          format,
          title,
          artist,
          album,
          albumArtist,
          trackNo: n,
          trackTotal: total,
          discNo: d,
          discTotal: discs,
          year,
          genre,
          composer: rng() < 0.7 ? albumComposer : pick(rng, composers),
          compilation,
          coverSource,
          replayGain: null,
          mbTrackId: tagged ? uuid(rng) : null,
        });
      }
    }
    if (hasGain) addReplayGain(rng, tracks);
    written[format] += tracks.length;
    albums.push({
      index: albums.length,
      format,
      coverSource,
      coverFiles: coverSource === 'folder' ? dirs.map((d) => path.join(d, coverName)) : [],
      dirs,
      tracks,
    });
  }
  return albums;
}

function normaliseWeights(formats: Partial<Record<Format, number>>): [Format, number][] {
  const entries = Object.entries(formats).filter(([, w]) => w !== undefined && w > 0) as [Format, number][];
  const sum = entries.reduce((s, [, w]) => s + w, 0);
  if (sum <= 0) throw new Error('formats: at least one format needs a positive weight');
  return entries.map(([f, w]) => [f, w / sum]);
}

/** Albums are single-format; the format furthest behind its share gets the next album. */
function nextFormat(weights: [Format, number][], written: Record<Format, number>): Format {
  const total = Object.values(written).reduce((s, n) => s + n, 0) + 1;
  let best = weights[0]![0];
  let bestDeficit = -Infinity;
  for (const [format, share] of weights) {
    const deficit = share * total - written[format];
    if (deficit > bestDeficit) [best, bestDeficit] = [format, deficit];
  }
  return best;
}

function addReplayGain(rng: Rng, tracks: ManifestTrack[]): void {
  const gains = tracks.map(() => round(-12 + rng() * 14, 2));
  const peaks = tracks.map(() => round(0.5 + rng() * 0.5, 6));
  const albumGain = round(gains.reduce((s, g) => s + g, 0) / gains.length - 0.3, 2);
  const albumPeak = Math.max(...peaks);
  tracks.forEach((t, i) => {
    const rg: ReplayGain = { trackGain: gains[i]!, trackPeak: peaks[i]!, albumGain, albumPeak };
    t.replayGain = rg;
  });
}

function makeArtists(rng: Rng, count: number): string[] {
  const names = new Set<string>(N.SPECIAL_ARTISTS.slice(0, Math.min(count, N.SPECIAL_ARTISTS.length)));
  for (let attempt = 0; names.size < count; attempt++) {
    let name = artistName(rng);
    if (attempt > count * 4) name = `${name} ${attempt}`; // pools exhausted for huge libraries
    names.add(name);
  }
  // Shuffle so the specials are not all among the most prolific artists.
  const list = [...names];
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}

function artistName(rng: Rng): string {
  const r = rng();
  if (r < 0.3) return `The ${pick(rng, N.ADJECTIVES)} ${pick(rng, N.PLURALS)}`;
  if (r < 0.55) return personName(rng);
  if (r < 0.75) return `${pick(rng, N.ADJECTIVES)} ${pick(rng, N.NOUNS)}`;
  if (r < 0.85) return `${pick(rng, N.NOUNS)} of ${pick(rng, N.PLURALS)}`;
  if (r < 0.93) return `${personName(rng)} & the ${pick(rng, N.PLURALS)}`;
  return `${pick(rng, N.PLURALS)}`;
}

function personName(rng: Rng): string {
  return `${pick(rng, N.FIRST_NAMES)} ${pick(rng, N.LAST_NAMES)}`;
}

function albumTitle(rng: Rng): string {
  const r = rng();
  if (r < 0.08) return pick(rng, N.SPECIAL_ALBUMS);
  if (r < 0.4) return `${pick(rng, N.ADJECTIVES)} ${pick(rng, N.NOUNS)}`;
  if (r < 0.6) return `The ${pick(rng, N.NOUNS)} of ${pick(rng, N.NOUNS)}s`;
  if (r < 0.8) return pick(rng, N.NOUNS);
  return `${pick(rng, N.PLURALS)} in the ${pick(rng, N.NOUNS)}`;
}

function compilationTitle(rng: Rng, genre: string, year: number): string {
  const base = pick(rng, N.COMPILATION_TITLES);
  const r = rng();
  if (r < 0.4) return `${base} ${int(rng, 1, 40)}`;
  if (r < 0.7) return `${base}: ${genre} ${year}`;
  return `${base}, Vol. ${int(rng, 1, 9)}`;
}

function trackTitle(rng: Rng): string {
  const r = rng();
  let title: string;
  if (r < 0.2) title = pick(rng, N.TITLE_PHRASES);
  else if (r < 0.5) title = `${pick(rng, N.ADJECTIVES)} ${pick(rng, N.NOUNS)}`;
  else if (r < 0.7) title = `The ${pick(rng, N.NOUNS)}`;
  else if (r < 0.85) title = `${pick(rng, N.NOUNS)} of the ${pick(rng, N.NOUNS)}`;
  else title = `${pick(rng, N.NOUNS)}`;
  if (rng() < 0.08) title += pick(rng, N.TITLE_SUFFIXES);
  return title;
}

function uuid(rng: Rng): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rng() * 16).toString(16));
  hex[12] = '4';
  hex[16] = '89ab'[Math.floor(rng() * 4)]!;
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** What taggers do to names on the way to a path: no separators or Windows-reserved characters. */
export function safeName(name: string): string {
  const cleaned = name
    .replace(/[/\\:*?"<>|]/g, '_')
    .replace(/[. ]+$/, '')
    .trim();
  return cleaned.slice(0, 100) || '_';
}

/** Two albums may share artist, title and year; case-insensitive filesystems make "A" and "a" collide too. */
function uniqueDir(used: Set<string>, dir: string): string {
  let candidate = dir;
  for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${dir} [${n}]`;
  used.add(candidate.toLowerCase());
  return candidate;
}
