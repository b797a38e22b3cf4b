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

/**
 * The space alone, without loading the decoders: what the serving process needs to compare
 * vectors (a test's stand-in analyser is light, so it is loaded whole).
 */
export async function loadSpace(module?: string): Promise<{ featureVersion: number; weights: number[] | null }> {
  if (module !== undefined) return spaceOf(await loadAnalyser(module));
  const [{ FEATURE_VERSION }, { GROUP_WEIGHTS }] = await Promise.all([
    import('./features/layout.ts'),
    import('./features/standardise.ts'),
  ]);
  return { featureVersion: FEATURE_VERSION, weights: Array.from(GROUP_WEIGHTS) };
}

export async function loadAnalyser(module?: string): Promise<Analyser> {
  // features/ is imported by a literal path so the bundle carries it; a test's stand-in is named.
  if (module === undefined) return (await import('./features/index.ts')) as Analyser;
  return (await import(/* @vite-ignore */ module)) as Analyser;
}
