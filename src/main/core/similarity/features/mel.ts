// Mel bands and cepstra: triangular filters over the power spectrum, then a DCT-II of their logs
// (the MFCCs). Tables are built once per sample rate and reused by every frame.
import { BINS, FRAME_SIZE } from './spectrum.ts';

export const MEL_BANDS = 40;
export const MFCC_COUNT = 13;
const FLOOR = 1e-5;

const hzToMel = (hz: number): number => 2595 * Math.log10(1 + hz / 700);
const melToHz = (mel: number): number => 700 * (10 ** (mel / 2595) - 1);

export interface MelTables {
  /** For each band: its first bin and the weights from there. */
  filters: { first: number; weights: Float64Array }[];
  /** MFCC_COUNT rows of MEL_BANDS cosines. */
  dct: Float64Array[];
}

export function melTables(sampleRate: number): MelTables {
  const top = hzToMel(sampleRate / 2);
  const edges = Array.from({ length: MEL_BANDS + 2 }, (_, i) => melToHz((top * i) / (MEL_BANDS + 1)));
  const binHz = sampleRate / FRAME_SIZE;
  const filters = [];
  for (let band = 0; band < MEL_BANDS; band++) {
    const [low, centre, high] = [edges[band]!, edges[band + 1]!, edges[band + 2]!];
    const first = Math.max(0, Math.floor(low / binHz));
    const last = Math.min(BINS - 1, Math.ceil(high / binHz));
    const weights = new Float64Array(last - first + 1);
    for (let k = first; k <= last; k++) {
      const hz = k * binHz;
      const w = hz <= centre ? (hz - low) / (centre - low) : (high - hz) / (high - centre);
      weights[k - first] = Math.max(0, w);
    }
    filters.push({ first, weights });
  }
  const dct = Array.from({ length: MFCC_COUNT }, (_, n) =>
    new Float64Array(MEL_BANDS).map((_, b) => Math.cos((Math.PI * n * (b + 0.5)) / MEL_BANDS)),
  );
  return { filters, dct };
}

/**
 * Writes the log mel energies of one power spectrum into `logMel`. Bands more than 50 dB below
 * the frame's total sit on that floor: how a codec fills near-silent bands (zeros from FLAC,
 * quantisation noise from MP3) says nothing about the music, and the floor, being relative,
 * keeps the loudness out.
 */
export function logMelOf(power: Float64Array, tables: MelTables, logMel: Float64Array): void {
  let total = 0;
  for (let band = 0; band < MEL_BANDS; band++) {
    const { first, weights } = tables.filters[band]!;
    let sum = 0;
    for (let i = 0; i < weights.length; i++) sum += weights[i]! * power[first + i]!;
    logMel[band] = sum;
    total += sum;
  }
  const floor = total * FLOOR + 1e-20;
  for (let band = 0; band < MEL_BANDS; band++) logMel[band] = Math.log(logMel[band]! + floor);
}

export function mfccOf(logMel: Float64Array, tables: MelTables, mfcc: Float64Array): void {
  for (let n = 0; n < MFCC_COUNT; n++) {
    const row = tables.dct[n]!;
    let sum = 0;
    for (let b = 0; b < MEL_BANDS; b++) sum += row[b]! * logMel[b]!;
    mfcc[n] = sum / MEL_BANDS;
  }
}
