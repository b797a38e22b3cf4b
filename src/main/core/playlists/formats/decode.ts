// Bytes of a playlist file to text. A BOM decides; .m3u8 and XSPF are UTF-8 by definition;
// anything else is UTF-8 when it validates as such (legacy codepage text almost never does),
// else a Windows codepage: windows-1251 when the high bytes read as Cyrillic words, windows-1252
// otherwise (the ANSI codepage of the Western Windows installs that wrote most .m3u files).
// Never throws: a bad byte becomes U+FFFD.

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'windows-1251';

export function decodePlaylistBytes(
  bytes: Uint8Array,
  options: { utf8?: boolean } = {},
): { text: string; encoding: TextEncodingName } {
  const encoding = detectEncoding(bytes, options.utf8 ?? false);
  // TextDecoder drops the BOM of its own encoding, so the first line starts clean.
  return { text: new TextDecoder(encoding).decode(bytes), encoding };
}

export function detectEncoding(bytes: Uint8Array, utf8: boolean): TextEncodingName {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (utf8) return 'utf-8';
  const unmarked = utf16WithoutBom(bytes);
  if (unmarked) return unmarked;
  if (isUtf8(bytes)) return 'utf-8';
  return looksCyrillic(bytes) ? 'windows-1251' : 'windows-1252';
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

// Notepad's "Unicode" without a BOM: a playlist is mostly ASCII, so half its bytes are zero,
// all on the same side of each pair.
function utf16WithoutBom(bytes: Uint8Array): TextEncodingName | undefined {
  const pairs = Math.floor(Math.min(bytes.length, 4096) / 2);
  if (pairs < 2) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  if (oddZeros > pairs * 0.4 && evenZeros === 0) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros === 0) return 'utf-16be';
  return undefined;
}

// In windows-1251 the Cyrillic letters are 0xC0-0xFF (and Ё/ё at 0xA8/0xB8), so Russian text
// is whole words of high bytes: "Кино" is four of them and no ASCII letter. In windows-1252
// the same range is accented Latin, which sits inside ASCII words: "Björk", "Größe". So count
// words of letters: all-high words of two or more vote Cyrillic, mixed words vote Latin.
function looksCyrillic(bytes: Uint8Array): boolean {
  let cyrillicWords = 0;
  let latinWords = 0;
  let high = 0;
  let ascii = 0;
  const endWord = () => {
    if (high >= 2 && ascii === 0) cyrillicWords++;
    else if (high >= 1 && ascii >= 1) latinWords++;
    high = 0;
    ascii = 0;
  };
  for (const byte of bytes) {
    if (byte >= 0xc0 || byte === 0xa8 || byte === 0xb8) high++;
    else if ((byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a)) ascii++;
    else endWord();
  }
  endWord();
  return cyrillicWords > latinWords;
}
