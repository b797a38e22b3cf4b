// The peers of ../shared/peers, run on the same folder in the same run as our own figures.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PEERS = fileURLToPath(new URL('../../../shared/peers/', import.meta.url));

export interface PeerResult {
  peer: string;
  tracks: number;
  full_s: number;
  noop_s: number;
}

export const peersPresent = existsSync(join(PEERS, 'mpd-index'));

export function runMpd(dir: string): PeerResult {
  const out = execFileSync(join(PEERS, 'mpd-index'), [dir, mkdtempSync(join(tmpdir(), 'mpd-'))], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as PeerResult;
}
