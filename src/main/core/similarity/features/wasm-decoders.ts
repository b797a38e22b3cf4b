// The wasm decoders (MIT, libmpg123 / libFLAC / libvorbis / libopus), one instance of each per
// thread, made on first use and reset between files: compiling a module costs more than a file.
import { FLACDecoder } from '@wasm-audio-decoders/flac';
import { MPEGDecoder } from 'mpg123-decoder';
import { concatBytes } from './byte-range.ts';
import type { WasmFormat } from './containers.ts';
import type { Decoded } from './decoded-audio.ts';
import { OpusStreamDecoder } from './opus-stream.ts';
import { VorbisStreamDecoder } from './vorbis-stream.ts';

export type { Decoded };

interface Decoder {
  ready: Promise<void>;
  reset(): Promise<void>;
  /** `wantedS`: the seconds of audio the caller keeps; the Ogg decoders stop after that much. */
  decode(bytes: Uint8Array, wantedS?: number): Decoded | Promise<Decoded>;
}

const make: Record<WasmFormat, () => Decoder> = {
  mp3: () => wrap(new MPEGDecoder()),
  flac: () => wrap(new FLACDecoder()),
  vorbis: () => new VorbisStreamDecoder(),
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

/**
 * Decodes `parts` (byte ranges cut from one file) in turn as one fresh stream that begins with
 * `prefix` (the headers), a result a part: one reset and one header setup a file rather than a
 * part, since setting up (Vorbis's codebooks above all) costs more than a snippet's audio. A
 * part's first frames are spoilt by the jump from the one before; the caller drops them. FLAC
 * restarts at each part: its parser loses the stream at the jump, and its setup is one block.
 * `wantedS[i]`: the seconds part i must give, when not all of it is wanted.
 */
export function decodeParts(
  format: WasmFormat,
  prefix: Uint8Array,
  parts: readonly Uint8Array[],
  wantedS: readonly number[] = [],
): Promise<Decoded[]> {
  const turn = (turns.get(format) ?? Promise.resolve()).then(async () => {
    const decoded: Decoded[] = [];
    for (const [i, part] of parts.entries()) {
      const restart = i === 0 || format === 'flac';
      const decoder = restart ? await freshDecoder(format) : instances.get(format)!;
      decoded.push(await decoder.decode(restart ? join(prefix, part) : part, wantedS[i]));
    }
    return decoded;
  });
  turns.set(
    format,
    turn.catch(() => undefined),
  );
  return turn;
}

async function freshDecoder(format: WasmFormat): Promise<Decoder> {
  let decoder = instances.get(format);
  if (!decoder) {
    decoder = make[format]();
    instances.set(format, decoder);
    await decoder.ready;
  } else {
    await decoder.reset();
  }
  return decoder;
}

const join = (a: Uint8Array, b: Uint8Array): Uint8Array => (b.length === 0 ? a : concatBytes([a, b]));
