// What a wasm decoder gives back, and the helpers the Ogg stream decoders share to decode only
// the packets a snippet needs.

export interface Decoded {
  channels: Float32Array[];
  samples: number;
  sampleRate: number;
}

/** `wantedS` seconds as samples at `sampleRate`; no limit when not given. */
export const samplesWanted = (wantedS: number | undefined, sampleRate: number): number =>
  wantedS === undefined ? Infinity : Math.ceil(wantedS * sampleRate);

/** The first packets whose samples (`samplesOf` each) add up to `wanted`, or all there are. */
export function leadingPackets(
  packets: readonly Uint8Array[],
  samplesOf: (packet: Uint8Array) => number,
  wanted: number,
): Uint8Array[] {
  let total = 0;
  let count = 0;
  while (count < packets.length && total < wanted) total += samplesOf(packets[count++]!);
  return packets.slice(0, count);
}

/** Decoded runs of one stream, one after the other. */
export function joinDecoded(outputs: readonly Decoded[], sampleRate: number): Decoded {
  if (outputs.length === 1) return outputs[0]!;
  const samples = outputs.reduce((sum, out) => sum + out.samples, 0);
  const channelCount = Math.max(0, ...outputs.map((out) => out.channels.length));
  const channels = Array.from({ length: channelCount }, (_, c) => {
    const channel = new Float32Array(samples);
    let at = 0;
    for (const out of outputs) {
      if (out.channels[c]) channel.set(out.channels[c]!.subarray(0, out.samples), at);
      at += out.samples;
    }
    return channel;
  });
  return { channels, samples, sampleRate };
}
