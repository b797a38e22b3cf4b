import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Asks a share something no cache can answer (the attributes of a name that does not exist)
 * and says whether it answered in time. A vanished sshfs share makes every request wait
 * seconds before failing, and files already seen are still answered from its cache.
 */
export async function shareAnswers(root: string, timeoutMs = 2500): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const probe = stat(join(root, `.tonearm-probe-${randomUUID()}`)).then(
    () => true,
    (err: NodeJS.ErrnoException) => err.code === 'ENOENT',
  );
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  try {
    return await Promise.race([probe, late]);
  } finally {
    clearTimeout(timer);
  }
}
