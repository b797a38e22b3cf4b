// What proves a tag edit harmless: the decoded audio (ffmpeg's MD5 of the PCM) and every tag
// ffprobe sees, compared before and after.
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The MD5 of the decoded audio, or null when ffmpeg cannot decode the file. */
export async function decodedMd5(path: string): Promise<string | null> {
  try {
    const { stdout } = await run('ffmpeg', ['-v', 'error', '-i', path, '-map', '0:a', '-f', 'md5', '-'], {
      maxBuffer: 1 << 20,
    });
    return stdout.trim() || null;
  } catch {
    return null;
  }
}

/** Every tag ffprobe reads (container and streams), keys lower-cased, or null when it cannot read the file. */
export async function probeTags(path: string): Promise<Record<string, string> | null> {
  try {
    const { stdout } = await run('ffprobe', [
      '-v',
      'error',
      '-show_entries',
      'format_tags:stream_tags',
      '-of',
      'json',
      path,
    ]);
    const json = JSON.parse(stdout) as { format?: { tags?: object }; streams?: { tags?: object }[] };
    const all: Record<string, string> = {};
    for (const tags of [json.format?.tags, ...(json.streams ?? []).map((s) => s.tags)]) {
      for (const [key, value] of Object.entries(tags ?? {})) all[key.toLowerCase()] = String(value);
    }
    return all;
  } catch {
    return null;
  }
}

/**
 * The tags an edit of `edited` (ffprobe's keys) should not have changed, before and after. A
 * tag with an empty value counts as absent: the library drops empty frames when it saves.
 */
export function untouched(
  before: Record<string, string>,
  after: Record<string, string>,
  edited: readonly string[],
): { before: Record<string, string>; after: Record<string, string> } {
  const keep = (tags: Record<string, string>) =>
    Object.fromEntries(Object.entries(tags).filter(([key, value]) => !edited.includes(key) && value.trim() !== ''));
  return { before: keep(before), after: keep(after) };
}

/** An MP3 with an ID3v2.4 tag (the fixtures' makeAudioFile writes v2.3). */
export async function makeMp3V24(path: string, tags: Record<string, string>): Promise<string> {
  mkdirSync(dirname(path), { recursive: true });
  const metadata = Object.entries(tags).flatMap(([key, value]) => ['-metadata', `${key}=${value}`]);
  await run('ffmpeg', [
    ...['-v', 'error', '-y', '-f', 'lavfi', '-i', 'sine=frequency=523:sample_rate=44100:duration=2', '-ac', '2'],
    ...['-c:a', 'libmp3lame', '-b:a', '128k', ...metadata, '-id3v2_version', '4', path],
  ]);
  return path;
}
