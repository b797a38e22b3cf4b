// The tone analyser of tone-analyser.ts under the next feature version: what a release that
// changes the features looks like to a catalog analysed by the one before.
export { analyseFile, VECTOR_DIMS } from './tone-analyser.ts';

export const FEATURE_VERSION = 2;
