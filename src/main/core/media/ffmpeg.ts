// Finding ffmpeg: optional (the app plays what Chromium decodes without it), looked up on PATH
// once per process. TONEARM_FFMPEG names another binary, or one that is not there to test
// the app without it.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export function findFfmpeg(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates =
    env.TONEARM_FFMPEG !== undefined
      ? [env.TONEARM_FFMPEG]
      : (env.PATH ?? '')
          .split(delimiter)
          .filter(Boolean)
          .map((dir) => join(dir, process.platform === 'win32' ? 'ffmpeg.exe' : 'ffmpeg'));
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}
