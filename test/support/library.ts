// A small tagged library of real audio files, made by the bench generator (ffmpeg templates
// plus tags written in code), for tests that need many files quickly.
import { generateLibrary, type Manifest } from '../../bench/library/generate.ts';

export async function smallLibrary(dir: string, tracks: number, seed = 7): Promise<Manifest> {
  return generateLibrary({ dir, tracks, seed, durationS: 1 });
}
