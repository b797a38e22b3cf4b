// The analyser the job runs: features/ (a vector from an excerpt of the audio), or in tests a
// module of the same shape named by the thread's start data.
export interface AnalysedVector {
  vector: Float32Array;
  excerptStartS: number;
  excerptS: number;
  cpuMs: number;
}

export interface Analyser {
  analyseFile(path: string, opts?: { signal?: AbortSignal; durationS?: number }): Promise<AnalysedVector>;
  /** Bumped when the features change: vectors of another version are analysed again. */
  FEATURE_VERSION: number;
  VECTOR_DIMS: number;
  /** How much each dimension weighs in a distance, after standardisation; absent: all alike. */
  GROUP_WEIGHTS?: ArrayLike<number>;
}

/** The vectors an analyser makes, as the nearest-neighbour search compares them. */
export function spaceOf(analyser: Analyser): { featureVersion: number; weights: number[] | null } {
  return {
    featureVersion: analyser.FEATURE_VERSION,
    weights: analyser.GROUP_WEIGHTS ? Array.from(analyser.GROUP_WEIGHTS) : null,
  };
}

export async function loadAnalyser(module?: string): Promise<Analyser> {
  // features/ is imported by a literal path so the bundle carries it; a test's stand-in is named.
  if (module === undefined) return (await import('./features/index.ts')) as Analyser;
  return (await import(/* @vite-ignore */ module)) as Analyser;
}
