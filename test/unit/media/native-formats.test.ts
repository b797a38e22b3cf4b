// Which tracks the media handler passes through and which it transcodes, by the codec and
// container names music-metadata gives (as measured on generated files) or the extension.
import { describe, expect, it } from 'vitest';
import { formatName, playsNatively } from '../../../src/main/core/media/native-formats.ts';

const track = (path: string, codec: string | null, container: string | null) => ({ path, codec, container });

describe('playsNatively', () => {
  it.each([
    ['a.mp3', 'MPEG 1 Layer 3', 'MPEG'],
    ['a.m4a', 'MPEG-4/AAC', 'M4A/isom/iso2'],
    ['a.flac', 'FLAC', 'FLAC'],
    ['a.ogg', 'Vorbis I', 'Ogg'],
    ['a.opus', 'Opus', 'Ogg'],
    ['a.wav', 'PCM', 'WAVE'],
    ['a.wav', 'non-PCM (65534)', 'WAVE'],
    ['a.webm', 'OPUS', 'EBML/webm'],
    ['a.mka', 'FLAC', 'EBML/matroska'],
  ])('passes %s (%s in %s) through', (path, codec, container) => {
    expect(playsNatively(track(path, codec, container))).toBe(true);
  });

  it.each([
    ['a.wma', 'Windows Media Audio V8', 'ASF/audio'],
    ['a.wv', 'PCM', 'WavPack'],
    ['a.aiff', 'PCM', 'AIFF'],
    ['a.m4a', 'ALAC', 'M4A/isom/iso2'],
    ['a.mp2', 'MPEG 1 Layer 2', 'MPEG'],
    ['a.spx', 'Speex 1.2.1', 'Ogg'],
    ['a.ape', "Monkey's Audio", "Monkey's Audio"],
    ['a.mpc', 'Musepack, SV7', 'Musepack, SV7'],
    ['a.dsf', 'DSD', 'DSF'],
    ['a.dff', 'DSD', 'DSDIFF'],
  ])('transcodes %s (%s in %s)', (path, codec, container) => {
    expect(playsNatively(track(path, codec, container))).toBe(false);
  });

  it('goes by the extension when the parse named no codec', () => {
    expect(playsNatively(track('/m/a.MP3', null, null))).toBe(true);
    expect(playsNatively(track('/m/a.ape', null, null))).toBe(false);
    expect(playsNatively(track('/m/a.mp3', '', ''))).toBe(true);
    expect(playsNatively(track('/m/a.wma', 'WMA', null))).toBe(false);
  });

  it('names the format for messages', () => {
    expect(formatName(track('a.wma', 'Windows Media Audio V8', 'ASF/audio'))).toBe('Windows Media Audio V8');
    expect(formatName(track('/m/a.ape', null, null))).toBe('APE');
    expect(formatName(track('/m/a.ape', '', ''))).toBe('APE');
    expect(formatName(track('a.wv', 'PCM', 'WavPack'))).toBe('WavPack');
  });
});
