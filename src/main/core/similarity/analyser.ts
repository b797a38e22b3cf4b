// The analyser the job runs: features/ (a vector from an excerpt of the audio), or in tests a
// module of the same shape named by the thread's start data.
export interface AnalysedVector {
  vector: Float32Array;
  excerptStartS: number;
  excerptS: number;
  cpuMs: number;
}

export interface Analyser {
  analyseFile(path: string, opts?: { signal?: AbortSignal }): Promise<AnalysedVector>;
  /** Bumped when the features change: vectors of another version are analysed again. */
  FEATURE_VERSION: number;
  VECTOR_DIMS: number;
}

// MERGE: features/ lands with helper S1's branch; at merge this becomes a static import
// (`await import('./features/index.ts')`), so the bundle carries it.
const FEATURES_MODULE = './features/index.ts';

export async function loadAnalyser(module?: string): Promise<Analyser> {
  return (await import(/* @vite-ignore */ module ?? FEATURES_MODULE)) as Analyser;
}
