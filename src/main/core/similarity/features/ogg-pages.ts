// Just enough of Ogg to decode from the middle of a file: the header pages (granule 0: the
// codec's identification, comments and setup, which every later packet needs), whole pages of
// the same stream cut out of an arbitrary byte range, the packets in them, the last granule.
import { concatBytes } from './byte-range.ts';

interface Page {
  offset: number;
  length: number;
  continued: boolean;
  granule: bigint;
  serial: number;
}

function pageAt(bytes: Uint8Array, at: number): Page | null {
  if (at + 27 > bytes.length) return null;
  if (bytes[at] !== 0x4f || bytes[at + 1] !== 0x67 || bytes[at + 2] !== 0x67 || bytes[at + 3] !== 0x53) return null;
  if (bytes[at + 4] !== 0) return null;
  const segments = bytes[at + 26]!;
  if (at + 27 + segments > bytes.length) return null;
  let length = 27 + segments;
  for (let i = 0; i < segments; i++) length += bytes[at + 27 + i]!;
  if (at + length > bytes.length) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset + at);
  return {
    offset: at,
    length,
    continued: (bytes[at + 5]! & 1) === 1,
    granule: view.getBigInt64(6, true),
    serial: view.getUint32(14, true),
  };
}

/** The bytes of the leading header pages, or null when `head` ends before the first audio page. */
export function oggHeaderPages(head: Uint8Array): { bytes: Uint8Array; serial: number } | null {
  let at = 0;
  let serial = -1;
  for (;;) {
    const page = pageAt(head, at);
    if (!page) return null;
    if (serial === -1) serial = page.serial;
    if (page.serial === serial && page.granule !== 0n) return { bytes: head.subarray(0, at), serial };
    at += page.length;
  }
}

/** Whole pages of stream `serial` in `bytes`, from the first page that starts a packet. */
export function oggAudioPages(bytes: Uint8Array, serial: number): Uint8Array {
  const kept: Uint8Array[] = [];
  let at = 0;
  let started = false;
  while (at < bytes.length) {
    const page = pageAt(bytes, at);
    if (!page) {
      // Not a page here (the range began mid-page, or a capture pattern inside audio): resync.
      if (kept.length > 0 && at + 27 < bytes.length && bytes[at] === 0x4f) break;
      at++;
      continue;
    }
    if (page.serial === serial && (started || !page.continued)) {
      started = true;
      kept.push(bytes.subarray(page.offset, page.offset + page.length));
    }
    at += page.length;
  }
  return concatBytes(kept);
}

/** The granule position of the last complete page of stream `serial` in `tail`, else null. */
export function lastGranule(tail: Uint8Array, serial: number): bigint | null {
  for (let at = tail.length - 27; at >= 0; at--) {
    if (tail[at] !== 0x4f) continue;
    const page = pageAt(tail, at);
    if (page && page.serial === serial && page.granule > 0n) return page.granule;
  }
  return null;
}

/** The packets in a run of whole pages (a packet may span pages; one unfinished at the end is dropped). */
export function oggPackets(bytes: Uint8Array): Uint8Array[] {
  const packets: Uint8Array[] = [];
  let pending: Uint8Array[] = [];
  let at = 0;
  while (at < bytes.length) {
    const page = pageAt(bytes, at);
    if (!page) break;
    const segments = bytes[at + 26]!;
    let body = at + 27 + segments;
    let start = body;
    for (let i = 0; i < segments; i++) {
      const lacing = bytes[at + 27 + i]!;
      body += lacing;
      // A lacing value under 255 ends a packet.
      if (lacing < 255) {
        pending.push(bytes.subarray(start, body));
        packets.push(pending.length === 1 ? pending[0]! : concatBytes(pending));
        pending = [];
        start = body;
      }
    }
    if (start < body) pending.push(bytes.subarray(start, body));
    at += page.length;
  }
  return packets;
}
