// Which files Chromium decodes itself (checked on Chromium 156 with decodeAudioData: MP3, AAC
// in MP4 or ADTS, FLAC, Vorbis, Opus, PCM WAV, and Opus/Vorbis/FLAC in WebM or Matroska) and
// which must be transcoded: WMA, Monkey's Audio, WavPack, Musepack, DSD, ALAC, AIFF, MP2, Speex…
import { extname } from 'node:path';

export interface AudioTraits {
  path: string;
  /** music-metadata's names, as the catalog keeps them; null when the parse did not say. */
  codec: string | null;
  container: string | null;
}

// The container alone is not enough (WavPack reports its codec as "PCM", so does AIFF), nor is
// the codec (ALAC and AAC share the MP4 container): each pair is checked.
const NATIVE: { container: RegExp; codec: RegExp }[] = [
  { container: /^MPEG$/i, codec: /Layer 3/i },
  { container: /^(M4A|M4B|mp4|isom|iso\d|3gp|ADTS)/i, codec: /AAC/i },
  { container: /^FLAC$/i, codec: /^FLAC$/i },
  { container: /^Ogg$/i, codec: /^(Vorbis|Opus)/i },
  { container: /^(WAVE|RF64)/i, codec: /PCM|65534|IEEE_FLOAT|float/i },
  { container: /^EBML/i, codec: /^(Opus|Vorbis|FLAC)/i },
];

// For a track whose parse named no codec: by its extension.
const NATIVE_EXTENSIONS = new Set(['.mp3', '.m4a', '.m4b', '.mp4', '.aac', '.flac', '.ogg', '.oga', '.opus', '.wav']);

export function playsNatively(track: AudioTraits): boolean {
  const { codec, container } = track;
  if (!codec || !container) return NATIVE_EXTENSIONS.has(extname(track.path).toLowerCase());
  return NATIVE.some((pair) => pair.container.test(container) && pair.codec.test(codec));
}

/** A short name for messages: the codec as the catalog has it (the container where that says only PCM), else the extension. */
export function formatName(track: AudioTraits): string {
  if (track.codec && /^PCM$/i.test(track.codec) && track.container) return track.container;
  return track.codec || extname(track.path).slice(1).toUpperCase() || 'this format';
}
