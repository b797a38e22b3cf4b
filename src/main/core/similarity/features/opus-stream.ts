// Ogg Opus through opus-decoder (libopus) fed packet by packet, rather than ogg-opus-decoder,
// which brings an 8 MB machine-learning variant along. The stream's OpusHead says how the
// decoder is set up (channels and their mapping). Decoded at 48 kHz: at 24 kHz, libopus's
// nearest rate, resample.ts's box filter (barely a sample wide there) let 11–12 kHz alias in,
// and the vector moved away from the other formats' (test/integration/similarity). A stereo
// stream is decoded by a mono decoder: libopus mixes down before its synthesis, giving (L + R) / 2
// (to 1e-7) for two thirds of the CPU.
import { OpusDecoder } from 'opus-decoder';
import { leadingPackets, samplesWanted, type Decoded } from './decoded-audio.ts';
import { oggPackets } from './ogg-pages.ts';

const RATE = 48000;

interface Setup {
  channels: number;
  streamCount: number;
  coupledStreamCount: number;
  channelMappingTable: number[];
}

const MONO: Setup = { channels: 1, streamCount: 1, coupledStreamCount: 0, channelMappingTable: [0] };

function setupOf(head: Uint8Array): Setup | null {
  if (head.length < 19 || String.fromCharCode(...head.subarray(0, 8)) !== 'OpusHead') return null;
  const channels = head[9]!;
  // Mapping family 0, or any one stream: mono or a coupled stereo pair, decoded as mono.
  if (head[18] === 0 || head.length < 21 + channels || head[19] === 1) return MONO;
  // More streams (surround): each channel decoded, and mixed down by the caller.
  return {
    channels,
    streamCount: head[19]!,
    coupledStreamCount: head[20]!,
    channelMappingTable: Array.from(head.subarray(21, 21 + channels)),
  };
}

export class OpusStreamDecoder {
  readonly ready = Promise.resolve();
  private decoder: OpusDecoder<typeof RATE> | null = null;
  private key = '';
  private started = false;

  async reset(): Promise<void> {
    this.started = false;
  }

  /**
   * Decodes Ogg pages: after a reset they start with the stream's header pages; later calls
   * carry on the same stream with audio pages alone (decodeParts in wasm-decoders.ts). With
   * `wantedS`, only the packets that make up that much audio are decoded.
   */
  async decode(bytes: Uint8Array, wantedS?: number): Promise<Decoded> {
    let packets = oggPackets(bytes);
    if (!this.started) {
      const setup = packets[0] ? setupOf(packets[0]) : null;
      if (!setup) return { channels: [], samples: 0, sampleRate: RATE };
      const key = JSON.stringify(setup);
      if (!this.decoder || key !== this.key) {
        this.decoder?.free();
        // No pre-skip: decoding starts mid-stream, and the pre-roll is dropped by the caller.
        this.decoder = new OpusDecoder({ ...setup, sampleRate: RATE, preSkip: 0 });
        this.key = key;
      } else {
        await this.decoder.reset();
      }
      this.started = true;
      // Packets 0 and 1 are OpusHead and OpusTags.
      packets = packets.slice(2);
    }
    const decoder = this.decoder!;
    await decoder.ready;
    const out = decoder.decodeFrames(leadingPackets(packets, opusPacketSamples, samplesWanted(wantedS, RATE)));
    return { channels: out.channelData, samples: out.samplesDecoded, sampleRate: out.sampleRate };
  }
}

/** Opus frame lengths at 48 kHz by the TOC byte's configuration (RFC 6716, 3.1): SILK, hybrid, CELT. */
const FRAME_SAMPLES = [
  ...[0, 1, 2].flatMap(() => [480, 960, 1920, 2880]),
  ...[0, 1].flatMap(() => [480, 960]),
  ...[0, 1, 2, 3].flatMap(() => [120, 240, 480, 960]),
];

/** The samples (48 kHz) an Opus packet decodes to: its frame length times its frame count. */
export function opusPacketSamples(packet: Uint8Array): number {
  if (packet.length === 0) return 0;
  const toc = packet[0]!;
  const code = toc & 3;
  const frames = code === 0 ? 1 : code < 3 ? 2 : (packet[1] ?? 0) & 0x3f;
  return FRAME_SAMPLES[toc >> 3]! * frames;
}
