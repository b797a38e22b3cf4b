// The radio's rules, over candidate rows nearest first: what "Play similar" may queue next.
// Pure, so each rule is pinned by a unit test; radio-service.ts feeds it from the catalog.
import type { TrackFacts } from '../catalog/reads/vectors.ts';

export interface RadioRules {
  /** No artist again within this many tracks of the queue's tail (and of this batch). */
  artistSpacing: number;
  /** Genres never to play, matched whole and regardless of case against each of a track's genres. */
  excludeGenres: readonly string[];
  /** Nothing played since this time (ms) comes back. */
  playedSince: number;
}

export interface RadioInput {
  /** Nearest first. */
  candidates: readonly TrackFacts[];
  seedIds: readonly number[];
  /** The queue's tail, newest last; facts for those still in the catalog. */
  recentIds: readonly number[];
  recent: readonly TrackFacts[];
  count: number;
}

/** Same song, another release: within this many seconds of each other. */
const SAME_SONG_SECONDS = 3;

/** Up to `count` candidate ids that the rules allow, nearest first. */
export function pickRadio(input: RadioInput, rules: RadioRules): number[] {
  const banned = new Set([...input.seedIds, ...input.recentIds]);
  const excluded = new Set(rules.excludeGenres.map(fold).filter(Boolean));
  const recentById = new Map(input.recent.map((facts) => [facts.id, facts]));
  // The artists of the queue's tail, oldest first, then the batch as it grows.
  const played = input.recentIds.flatMap((id) => recentById.get(id) ?? []);
  const songs = new SongSet(played);
  const picked: number[] = [];
  for (const candidate of input.candidates) {
    if (picked.length >= input.count) break;
    if (banned.has(candidate.id)) continue;
    if (candidate.lastPlayedAt !== null && candidate.lastPlayedAt >= rules.playedSince) continue;
    if (genresOf(candidate).some((genre) => excluded.has(genre))) continue;
    const artist = fold(candidate.artist);
    if (artist && played.slice(-rules.artistSpacing).some((track) => fold(track.artist) === artist)) continue;
    if (songs.has(candidate)) continue;
    picked.push(candidate.id);
    played.push(candidate);
    songs.add(candidate);
    banned.add(candidate.id);
  }
  return picked;
}

/** Songs by title and artist, each with the durations it was heard at. */
class SongSet {
  private readonly durations = new Map<string, (number | null)[]>();

  constructor(tracks: readonly TrackFacts[]) {
    for (const track of tracks) this.add(track);
  }

  add(track: TrackFacts): void {
    const key = songKey(track);
    this.durations.set(key, [...(this.durations.get(key) ?? []), track.durationS]);
  }

  has(track: TrackFacts): boolean {
    const heard = this.durations.get(songKey(track));
    if (!heard) return false;
    // Without a duration to compare, the same title and artist is taken for the same song.
    return heard.some(
      (d) => d === null || track.durationS === null || Math.abs(d - track.durationS) <= SAME_SONG_SECONDS,
    );
  }
}

/** Title and artist folded, a release's own words ("(Remastered 2011)", "- Single Version") left out. */
export function songKey(track: Pick<TrackFacts, 'title' | 'artist'>): string {
  const title = track.title
    .replace(/[([][^)\]]*\b(remaster(ed)?|version|edit|mono|stereo|deluxe|bonus)\b[^)\]]*[)\]]/gi, ' ')
    .replace(/\s-\s.*\b(remaster(ed)?|version|edit|mono|stereo)\b.*$/i, ' ');
  return `${fold(track.artist)}\u0000${fold(title)}`;
}

function genresOf(track: TrackFacts): string[] {
  return track.genre.split(';').map(fold).filter(Boolean);
}

/** Lower case, no accents, words separated by single spaces. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
