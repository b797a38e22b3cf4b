// Chroma: each bin from 200 Hz to 5 kHz adds its power to its pitch class (C = 0 … B = 11);
// a frame's chroma is normalised to sum 1, so loudness does not matter, only the balance.
import { BINS, FRAME_SIZE } from './spectrum.ts';

// Below ~200 Hz a bin (21.5 Hz) spans several semitones: those bins blur the classes (measured: bench/similar).
const LOWEST_HZ = 200;
const HIGHEST_HZ = 5000;

/** The pitch class of each bin, or -1 for bins outside the range. */
export function chromaMap(sampleRate: number): Int8Array {
  const map = new Int8Array(BINS).fill(-1);
  for (let k = 1; k < BINS; k++) {
    const hz = (k * sampleRate) / FRAME_SIZE;
    if (hz < LOWEST_HZ || hz > HIGHEST_HZ) continue;
    // A4 = 440 Hz is pitch class 9 (A) counting from C.
    const semitone = Math.round(12 * Math.log2(hz / 440)) + 9;
    map[k] = ((semitone % 12) + 12) % 12;
  }
  return map;
}

/** Adds this frame's normalised chroma to `sum` (12 entries); false for a frame with no pitch energy. */
export function addChroma(power: Float64Array, map: Int8Array, frame: Float64Array, sum: Float64Array): boolean {
  frame.fill(0);
  let total = 0;
  for (let k = 0; k < map.length; k++) {
    const pitchClass = map[k]!;
    if (pitchClass < 0) continue;
    frame[pitchClass] = frame[pitchClass]! + power[k]!;
    total += power[k]!;
  }
  if (total <= 0) return false;
  for (let c = 0; c < 12; c++) sum[c] = sum[c]! + frame[c]! / total;
  return true;
}
