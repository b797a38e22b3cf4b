// Tempo from the onset envelope (the rise of the log mel bands from frame to frame): the lag of
// its strongest autocorrelation between 50 and 200 BPM, weighted towards 120 BPM as listeners
// hear it, and how clear that pulse is (the peak over the zero lag). A track's envelope comes in
// snippets: each is centred on its own mean and correlated only with itself, and the sums are
// pooled, so a cut between two snippets never counts as a beat.
import { SNIPPET_S } from './excerpt-plan.ts';

export interface Pulse {
  bpm: number;
  /** 0 (no periodicity) … 1 (a metronome). */
  clarity: number;
  /** Onset peaks per second. */
  onsetRate: number;
}

/** Each snippet's envelope less its own mean, and the pooled variance (0 for a flat envelope). */
function centre(onsets: readonly Float64Array[]): { centred: Float64Array[]; variance: number } {
  let squares = 0;
  let count = 0;
  const centred = onsets.map((onset) => {
    let mean = 0;
    for (const v of onset) mean += v;
    mean /= Math.max(1, onset.length);
    const out = onset.map((v) => v - mean);
    for (const v of out) squares += v * v;
    count += out.length;
    return out;
  });
  return { centred, variance: count > 0 ? squares / count : 0 };
}

/** The pooled autocorrelation at `lag` frames (per product), or null when no snippet is that long. */
function autocorrelation(centred: readonly Float64Array[], lag: number): number | null {
  let sum = 0;
  let pairs = 0;
  for (const c of centred) {
    for (let i = lag; i < c.length; i++) sum += c[i]! * c[i - lag]!;
    pairs += Math.max(0, c.length - lag);
  }
  return pairs > 0 ? sum / pairs : null;
}

export function pulseOf(onsets: readonly Float64Array[], frameRate: number): Pulse {
  const { centred, variance } = centre(onsets);
  const longest = Math.max(0, ...centred.map((c) => c.length));
  const minLag = Math.max(1, Math.floor((60 * frameRate) / 200));
  const maxLag = Math.min(longest - 1, Math.ceil((60 * frameRate) / 50));
  let bestLag = 0;
  let bestScore = -Infinity;
  let bestRaw = 0;
  for (let lag = minLag; lag <= maxLag; lag++) {
    const raw = autocorrelation(centred, lag) ?? 0;
    const bpm = (60 * frameRate) / lag;
    const prior = Math.exp(-0.5 * Math.log2(bpm / 120) ** 2);
    if (raw * prior > bestScore) {
      bestScore = raw * prior;
      bestLag = lag;
      bestRaw = raw;
    }
  }
  const clarity = variance > 0 && bestLag > 0 ? Math.max(0, bestRaw / variance) : 0;
  return {
    bpm: bestLag > 0 ? (60 * frameRate) / bestLag : 0,
    clarity,
    onsetRate: peaksPerSecond(centred, variance, frameRate),
  };
}

/** Local maxima standing one standard deviation above their snippet's mean. */
function peaksPerSecond(centred: readonly Float64Array[], variance: number, frameRate: number): number {
  const threshold = Math.sqrt(variance);
  let peaks = 0;
  let frames = 0;
  for (const c of centred) {
    frames += c.length;
    for (let i = 1; i < c.length - 1; i++) {
      const v = c[i]!;
      if (v > threshold && v >= c[i - 1]! && v > c[i + 1]!) peaks++;
    }
  }
  return frames >= 3 ? (peaks * frameRate) / frames : 0;
}

/**
 * The lags of the rhythm profile: log-spaced from 0.1 s (a fast sixteenth) to half a snippet
 * (about a beat), the longest a snippet still has half its frames to compare at.
 */
export const RHYTHM_LAGS = 12;
const SHORTEST_LAG_S = 0.1;
const LONGEST_LAG_S = SNIPPET_S / 2;

/** The rhythm profile's lag number j, in seconds. */
export const rhythmLagS = (j: number): number =>
  SHORTEST_LAG_S * (LONGEST_LAG_S / SHORTEST_LAG_S) ** (j / (RHYTHM_LAGS - 1));

/**
 * The onset envelope's autocorrelation at RHYTHM_LAGS lags, each over the envelope's variance
 * (1: the pattern repeats exactly after that long, 0: no relation). Unlike one tempo figure it
 * keeps the whole pattern of beats and bars, which stays the same from one section of a track to
 * another where timbre and loudness change (measured: docs/benchmarks.md). Lags longer than
 * every snippet are 0.
 */
export function rhythmProfile(onsets: readonly Float64Array[], frameRate: number): number[] {
  const { centred, variance } = centre(onsets);
  return Array.from({ length: RHYTHM_LAGS }, (_, j) => {
    const lag = Math.round(rhythmLagS(j) * frameRate);
    const value = variance > 0 ? autocorrelation(centred, lag) : null;
    return value === null ? 0 : value / variance;
  });
}
