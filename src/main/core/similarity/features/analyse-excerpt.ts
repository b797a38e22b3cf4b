// The feature vector of a stretch of mono PCM: timbre (MFCC means and spreads), spectral shape,
// harmony (chroma), noisiness, pulse, rhythm pattern and dynamics. Every entry ignores loudness: a louder copy
// of a signal gives the same vector (MFCC c0's mean, the one level-bound number, is left out).
import { addChroma, chromaMap } from './chroma.ts';
import { logMelOf, MEL_BANDS, melTables, MFCC_COUNT, mfccOf, type MelTables } from './mel.ts';
import { BINS, frameCount, HOP, PowerSpectrum } from './spectrum.ts';
import { pulseOf, rhythmProfile } from './tempo.ts';
import { Moments } from './moments.ts';
import { FEATURE_LAYOUT, VECTOR_DIMS } from './layout.ts';

/** Frames this far (60 dB) below the loudest are silence: they shape no average. */
const SILENCE_RATIO = 1e-6;

const tablesByRate = new Map<number, { mel: MelTables; chroma: Int8Array }>();
function tablesFor(sampleRate: number) {
  let tables = tablesByRate.get(sampleRate);
  if (!tables) {
    tables = { mel: melTables(sampleRate), chroma: chromaMap(sampleRate) };
    tablesByRate.set(sampleRate, tables);
  }
  return tables;
}

/** One stretch of PCM: the vector of a single excerpt. */
export function analyseExcerpt(pcm: Float32Array, sampleRate: number): Float32Array {
  return analyseSnippets([pcm], sampleRate);
}

/**
 * The vector of several snippets of one track, pooled: every frame of every snippet adds to the
 * same means and spreads, and the pulse and rhythm pattern are measured within each snippet and
 * pooled (never across the cut between two snippets, which would read as an onset).
 */
export function analyseSnippets(snippets: readonly Float32Array[], sampleRate: number): Float32Array {
  const vector = new Float32Array(VECTOR_DIMS);
  const usable = snippets.filter((pcm) => frameCount(pcm.length) >= 2);
  if (usable.length === 0) return vector;
  const { mel, chroma: chromaBins } = tablesFor(sampleRate);
  const spectrum = new PowerSpectrum();

  // Pass 1: frame energies, to know which frames are silence relative to the loudest of the track's snippets.
  const energies = usable.map(frameEnergies);
  let loudest = 0;
  for (const energy of energies) for (const e of energy) if (e > loudest) loudest = e;
  if (loudest === 0) return vector;
  const floor = loudest * SILENCE_RATIO;

  const mfcc = Array.from({ length: MFCC_COUNT }, () => new Moments());
  const centroid = new Moments();
  const rolloff = new Moments();
  const flatness = new Moments();
  const flux = new Moments();
  const zcr = new Moments();
  const loudness = new Moments();
  const chromaSum = new Float64Array(12);
  const chromaFrame = new Float64Array(12);
  const logMel = new Float64Array(MEL_BANDS);
  const previousLogMel = new Float64Array(MEL_BANDS);
  const cepstrum = new Float64Array(MFCC_COUNT);
  const onsets: Float64Array[] = [];
  const binHz = sampleRate / ((BINS - 1) * 2);
  let voiced = 0;
  let pitched = 0;

  for (const [s, pcm] of usable.entries()) {
    const energy = energies[s]!;
    const onset = new Float64Array(energy.length);
    onsets.push(onset);
    for (let f = 0; f < energy.length; f++) {
      const power = spectrum.of(pcm, f * HOP);
      logMelOf(power, mel, logMel);
      if (f > 0) {
        let rise = 0;
        for (let b = 0; b < MEL_BANDS; b++) rise += Math.max(0, logMel[b]! - previousLogMel[b]!);
        onset[f] = rise / MEL_BANDS;
      }
      previousLogMel.set(logMel);
      if (energy[f]! < floor) continue;
      voiced++;
      loudness.add(10 * Math.log10(energy[f]! / loudest));
      mfccOf(logMel, mel, cepstrum);
      for (let n = 0; n < MFCC_COUNT; n++) mfcc[n]!.add(cepstrum[n]!);
      // A snippet's first frame has no frame before it to rise from.
      if (f > 0) flux.add(onset[f]!);
      addSpectralShape(power, binHz, centroid, rolloff);
      flatness.add(bandFlatness(logMel));
      if (addChroma(power, chromaBins, chromaFrame, chromaSum)) pitched++;
      zcr.add(zeroCrossings(pcm, f * HOP, HOP * 2));
    }
  }
  if (voiced === 0) return vector;

  const pulse = pulseOf(onsets, sampleRate / HOP);
  const values: Record<string, number | readonly number[]> = {
    mfccMean: mfcc.slice(1).map((m) => m.mean),
    mfccStd: mfcc.map((m) => m.std),
    centroid: [centroid.mean, centroid.std],
    rolloff: [rolloff.mean, rolloff.std],
    flatness: [flatness.mean, flatness.std],
    flux: [flux.mean, flux.std],
    zeroCrossings: [zcr.mean, zcr.std],
    chroma: Array.from(chromaSum, (c) => (pitched > 0 ? c / pitched : 0)),
    tempo: [Math.log2(Math.max(pulse.bpm, 1) / 120), pulse.clarity, pulse.onsetRate],
    rhythm: rhythmProfile(onsets, sampleRate / HOP),
    dynamics: [loudness.std, loudness.fractionBelow(loudness.mean)],
  };
  let at = 0;
  for (const [name, size] of FEATURE_LAYOUT) {
    const value = values[name]!;
    const list = typeof value === 'number' ? [value] : value;
    for (let i = 0; i < size; i++) vector[at++] = list[i] ?? 0;
  }
  return vector;
}

function frameEnergies(pcm: Float32Array): Float64Array {
  const energy = new Float64Array(frameCount(pcm.length));
  for (let f = 0; f < energy.length; f++) {
    let sum = 0;
    for (let i = f * HOP, end = i + HOP * 2; i < end; i++) sum += pcm[i]! * pcm[i]!;
    energy[f] = sum;
  }
  return energy;
}

function addSpectralShape(power: Float64Array, binHz: number, centroid: Moments, rolloff: Moments) {
  let total = 0;
  let weighted = 0;
  for (let k = 1; k < power.length; k++) {
    const p = power[k]!;
    total += p;
    weighted += k * p;
  }
  if (total <= 0) return;
  centroid.add(((weighted / total) * binHz) / 1000);
  let running = 0;
  let k = 1;
  for (; k < power.length; k++) {
    running += power[k]!;
    if (running >= 0.85 * total) break;
  }
  rolloff.add((k * binHz) / 1000);
}

/**
 * Geometric over arithmetic mean of the mel bands (floored, see logMelOf): 1 for noise, near 0
 * for a few tones. Over 40 bands rather than 512 bins, which costs 40 logarithms a frame, not 512.
 */
function bandFlatness(logMel: Float64Array): number {
  let logSum = 0;
  let sum = 0;
  for (let b = 0; b < logMel.length; b++) {
    logSum += logMel[b]!;
    sum += Math.exp(logMel[b]!);
  }
  return Math.exp(logSum / logMel.length) / (sum / logMel.length);
}

function zeroCrossings(pcm: Float32Array, start: number, length: number): number {
  let crossings = 0;
  const end = Math.min(pcm.length, start + length);
  for (let i = start + 1; i < end; i++) if (pcm[i - 1]! < 0 !== pcm[i]! < 0) crossings++;
  return crossings / Math.max(1, end - start - 1);
}
