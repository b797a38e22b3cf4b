// Ogg Vorbis through @wasm-audio-decoders/ogg-vorbis (libvorbis) fed packet by packet, so that a
// snippet decodes the packets it needs and no more: a range holds whole Ogg pages, and ffmpeg
// writes about a second of audio to a page. The decoder's public decodeOggPages takes parsed
// pages; it reads a page's packets (codecFrames), the identification header from a page whose
// data starts with it, and the setup header from the first audio packet's header. Pages of that
// shape are made here from our own packet split (ogg-pages.ts), not by its JS page parser.
import { OggVorbisDecoder } from '@wasm-audio-decoders/ogg-vorbis';
import { oggPackets } from './ogg-pages.ts';
import { joinDecoded, samplesWanted, type Decoded } from './decoded-audio.ts';

type ParsedPage = Parameters<OggVorbisDecoder['decodeOggPages']>[0][number];

interface Setup {
  identification: Uint8Array;
  setup: Uint8Array;
  sampleRate: number;
  /** The most samples one packet gives: two long blocks' overlap, half the long block size. */
  maxPacketSamples: number;
}

function setupOf(packets: readonly Uint8Array[]): Setup | null {
  const [identification, , setup] = packets;
  if (!identification || !setup || identification.length < 30 || identification[0] !== 1 || setup[0] !== 5) {
    return null;
  }
  const sampleRate = new DataView(identification.buffer, identification.byteOffset).getUint32(12, true);
  const longBlock = 1 << (identification[28]! >> 4);
  return { identification, setup, sampleRate, maxPacketSamples: longBlock / 2 };
}

const NO_BYTES = new Uint8Array(0);

export class VorbisStreamDecoder {
  private readonly decoder = new OggVorbisDecoder();
  readonly ready = this.decoder.ready;
  private stream: Setup | null = null;
  private started = false;
  /** The identification header goes with the first audio packets (the decoder sets up then). */
  private identified = false;

  async reset(): Promise<void> {
    this.started = false;
    this.identified = false;
    this.stream = null;
    await this.decoder.reset();
  }

  /**
   * Decodes Ogg pages: after a reset they start with the stream's header pages; later calls
   * carry on the same stream with audio pages alone (decodeParts in wasm-decoders.ts). With
   * `wantedS`, decoding stops once that much audio came out (a packet more at most).
   */
  async decode(bytes: Uint8Array, wantedS?: number): Promise<Decoded> {
    let packets = oggPackets(bytes);
    if (!this.started) {
      this.stream = setupOf(packets);
      if (!this.stream) return { channels: [], samples: 0, sampleRate: 0 };
      this.started = true;
      packets = packets.slice(3);
    }
    const stream = this.stream!;
    let remaining = samplesWanted(wantedS, stream.sampleRate);
    const outputs: Decoded[] = [];
    let next = 0;
    // A packet gives at most maxPacketSamples, so a batch of remaining / that many never passes
    // the wanted length before its last packet; short blocks give less and take another batch.
    while (next < packets.length && remaining > 0) {
      const count = Math.max(1, Math.ceil(remaining / stream.maxPacketSamples));
      const batch = packets.slice(next, next + count);
      next += batch.length;
      const pages = [
        page(
          NO_BYTES,
          batch.map((data) => ({ data, header: { vorbisSetup: stream.setup } })),
        ),
      ];
      if (!this.identified) pages.unshift(page(stream.identification, []));
      this.identified = true;
      const out = await this.decoder.decodeOggPages(pages);
      outputs.push({ channels: out.channelData, samples: out.samplesDecoded, sampleRate: out.sampleRate });
      remaining -= out.samplesDecoded;
    }
    return joinDecoded(outputs, stream.sampleRate);
  }
}

/** A page as decodeOggPages reads it: the fields it uses, no granule (no end-of-stream trim). */
const page = (data: Uint8Array, codecFrames: { data: Uint8Array; header: { vorbisSetup: Uint8Array } }[]) =>
  ({ data, codecFrames, isLastPage: false }) as unknown as ParsedPage;
