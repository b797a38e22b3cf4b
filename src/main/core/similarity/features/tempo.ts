// Tempo from the onset envelope (the rise of the log mel bands from frame to frame): the lag of
// its strongest autocorrelation between 50 and 200 BPM, weighted towards 120 BPM as listeners
// hear it, and how clear that pulse is (the peak over the zero lag).

export interface Pulse {
  bpm: number;
  /** 0 (no periodicity) … 1 (a metronome). */
  clarity: number;
  /** Onset peaks per second. */
  onsetRate: number;
}

export function pulseOf(onset: Float64Array, frameRate: number): Pulse {
  const n = onset.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += onset[i]!;
  mean /= Math.max(1, n);
  const centred = onset.map((v) => v - mean);
  let zero = 0;
  for (let i = 0; i < n; i++) zero += centred[i]! * centred[i]!;
  const minLag = Math.max(1, Math.floor((60 * frameRate) / 200));
  const maxLag = Math.min(n - 1, Math.ceil((60 * frameRate) / 50));
  let bestLag = 0;
  let bestScore = -Infinity;
  let bestRaw = 0;
  for (let lag = minLag; lag <= maxLag; lag++) {
    let sum = 0;
    for (let i = lag; i < n; i++) sum += centred[i]! * centred[i - lag]!;
    const raw = sum / (n - lag);
    const bpm = (60 * frameRate) / lag;
    const prior = Math.exp(-0.5 * Math.log2(bpm / 120) ** 2);
    if (raw * prior > bestScore) {
      bestScore = raw * prior;
      bestLag = lag;
      bestRaw = raw;
    }
  }
  const clarity = zero > 0 && bestLag > 0 ? Math.max(0, bestRaw / (zero / n)) : 0;
  return { bpm: bestLag > 0 ? (60 * frameRate) / bestLag : 0, clarity, onsetRate: peaksPerSecond(centred, frameRate) };
}

/** Local maxima standing one standard deviation above the mean. */
function peaksPerSecond(centred: Float64Array, frameRate: number): number {
  const n = centred.length;
  if (n < 3) return 0;
  let variance = 0;
  for (let i = 0; i < n; i++) variance += centred[i]! * centred[i]!;
  const threshold = Math.sqrt(variance / n);
  let peaks = 0;
  for (let i = 1; i < n - 1; i++) {
    const v = centred[i]!;
    if (v > threshold && v >= centred[i - 1]! && v > centred[i + 1]!) peaks++;
  }
  return (peaks * frameRate) / n;
}

/** The lags of the rhythm profile: log-spaced from 0.1 s (a fast sixteenth) to 4 s (a slow bar). */
export const RHYTHM_LAGS = 12;
const SHORTEST_LAG_S = 0.1;
const LONGEST_LAG_S = 4;

/**
 * The onset envelope's autocorrelation at RHYTHM_LAGS lags, each over the envelope's variance
 * (1: the pattern repeats exactly after that long, 0: no relation). Unlike one tempo figure it
 * keeps the whole pattern of beats and bars, which stays the same from one section of a track to
 * another where timbre and loudness change (measured: docs/benchmarks.md). Lags longer than
 * the excerpt are 0.
 */
export function rhythmProfile(onset: Float64Array, frameRate: number): number[] {
  const n = onset.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += onset[i]!;
  mean /= Math.max(1, n);
  let variance = 0;
  for (let i = 0; i < n; i++) variance += (onset[i]! - mean) ** 2;
  variance /= Math.max(1, n);
  return Array.from({ length: RHYTHM_LAGS }, (_, j) => {
    const seconds = SHORTEST_LAG_S * (LONGEST_LAG_S / SHORTEST_LAG_S) ** (j / (RHYTHM_LAGS - 1));
    const lag = Math.round(seconds * frameRate);
    if (lag >= n || variance <= 0) return 0;
    let sum = 0;
    for (let i = lag; i < n; i++) sum += (onset[i]! - mean) * (onset[i - lag]! - mean);
    return sum / (n - lag) / variance;
  });
}
