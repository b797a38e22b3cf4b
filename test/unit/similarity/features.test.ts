import { describe, expect, it } from 'vitest';
import {
  analyseExcerpt,
  analyseSnippets,
  FEATURE_LAYOUT,
  GROUP_WEIGHTS,
  standardisationStats,
  standardise,
  VECTOR_DIMS,
} from '../../../src/main/core/similarity/features/index.ts';
import { offsetOf } from '../../../src/main/core/similarity/features/layout.ts';
import { resample } from '../../../src/main/core/similarity/features/resample.ts';
import { rhythmLagS, RHYTHM_LAGS } from '../../../src/main/core/similarity/features/tempo.ts';

const RATE = 22050;

/** A deterministic pseudo-random generator, so the noise is the same on every run. */
function noise(seconds: number, seed: number, gain = 0.3): Float32Array {
  let state = seed;
  return new Float32Array(seconds * RATE).map(() => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return (state / 2 ** 32 - 0.5) * 2 * gain;
  });
}

const tone = (seconds: number, hz: number, gain = 0.3): Float32Array =>
  new Float32Array(seconds * RATE).map((_, i) => gain * Math.sin((2 * Math.PI * hz * i) / RATE));

/** Clicks (short decaying bursts of noise) `bpm` times a minute over quiet noise. */
function clicks(seconds: number, bpm: number): Float32Array {
  const pcm = noise(seconds, 7, 0.01);
  const burst = noise(1, 11, 0.8);
  const every = Math.round((60 / bpm) * RATE);
  for (let start = 0; start < pcm.length; start += every) {
    for (let i = 0; i < 400 && start + i < pcm.length; i++) pcm[start + i] = burst[i]! * Math.exp(-i / 80);
  }
  return pcm;
}

/** The frames of the rhythm profile's lag j, rounded to 512-sample frames. */
const framesAt = (j: number) => Math.round((rhythmLagS(j) * RATE) / 512);

const entry = (vector: Float32Array, group: Parameters<typeof offsetOf>[0], index = 0) =>
  vector[offsetOf(group) + index]!;
const chromaOf = (vector: Float32Array) => Array.from(vector.subarray(offsetOf('chroma'), offsetOf('chroma') + 12));
const distance = (a: Float32Array, b: Float32Array) => Math.hypot(...a.map((x, d) => x - b[d]!));

