import { execFile } from 'node:child_process';
import { mkdir, readFile, rename, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseFlacTemplate, type FlacTemplate } from './flac.ts';
import { stripMp3Tags } from './id3v2.ts';
import { parseMp4Template, type Mp4Template } from './mp4.ts';
import { parseOggTemplate, type OggTemplate } from './ogg.ts';
import type { Format } from './types.ts';

const run = promisify(execFile);

// Bump when the ffmpeg arguments change so that stale cached templates are not reused.
const VERSION = 1;

const CODEC_ARGS: Record<Format, string[]> = {
  mp3: ['-c:a', 'libmp3lame', '-b:a', '128k'],
  flac: ['-c:a', 'flac'],
  // The ipod muxer leaves moov after mdat unless told +faststart; the m4a writer relies on that.
  m4a: ['-c:a', 'aac', '-b:a', '128k'],
  ogg: ['-c:a', 'libvorbis', '-q:a', '3'],
  opus: ['-c:a', 'libopus', '-b:a', '96k', '-ar', '48000'],
};

export interface Templates {
  mp3: Buffer;
  flac: FlacTemplate;
  m4a: Mp4Template;
  ogg: OggTemplate;
  opus: OggTemplate;
}

export function defaultTemplatesDir(): string {
  return path.join(os.tmpdir(), 'tonearm-templates');
}

export function templatePath(dir: string, format: Format, durationS: number): string {
  return path.join(dir, `v${VERSION}-tone-${durationS}s.${format}`);
}

/** Runs ffmpeg once per missing template; cached files are reused across runs. */
export async function ensureTemplate(dir: string, format: Format, durationS: number): Promise<string> {
  const file = templatePath(dir, format, durationS);
  if (
    await stat(file).then(
      (s) => s.size > 0,
      () => false,
    )
  )
    return file;
  await mkdir(dir, { recursive: true });
  // A unique temporary name then rename: parallel test runs may build the same template.
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp.${format}`;
  await run('ffmpeg', [
    '-v',
    'error',
    '-y',
    // 441 Hz has a period of exactly 100 samples, which keeps the FLAC template small.
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=441:sample_rate=44100:duration=${durationS}`,
    '-ac',
    '2',
    '-map_metadata',
    '-1',
    '-fflags',
    '+bitexact',
    ...CODEC_ARGS[format],
    tmp,
  ]);
  await rename(tmp, file);
  return file;
}

export async function loadTemplates(
  dir: string,
  formats: readonly Format[],
  durationS: number,
): Promise<Partial<Templates>> {
  const out: Partial<Templates> = {};
  await Promise.all(
    formats.map(async (format) => {
      const bytes = await readFile(await ensureTemplate(dir, format, durationS));
      switch (format) {
        case 'mp3':
          out.mp3 = stripMp3Tags(bytes);
          break;
        case 'flac':
          out.flac = parseFlacTemplate(bytes);
          break;
        case 'm4a':
          out.m4a = parseMp4Template(bytes);
          break;
        case 'ogg':
          out.ogg = parseOggTemplate(bytes, 'vorbis');
          break;
        case 'opus':
          out.opus = parseOggTemplate(bytes, 'opus');
          break;
      }
    }),
  );
  return out;
}
