// An imported playlist's lines to catalog tracks: the exact path; else the end of the path
// (a library copied from Windows or another machine keeps its folders below some root); else the
// title and artist, folded. Lines nothing matches are kept, with their location and tags.
import { posix } from 'node:path';
import type { TrackIdentity } from '../catalog/reads/track-lookup.ts';
import type { ResolvedLocation } from './formats/location.ts';
import type { PlaylistEntry } from './formats/entry.ts';

export type MatchedBy = 'path' | 'tail' | 'tags' | null;

export interface TrackSource {
  idOfPath(path: string): number | null;
  all(): TrackIdentity[];
}

/** Case, diacritics and spacing folded: "Sigur Rós" and "sigur ros" are the same artist. */
export const foldTag = (text: string) =>
  text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

/** A path's segments folded for comparison across platforms (case, Unicode form). */
const segmentsOf = (path: string) =>
  path
    .normalize('NFC')
    .toLowerCase()
    .split(/[/\\]+/)
    .filter((segment) => segment && segment !== '.');

export class TrackMatcher {
  private byName: Map<string, { id: number; segments: string[] }[]> | null = null;
  private byTags: Map<string, number> | null = null;
  private readonly source: TrackSource;

  constructor(source: TrackSource) {
    this.source = source;
  }

  match(location: ResolvedLocation, entry: PlaylistEntry): { trackId: number | null; by: MatchedBy } {
    if (location.kind === 'file') {
      const id = this.source.idOfPath(location.path);
      if (id !== null) return { trackId: id, by: 'path' };
    }
    if (location.kind === 'file' || location.kind === 'foreign') {
      const id = this.byTail(location.kind === 'file' ? location.path : location.tail);
      if (id !== null) return { trackId: id, by: 'tail' };
    }
    const id = this.byTagsOf(entry);
    return id === null ? { trackId: null, by: null } : { trackId: id, by: 'tags' };
  }

  /**
   * The track sharing the longest end of the path: the file name and at least its folder when the
   * line has one (a bare "01 - Intro.mp3" is in too many albums), and no tie for the best.
   */
  private byTail(path: string): number | null {
    const wanted = segmentsOf(path);
    const name = wanted.at(-1);
    if (!name) return null;
    this.byName ??= this.indexNames();
    let best: number | null = null;
    let bestLength = 0;
    let tied = false;
    for (const candidate of this.byName.get(name) ?? []) {
      let length = 0;
      while (
        length < wanted.length &&
        length < candidate.segments.length &&
        wanted[wanted.length - 1 - length] === candidate.segments[candidate.segments.length - 1 - length]
      )
        length++;
      if (length > bestLength) [best, bestLength, tied] = [candidate.id, length, false];
      else if (length === bestLength) tied = true;
    }
    return best !== null && !tied && bestLength >= Math.min(2, wanted.length) ? best : null;
  }

  private byTagsOf(entry: PlaylistEntry): number | null {
    if (!entry.title || !entry.artist) return null;
    this.byTags ??= this.indexTags();
    return this.byTags.get(`${foldTag(entry.title)}\u0000${foldTag(entry.artist)}`) ?? null;
  }

  private indexNames() {
    const index = new Map<string, { id: number; segments: string[] }[]>();
    for (const track of this.source.all()) {
      const segments = segmentsOf(track.path);
      const name = posix.basename(segments.join('/'));
      const list = index.get(name) ?? [];
      list.push({ id: track.id, segments });
      index.set(name, list);
    }
    return index;
  }

  private indexTags() {
    const index = new Map<string, number>();
    for (const track of this.source.all()) {
      const key = `${foldTag(track.title)}\u0000${foldTag(track.artist)}`;
      if (!index.has(key)) index.set(key, track.id);
    }
    return index;
  }
}
