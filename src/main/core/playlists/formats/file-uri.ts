// file:// URIs by hand rather than node:url: fileURLToPath answers for the platform it runs on
// (a file:///C:/ URI read on Linux must still come out as a Windows path) and throws on the
// malformed URIs real playlists hold.

import type { Platform } from './entry.ts';

/**
 * Percent-escapes to text. The bytes are UTF-8 as RFC 3986 asks, or, when they do not decode as
 * such, windows-1252, which is what old Windows players escaped. A "%" not followed by two hex
 * digits stays as written.
 */
export function percentDecode(text: string): string {
  if (!text.includes('%')) return text;
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  for (let i = 0; i < text.length;) {
    if (text[i] === '%' && /^[0-9a-f]{2}$/i.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 3;
    } else {
      const char = String.fromCodePoint(text.codePointAt(i)!);
      bytes.push(...encoder.encode(char));
      i += char.length;
    }
  }
  const raw = Uint8Array.from(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return new TextDecoder('windows-1252').decode(raw);
  }
}

export function isFileUri(location: string): boolean {
  return /^file:/i.test(location);
}

/** The path a file URI names, written as its own platform writes it (a drive or UNC path with backslashes). */
export function fileUriToPath(uri: string): string {
  const rest = uri.replace(/^file:/i, '');
  let host = '';
  let path = rest;
  if (rest.startsWith('//')) {
    const slash = rest.indexOf('/', 2);
    host = slash < 0 ? rest.slice(2) : rest.slice(2, slash);
    path = slash < 0 ? '' : rest.slice(slash);
  }
  path = percentDecode(path);
  if (host && host.toLowerCase() !== 'localhost') {
    return `\\\\${percentDecode(host)}${path.replace(/\//g, '\\')}`;
  }
  // file:///C:/x, and the file:///C|/x of old Netscape-era writers.
  const drive = /^\/?([a-z])[:|](?=\/|$)/i.exec(path);
  if (drive) return `${drive[1]!.toUpperCase()}:${path.slice(drive[0].length).replace(/\//g, '\\') || '\\'}`;
  return path;
}

/**
 * An absolute path as a file URI, each segment percent-encoded: spaces, "#", "?", "%" and
 * non-ASCII (as UTF-8) escaped, so that any reader's URI parser gets the name back.
 */
export function pathToFileUri(path: string, platform: Platform): string {
  const encode = (segments: string[]) => segments.map(encodeURIComponent).join('/');
  if (platform === 'win32') {
    const unc = /^[\\/]{2}([^\\/]+)[\\/]?(.*)$/.exec(path);
    if (unc) return `file://${encodeURIComponent(unc[1]!)}/${encode(unc[2]!.split(/[\\/]/))}`;
    const drive = /^([a-z]):[\\/]?(.*)$/i.exec(path);
    if (drive) return `file:///${drive[1]!.toUpperCase()}:/${encode(drive[2]!.split(/[\\/]/))}`;
    return `file://${encode(path.split(/[\\/]/))}`;
  }
  return `file://${encode(path.split('/'))}`;
}

/** "http:", "file:", "spotify:"… — two letters at least, so that a drive letter is not a scheme. */
export function hasScheme(location: string): boolean {
  return /^[a-z][a-z0-9+.-]+:/i.test(location);
}
