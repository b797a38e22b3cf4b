// Framing and the power spectrum: Hann-windowed frames of FRAME_SIZE samples every HOP samples,
// transformed by fft.js (radix-4, real input), the fastest of the pure-JS FFTs we tried.
import FFT from 'fft.js';

export const FRAME_SIZE = 1024;
export const HOP = 512;
export const BINS = FRAME_SIZE / 2 + 1;

const window = new Float64Array(FRAME_SIZE).map((_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / FRAME_SIZE));

/** Reuses its buffers: one per excerpt, not per frame, so the loop allocates nothing. */
export class PowerSpectrum {
  private readonly fft = new FFT(FRAME_SIZE);
  private readonly frame = new Float64Array(FRAME_SIZE);
  private readonly complex = new Float64Array(FRAME_SIZE * 2);
  readonly power = new Float64Array(BINS);

  /** The power of each bin of the frame starting at `start` (zero-padded past the end). */
  of(pcm: Float32Array, start: number): Float64Array {
    const end = Math.min(FRAME_SIZE, pcm.length - start);
    for (let i = 0; i < end; i++) this.frame[i] = pcm[start + i]! * window[i]!;
    this.frame.fill(0, Math.max(0, end));
    this.fft.realTransform(this.complex, this.frame);
    for (let k = 0; k < BINS; k++) {
      const re = this.complex[2 * k]!;
      const im = this.complex[2 * k + 1]!;
      this.power[k] = re * re + im * im;
    }
    return this.power;
  }
}

export const frameCount = (samples: number): number =>
  samples < FRAME_SIZE ? 0 : 1 + Math.floor((samples - FRAME_SIZE) / HOP);