describe('analyseExcerpt', () => {
  it('gives VECTOR_DIMS finite numbers laid out as FEATURE_LAYOUT says', () => {
    const vector = analyseExcerpt(noise(5, 1), RATE);
    expect(vector).toHaveLength(VECTOR_DIMS);
    expect(FEATURE_LAYOUT.reduce((sum, [, size]) => sum + size, 0)).toBe(VECTOR_DIMS);
    expect(VECTOR_DIMS).toBeGreaterThanOrEqual(40);
    // The index holds 250k of them in ≤ 100 MB and searches them in ≤ 10 ms: 64 × 4 bytes × 250k = 64 MB.
    expect(VECTOR_DIMS).toBeLessThanOrEqual(64);
    expect(vector.every(Number.isFinite)).toBe(true);
  });

  it('puts the chroma peak of a 440 Hz sine at A, and of 523 Hz at C', () => {
    const a = chromaOf(analyseExcerpt(tone(5, 440), RATE));
    expect(a.indexOf(Math.max(...a))).toBe(9);
    expect(a[9]).toBeGreaterThan(0.8);
    const c = chromaOf(analyseExcerpt(tone(5, 523.25), RATE));
    expect(c.indexOf(Math.max(...c))).toBe(0);
  });

  it('gives a louder copy of a signal the same vector', () => {
    const quiet = noise(5, 3, 0.05).map((x, i) => x + 0.05 * Math.sin(i / 10));
    const loud = quiet.map((x) => x * 8);
    const a = analyseExcerpt(quiet, RATE);
    const b = analyseExcerpt(loud, RATE);
    for (let d = 0; d < VECTOR_DIMS; d++) expect(b[d]).toBeCloseTo(a[d]!, 3);
  });

  it('puts two excerpts of noise close together and far from two of a tone', () => {
    const noiseA = noise(10, 1);
    const noiseB = noise(10, 2);
    // Two excerpts of one tone over faint noise of different seeds.
    const withHiss = (seed: number) => {
      const hiss = noise(10, seed, 0.003);
      return tone(10, 440).map((x, i) => x + hiss[i]!);
    };
    const toneA = withHiss(5);
    const toneB = withHiss(6);
    // The rest of a small "library", so the standardisation sees more than these four. A library
    // of music has rhythm at every lag of the rhythm profile: click tracks repeating at each lag
    // stand in for it. Without them the profile's spread would be that of steady signals alone,
    // estimation noise, and standardising would blow the noise up.
    const onLag = (j: number) => clicks(10, (60 * RATE) / (framesAt(j) * 512));
    const rhythmic = Array.from({ length: RHYTHM_LAGS }, (_, j) => onLag(j));
    const others = [tone(10, 300), tone(10, 660), clicks(10, 100), clicks(10, 140), noise(10, 4, 0.05), ...rhythmic];
    const vectors = [noiseA, noiseB, toneA, toneB, ...others].map((pcm) => analyseExcerpt(pcm, RATE));
    const stats = standardisationStats(vectors);
    const [a, b, c, d] = vectors.map((v) => standardise(v, stats)) as Float32Array[];
    expect(distance(a!, b!) * 3).toBeLessThan(distance(a!, c!));
    expect(distance(c!, d!) * 3).toBeLessThan(distance(b!, d!));
  });

  it('hears the tempo of a click track', () => {
    for (const bpm of [90, 120, 150]) {
      const vector = analyseExcerpt(clicks(20, bpm), RATE);
      const heard = 120 * 2 ** entry(vector, 'tempo', 0);
      expect(Math.abs(heard - bpm) / bpm).toBeLessThan(0.05);
      expect(entry(vector, 'tempo', 1)).toBeGreaterThan(0.5);
    }
  });

  it('finds the period of a click track in its rhythm profile, and not between the clicks', () => {
    // Clicks framesAt(5) frames apart repeat exactly at lag 5; lags 4 and 6 fall between clicks.
    const bpm = (60 * RATE) / (framesAt(5) * 512);
    expect(framesAt(6) % framesAt(5)).not.toBe(0);
    const vector = analyseExcerpt(clicks(20, bpm), RATE);
    expect(entry(vector, 'rhythm', 5)).toBeGreaterThan(0.5);
    expect(entry(vector, 'rhythm', 4)).toBeLessThan(0.2);
    expect(entry(vector, 'rhythm', 6)).toBeLessThan(0.2);
  });

  it('tells bright noise from dark noise by its spectral centroid', () => {
    const white = noise(5, 5);
    const dark = new Float32Array(white.length);
    for (let i = 1; i < white.length; i++) dark[i] = 0.95 * dark[i - 1]! + 0.05 * white[i]!;
    expect(entry(analyseExcerpt(white, RATE), 'centroid')).toBeGreaterThan(
      4 * entry(analyseExcerpt(dark, RATE), 'centroid'),
    );
  });

  it('answers zeros for silence and for less than two frames', () => {
    expect(Array.from(analyseExcerpt(new Float32Array(RATE), RATE)).every((x) => x === 0)).toBe(true);
    expect(Array.from(analyseExcerpt(noise(1, 1).subarray(0, 1000), RATE)).every((x) => x === 0)).toBe(true);
  });
});

