// Decoded channels to mono at the analysis rate. Each output sample is the mean of the input
// samples it spans (a box filter as wide as the ratio): cheap, linear in the input, and enough
// anti-aliasing for spectral statistics; upsampling, rare, interpolates linearly.
export function toMono(channels: readonly Float32Array[], samples: number): Float32Array {
  if (channels.length === 1) return channels[0]!.subarray(0, samples);
  const mono = new Float32Array(samples);
  for (const channel of channels) for (let i = 0; i < samples; i++) mono[i] = mono[i]! + channel[i]!;
  const scale = 1 / channels.length;
  for (let i = 0; i < samples; i++) mono[i] = mono[i]! * scale;
  return mono;
}

export function resample(input: Float32Array, fromRate: number, toRate: number): Float32Array {
  if (fromRate === toRate) return input;
  const ratio = fromRate / toRate;
  const length = Math.floor(input.length / ratio);
  const out = new Float32Array(length);
  if (ratio < 1) {
    for (let i = 0; i < length; i++) {
      const t = i * ratio;
      const j = Math.floor(t);
      const next = input[Math.min(j + 1, input.length - 1)]!;
      out[i] = input[j]! + (next - input[j]!) * (t - j);
    }
    return out;
  }
  let start = 0;
  for (let i = 0; i < length; i++) {
    const end = Math.min(input.length, Math.round((i + 1) * ratio));
    let sum = 0;
    for (let j = start; j < end; j++) sum += input[j]!;
    out[i] = end > start ? sum / (end - start) : 0;
    start = end;
  }
  return out;
}
