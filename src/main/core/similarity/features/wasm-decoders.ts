// The wasm decoders (MIT, libmpg123 / libFLAC / libvorbis / libopus), one instance of each per
// thread, made on first use and reset between files: compiling a module costs more than a file.
import { FLACDecoder } from '@wasm-audio-decoders/flac';
import { OggVorbisDecoder } from '@wasm-audio-decoders/ogg-vorbis';
import { MPEGDecoder } from 'mpg123-decoder';
import type { WasmFormat } from './containers.ts';
import { OpusStreamDecoder } from './opus-stream.ts';

export interface Decoded {
  channels: Float32Array[];
  samples: number;
  sampleRate: number;
}

interface Decoder {
  ready: Promise<void>;
  reset(): Promise<void>;
  decode(bytes: Uint8Array): Decoded | Promise<Decoded>;
}

const make: Record<WasmFormat, () => Decoder> = {
  mp3: () => wrap(new MPEGDecoder()),
  flac: () => wrap(new FLACDecoder()),
  vorbis: () => wrap(new OggVorbisDecoder()),
  opus: () => new OpusStreamDecoder(),
};

type Raw = {
  ready: Promise<void>;
  reset(): Promise<void>;
  decode(bytes: Uint8Array):
    | { channelData: Float32Array[]; samplesDecoded: number; sampleRate: number }
    | Promise<{
        channelData: Float32Array[];
        samplesDecoded: number;
        sampleRate: number;
      }>;
};

function wrap(raw: Raw): Decoder {
  return {
    ready: raw.ready,
    reset: () => raw.reset(),
    decode: async (bytes) => {
      const out = await raw.decode(bytes);
      return { channels: out.channelData, samples: out.samplesDecoded, sampleRate: out.sampleRate };
    },
  };
}

const instances = new Map<WasmFormat, Decoder>();
/** Calls on one decoder wait their turn: a reset in the middle of another file's decode would spoil it. */
const turns = new Map<WasmFormat, Promise<unknown>>();

/** Decodes `bytes` as a fresh stream of `format`. */
export function decodeStream(format: WasmFormat, bytes: Uint8Array): Promise<Decoded> {
  const turn = (turns.get(format) ?? Promise.resolve()).then(async () => {
    let decoder = instances.get(format);
    if (!decoder) {
      decoder = make[format]();
      instances.set(format, decoder);
      await decoder.ready;
    } else {
      await decoder.reset();
    }
    return decoder.decode(bytes);
  });
  turns.set(
    format,
    turn.catch(() => undefined),
  );
  return turn;
}