describe('analyseSnippets', () => {
  /** `pcm` cut into `count` snippets of `seconds`, evenly spread, as a track's snippets are. */
  const snippetsOf = (pcm: Float32Array, count: number, seconds: number) => {
    const every = Math.floor(pcm.length / count);
    return Array.from({ length: count }, (_, i) => pcm.subarray(i * every, i * every + seconds * RATE));
  };

  it('pools snippets of a steady sound into the vector one long excerpt of it gives', () => {
    const hiss = noise(20, 9, 0.02);
    const hum = tone(20, 330).map((x, i) => x + hiss[i]!);
    const whole = analyseExcerpt(hum, RATE);
    const pooled = analyseSnippets(snippetsOf(hum, 8, 1.25), RATE);
    for (const group of ['mfccMean', 'centroid', 'chroma'] as const) {
      expect(entry(pooled, group)).toBeCloseTo(entry(whole, group), 1);
    }
    expect(chromaOf(pooled).indexOf(Math.max(...chromaOf(pooled)))).toBe(4);
  });

  it('hears every snippet: the chroma of snippets of two tones holds both', () => {
    const chroma = chromaOf(analyseSnippets([tone(2, 440), tone(2, 523.25), tone(2, 440), tone(2, 523.25)], RATE));
    expect(chroma[9]).toBeGreaterThan(0.35);
    expect(chroma[0]).toBeGreaterThan(0.35);
  });

  it('takes no cut between two snippets for an onset', () => {
    // Four different steady tones: joined into one excerpt, each join is a sudden change.
    const tones = [220, 330, 495, 660].map((hz) => tone(2, hz));
    const joined = new Float32Array(tones.reduce((sum, t) => sum + t.length, 0));
    tones.reduce((at, t) => (joined.set(t, at), at + t.length), 0);
    const apart = analyseSnippets(tones, RATE);
    expect(entry(apart, 'flux', 1)).toBeLessThan(entry(analyseExcerpt(joined, RATE), 'flux', 1) / 2);
  });

  it("finds a click track's period in short snippets of it", () => {
    const bpm = (60 * RATE) / (framesAt(5) * 512);
    const vector = analyseSnippets(snippetsOf(clicks(40, bpm), 16, 1.25), RATE);
    expect(entry(vector, 'rhythm', 5)).toBeGreaterThan(0.5);
    expect(entry(vector, 'rhythm', 4)).toBeLessThan(0.2);
    const heard = 120 * 2 ** entry(vector, 'tempo', 0);
    // Clicks at 258 a minute are heard at half that, within the 50–200 BPM the pulse is looked for.
    expect(Math.abs(bpm / heard - 2)).toBeLessThan(0.1);
  });

  it('answers zeros for no snippets, silent ones, and ones under two frames', () => {
    expect(Array.from(analyseSnippets([], RATE)).every((x) => x === 0)).toBe(true);
    const silent = [new Float32Array(RATE), noise(1, 1).subarray(0, 1000)];
    expect(Array.from(analyseSnippets(silent, RATE)).every((x) => x === 0)).toBe(true);
  });
});

describe('standardisation', () => {
  it('centres and scales each dimension, leaving constant ones unscaled, then weighs it', () => {
    const vectors = [0, 1, 2, 3].map((i) => new Float32Array(VECTOR_DIMS).map((_, d) => (d === 0 ? 5 : i * (d + 1))));
    const stats = standardisationStats(vectors);
    expect(stats.count).toBe(4);
    expect(stats.mean[0]).toBe(5);
    expect(stats.std[0]).toBe(1);
    const out = vectors.map((v) => standardise(v, stats));
    for (let d = 1; d < VECTOR_DIMS; d++) {
      const values = out.map((v) => v[d]!);
      expect(values.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 4);
    }
    // Weighted: one positive weight a dimension, applied after scaling.
    expect(GROUP_WEIGHTS).toHaveLength(VECTOR_DIMS);
    expect(Array.from(GROUP_WEIGHTS).every((w) => w > 0 && Number.isFinite(w))).toBe(true);
    const d = offsetOf('rhythm');
    const scaled = (vectors[3]![d]! - stats.mean[d]!) / stats.std[d]!;
    expect(out[3]![d]).toBeCloseTo(scaled * GROUP_WEIGHTS[d]!, 4);
  });
});

describe('resample', () => {
  it('halves 44.1 kHz to 22.05 kHz keeping the pitch', () => {
    const input = new Float32Array(44100).map((_, i) => Math.sin((2 * Math.PI * 1000 * i) / 44100));
    const out = resample(input, 44100, RATE);
    expect(out).toHaveLength(RATE);
    let crossings = 0;
    for (let i = 1; i < out.length; i++) if (out[i - 1]! < 0 !== out[i]! < 0) crossings++;
    expect(Math.abs(crossings - 2000)).toBeLessThan(5);
  });

  it('resamples 48 kHz by a non-integer ratio', () => {
    const input = new Float32Array(48000).map((_, i) => Math.sin((2 * Math.PI * 440 * i) / 48000));
    const out = resample(input, 48000, RATE);
    expect(out.length).toBe(Math.floor(48000 / (48000 / RATE)));
    const chroma = chromaOf(analyseExcerpt(out, RATE));
    expect(chroma.indexOf(Math.max(...chroma))).toBe(9);
  });
});
