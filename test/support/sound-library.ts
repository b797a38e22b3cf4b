// A small library whose tracks sound different from one another (tones at many pitches, with
// and without tremolo, and noise of several colours and filters), tagged so that each track
// has an artist of its own: what the similarity index needs to tell tracks apart.
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const NOISE = ['white', 'pink', 'brown', 'blue', 'violet'] as const;
/** One album per kind of sound. */
export const SOUND_ALBUMS = ['Pure Tones', 'Plain Noise', 'Tremolo Tones', 'Filtered Noise'] as const;

export interface SoundTrack {
  title: string;
  artist: string;
  genre: 'Tones' | 'Noise';
  album: string;
  path: string;
}

/** The lavfi source and filter of track `i`: four kinds in turn, each varied by `i`. */
function sourceOf(i: number, seconds: number): { input: string; filter: string; genre: SoundTrack['genre'] } {
  const pitch = Math.round(110 * 2 ** (i / 7));
  const colour = NOISE[i % NOISE.length];
  switch (i % 4) {
    case 0:
      return { input: `sine=frequency=${pitch}:duration=${seconds}`, filter: 'anull', genre: 'Tones' };
    case 1:
      return {
        input: `anoisesrc=color=${colour}:amplitude=0.4:duration=${seconds}:seed=${i}`,
        filter: 'anull',
        genre: 'Noise',
      };
    case 2:
      return {
        input: `sine=frequency=${pitch}:duration=${seconds}`,
        filter: `tremolo=f=${2 + (i % 9)}:d=0.9`,
        genre: 'Tones',
      };
    default:
      return {
        input: `anoisesrc=color=${colour}:amplitude=0.5:duration=${seconds}:seed=${i}`,
        filter: `lowpass=f=${300 + i * 150}`,
        genre: 'Noise',
      };
  }
}

export async function soundLibrary(dir: string, count: number, seconds = 3): Promise<SoundTrack[]> {
  mkdirSync(dir, { recursive: true });
  const tracks = Array.from({ length: count }, (_, i): SoundTrack & { i: number } => {
    const n = String(i + 1).padStart(2, '0');
    return {
      i,
      title: `Sound ${n}`,
      artist: `Artist ${n}`,
      genre: sourceOf(i, seconds).genre,
      album: SOUND_ALBUMS[i % 4]!,
      path: join(dir, `${n}.mp3`),
    };
  });
  // A few ffmpegs at a time: the machine is shared.
  for (let at = 0; at < tracks.length; at += 4) {
    await Promise.all(
      tracks.slice(at, at + 4).map((track) => {
        const { input, filter } = sourceOf(track.i, seconds);
        return run('ffmpeg', [
          ...['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', `${input}:sample_rate=44100`],
          ...['-af', filter, '-ac', '2', '-c:a', 'libmp3lame', '-b:a', '128k', '-id3v2_version', '3'],
          ...['-metadata', `title=${track.title}`, '-metadata', `artist=${track.artist}`],
          ...[
            '-metadata',
            `album=${track.album}`,
            '-metadata',
            'album_artist=Sound Makers',
            '-metadata',
            `genre=${track.genre}`,
            '-metadata',
            `track=${track.i + 1}`,
          ],
          track.path,
        ]);
      }),
    );
  }
  return tracks.map(({ i: _, ...track }) => track);
}
