// Which entry of the vector is what, in order: the one place the layout is written down.
// Change anything here or in how an entry is computed and bump FEATURE_VERSION, so vectors of
// the old layout are analysed again rather than compared with new ones.
// 4: Vorbis snippets no longer begin with the last page of the range before (vorbis-stream.ts).
export const FEATURE_VERSION = 4;

export const FEATURE_LAYOUT = [
  ['mfccMean', 12], // MFCC c1…c12 means (c0 is level)
  ['mfccStd', 13], // MFCC c0…c12 spreads
  ['centroid', 2], // spectral centroid mean, spread (kHz)
  ['rolloff', 2], // 85 % roll-off mean, spread (kHz)
  ['flatness', 2], // spectral flatness mean, spread
  ['flux', 2], // onset strength (log-mel rise) mean, spread
  ['zeroCrossings', 2], // zero-crossing rate mean, spread
  ['chroma', 12], // share of pitched energy per pitch class, C … B
  ['tempo', 3], // log2(BPM / 120), pulse clarity, onsets per second
  ['rhythm', 12], // onset autocorrelation at lags 0.1 s … half a snippet, log-spaced (tempo.ts)
  ['dynamics', 2], // loudness spread (dB), share of frames quieter than the mean
] as const satisfies readonly (readonly [string, number])[];

export const VECTOR_DIMS = FEATURE_LAYOUT.reduce((sum, [, size]) => sum + size, 0);

/** Where a named group starts in the vector. */
export function offsetOf(group: (typeof FEATURE_LAYOUT)[number][0]): number {
  let at = 0;
  for (const [name, size] of FEATURE_LAYOUT) {
    if (name === group) return at;
    at += size;
  }
  throw new Error(`no feature group ${group}`);
}
