import { describe, expect, it } from 'vitest';
import { decodePlaylistBytes } from '../../../src/main/core/playlists/formats/decode.ts';
import { encodeCodepage } from './player-fixtures.ts';

const utf16 = (text: string, order: 'le' | 'be', bom: boolean) => {
  const units = [...(bom ? '\uFEFF' : ''), ...text].flatMap((char) => {
    const code = char.charCodeAt(0);
    return order === 'le' ? [code & 0xff, code >> 8] : [code >> 8, code & 0xff];
  });
  return Uint8Array.from(units);
};

describe('decodePlaylistBytes', () => {
  it('lets a BOM decide, and drops it from the text', () => {
    expect(decodePlaylistBytes(Uint8Array.of(0xef, 0xbb, 0xbf, 0x61, 0xc3, 0xa9))).toEqual({
      text: 'aé',
      encoding: 'utf-8',
    });
    expect(decodePlaylistBytes(utf16('Björk\r\nКино', 'le', true))).toEqual({
      text: 'Björk\r\nКино',
      encoding: 'utf-16le',
    });
    expect(decodePlaylistBytes(utf16('Björk\r\nКино', 'be', true))).toEqual({
      text: 'Björk\r\nКино',
      encoding: 'utf-16be',
    });
  });

  it('a BOM wins over the .m3u8 rule', () => {
    expect(decodePlaylistBytes(utf16('a.mp3', 'le', true), { utf8: true }).encoding).toBe('utf-16le');
  });

  it('finds UTF-16 without a BOM by its zero bytes', () => {
    expect(decodePlaylistBytes(utf16('C:\\Music\\a.mp3', 'le', false))).toEqual({
      text: 'C:\\Music\\a.mp3',
      encoding: 'utf-16le',
    });
    expect(decodePlaylistBytes(utf16('C:\\Music\\a.mp3', 'be', false)).encoding).toBe('utf-16be');
  });

  it('takes valid UTF-8 as UTF-8', () => {
    expect(decodePlaylistBytes(new TextEncoder().encode('Sigur Rós/Кино/東京事変.flac'))).toEqual({
      text: 'Sigur Rós/Кино/東京事変.flac',
      encoding: 'utf-8',
    });
  });

  it('takes pure ASCII as UTF-8', () => {
    expect(decodePlaylistBytes(new TextEncoder().encode('#EXTM3U\na.mp3\n')).encoding).toBe('utf-8');
  });

  it('falls back to windows-1252 for Latin text, accented letters inside ASCII words', () => {
    const text = 'Björk\\Größe\\Motörhead - Ça été.mp3';
    expect(decodePlaylistBytes(encodeCodepage(text, 'windows-1252'))).toEqual({ text, encoding: 'windows-1252' });
  });

  it('takes windows-1251 when the high bytes make whole words, as Cyrillic does', () => {
    const text = 'Кино\\Группа крови\\01 Группа крови.mp3';
    expect(decodePlaylistBytes(encodeCodepage(text, 'windows-1251'))).toEqual({ text, encoding: 'windows-1251' });
    const mixed = 'D:\\Music\\ДДТ - Осень (Live).mp3\r\nD:\\Music\\Ёлка - Прованс.mp3';
    expect(decodePlaylistBytes(encodeCodepage(mixed, 'windows-1251'))).toEqual({
      text: mixed,
      encoding: 'windows-1251',
    });
  });

  it('stays with windows-1252 when Latin words outnumber all-high ones', () => {
    // "ÀÉ" alone is an all-high word; the three accented Latin words outvote it.
    const text = 'ÀÉ\\Beyoncé\\Mötley Crüe - Café.mp3';
    expect(decodePlaylistBytes(encodeCodepage(text, 'windows-1252'))).toEqual({ text, encoding: 'windows-1252' });
  });

  it('never throws: bad bytes in a file declared UTF-8 become U+FFFD', () => {
    expect(decodePlaylistBytes(Uint8Array.of(0x61, 0xff, 0xfe, 0x62, 0xc3), { utf8: true })).toEqual({
      text: 'a\uFFFD\uFFFDb\uFFFD',
      encoding: 'utf-8',
    });
    expect(decodePlaylistBytes(new Uint8Array(0))).toEqual({ text: '', encoding: 'utf-8' });
    expect(decodePlaylistBytes(Uint8Array.of(0xff))).toEqual({ text: 'ÿ', encoding: 'windows-1252' });
  });
});
