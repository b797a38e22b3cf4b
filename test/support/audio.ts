// Real audio files for tests, made by ffmpeg with exactly the tags a test asks for.
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const hasFfmpeg = (() => {
  try {
    execFileSync('ffmpeg', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

export type Format = 'mp3' | 'flac' | 'm4a' | 'ogg' | 'opus' | 'wav';
/** Formats Chromium does not decode: the media handler transcodes them. */
export type ForeignFormat = 'wma' | 'wv' | 'aiff';

export interface FixtureTags {
  title?: string;
  artist?: string;
  album?: string;
  albumArtist?: string;
  track?: string;
  disc?: string;
  date?: string;
  genre?: string;
  composer?: string;
}

const CODEC: Record<Format | ForeignFormat, string[]> = {
  mp3: ['-c:a', 'libmp3lame', '-b:a', '128k'],
  flac: ['-c:a', 'flac'],
  m4a: ['-c:a', 'aac', '-b:a', '96k'],
  ogg: ['-c:a', 'libvorbis', '-q:a', '2'],
  opus: ['-c:a', 'libopus', '-b:a', '64k'],
  wav: ['-c:a', 'pcm_s16le'],
  wma: ['-c:a', 'wmav2', '-b:a', '128k'],
  wv: ['-c:a', 'wavpack'],
  aiff: ['-c:a', 'pcm_s16be'],
};

const TAG_KEYS: Record<keyof FixtureTags, string> = {
  title: 'title',
  artist: 'artist',
  album: 'album',
  albumArtist: 'album_artist',
  track: 'track',
  disc: 'disc',
  date: 'date',
  genre: 'genre',
  composer: 'composer',
};

/** A sine tone of `seconds` (at `frequency` Hz) encoded as `format`, tagged with `tags`. */
export async function makeAudioFile(
  path: string,
  format: Format | ForeignFormat,
  tags: FixtureTags = {},
  seconds = 2,
  frequency = 440,
): Promise<string> {
  const metadata = Object.entries(tags).flatMap(([key, value]) => [
    '-metadata',
    `${TAG_KEYS[key as keyof FixtureTags]}=${value}`,
  ]);
  const sampleRate = format === 'opus' ? '48000' : '44100';
  return encodeSource(path, format, `sine=frequency=${frequency}:sample_rate=${sampleRate}:duration=${seconds}`, [
    '-ac',
    '2',
    ...metadata,
    ...(format === 'mp3' ? ['-id3v2_version', '3'] : []),
  ]);
}

/** Any lavfi source (`sine=…`, `aevalsrc=…`) encoded as `format` with the fixtures' codec settings. */
export async function encodeSource(
  path: string,
  format: Format | ForeignFormat,
  source: string,
  args: string[] = [],
): Promise<string> {
  mkdirSync(dirname(path), { recursive: true });
  await run('ffmpeg', [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    source,
    ...CODEC[format],
    ...args,
    path,
  ]);
  return path;
}
