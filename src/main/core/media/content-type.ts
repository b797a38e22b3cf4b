import { extname } from 'node:path';

const AUDIO_TYPES: Record<string, string> = {
  '.mp3': 'audio/mpeg',
  '.mp2': 'audio/mpeg',
  '.mp1': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.m4b': 'audio/mp4',
  '.mp4': 'audio/mp4',
  '.aac': 'audio/aac',
  '.flac': 'audio/flac',
  '.ogg': 'audio/ogg',
  '.oga': 'audio/ogg',
  '.opus': 'audio/ogg; codecs=opus',
  '.wav': 'audio/wav',
  '.aif': 'audio/aiff',
  '.aiff': 'audio/aiff',
  '.webm': 'audio/webm',
  '.mka': 'audio/x-matroska',
  '.wma': 'audio/x-ms-wma',
  '.wv': 'audio/wavpack',
  '.ape': 'audio/ape',
  '.mpc': 'audio/musepack',
  '.spx': 'audio/ogg',
  '.dsf': 'audio/dsf',
  '.dff': 'audio/dff',
  '.weba': 'audio/webm',
  '.bwf': 'audio/wav',
  '.asf': 'audio/x-ms-wma',
};

export function audioContentType(path: string): string {
  return AUDIO_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export const AUDIO_EXTENSIONS = new Set(Object.keys(AUDIO_TYPES));
