// Two tracks cut from one continuous tone at an exact sample: played back to back, they must
// sound like the tone never stopped.
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface SplitTone {
  first: string;
  second: string;
  sampleRate: number;
  splitAt: number;
}

const CODECS = {
  flac: ['-c:a', 'flac'],
  // LAME, with its header: the encoder delay and padding the player must trim.
  mp3: ['-c:a', 'libmp3lame', '-b:a', '256k'],
} as const;

export async function splitTone(
  dir: string,
  format: keyof typeof CODECS,
  options: { firstSeconds: number; secondSeconds: number; frequency: number; album: string },
): Promise<SplitTone> {
  const sampleRate = 44100;
  // Not on a whole second nor on an MP3 frame (1152 samples): the padding is never zero.
  const splitAt = Math.round(options.firstSeconds * sampleRate) + 17;
  const total = (options.firstSeconds + options.secondSeconds + 1).toFixed(3);
  // The uncut tone lives beside the music folder, not in it: it must not be scanned.
  const sources = join(dirname(dir), 'tone-sources');
  mkdirSync(sources, { recursive: true });
  const whole = join(sources, `tone-${format}-${options.album}.wav`);
  await run('ffmpeg', [
    ...['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi'],
    ...['-i', `sine=frequency=${options.frequency}:sample_rate=${sampleRate}:duration=${total}`],
    ...['-ac', '2', '-c:a', 'pcm_s16le', whole],
  ]);
  const end = splitAt + Math.round(options.secondSeconds * sampleRate);
  const parts = [
    { path: join(dir, options.album, `01 First half.${format}`), trim: `atrim=end_sample=${splitAt}`, n: '1' },
    {
      path: join(dir, options.album, `02 Second half.${format}`),
      trim: `atrim=start_sample=${splitAt}:end_sample=${end},asetpts=PTS-STARTPTS`,
      n: '2',
    },
  ];
  for (const part of parts) {
    mkdirSync(dirname(part.path), { recursive: true });
    await run('ffmpeg', [
      ...['-hide_banner', '-loglevel', 'error', '-y', '-i', whole, '-af', part.trim],
      ...CODECS[format],
      ...['-metadata', `title=${options.album} ${part.n}`, '-metadata', `album=${options.album}`],
      ...['-metadata', `track=${part.n}`, '-metadata', 'artist=Tone Generator'],
      ...(format === 'mp3' ? ['-id3v2_version', '3'] : []),
      part.path,
    ]);
  }
  return { first: parts[0]!.path, second: parts[1]!.path, sampleRate, splitAt };
}
