// core/similarity/features: a track's audio as a vector of VECTOR_DIMS numbers (see layout.ts).
export { analyseExcerpt, analyseSnippets } from './analyse-excerpt.ts';
export {
  analyseFile,
  ANALYSIS_RATE,
  SNIPPET_S,
  SNIPPETS,
  type AnalysedVector,
  type AnalyseOptions,
} from './analyse-file.ts';
export type { ReadRange } from './byte-range.ts';
export { FEATURE_LAYOUT, FEATURE_VERSION, VECTOR_DIMS } from './layout.ts';
export { GROUP_WEIGHTS, standardisationStats, standardise, type StandardisationStats } from './standardise.ts';
