// Eight tracks with listening history, for the smart playlist tests: four album artists, three
// formats, durations either side of 5:00, plays, skips, ratings and dates spread so that each
// rule keeps a different set. BASE is their album artist order, the order without a sort.
import type Database from 'better-sqlite3';
import type { TrackInput } from './catalog-file.ts';

export const NOW = 1_800_000_000_000;
export const DAY = 86_400_000;

const track = (
  path: string,
  title: string,
  albumArtist: string,
  album: string,
  genre: string,
  year: number,
  trackNo: number,
  durationS: number,
): TrackInput => ({ path, title, artist: albumArtist, albumArtist, album, genres: [genre], year, trackNo, durationS });

export const SMART_TRACKS: TrackInput[] = [
  track('/music/jazz/a.flac', 'So What', 'Miles Davis', 'Kind of Blue', 'Jazz', 1959, 1, 545.5),
  track('/music/jazz/b.flac', 'Blue in Green', 'Miles Davis', 'Kind of Blue', 'Jazz', 1959, 3, 337),
  track('/music/jazzy/c.mp3', 'Take Five', 'Dave Brubeck', 'Time Out', 'Jazz', 1959, 3, 324),
  track('/music/rock/d.mp3', 'Paranoid Android', 'Radiohead', 'OK Computer', 'Rock', 1997, 2, 383),
  track('/music/rock/e.mp3', 'Karma Police', 'Radiohead', 'OK Computer', 'Rock', 1997, 6, 261),
  track('/music/rock/f.ogg', 'Airbag', 'Radiohead', 'OK Computer', 'Rock', 1997, 1, 284),
  track('/music/pop/g.mp3', 'Hyperballad', 'Björk', 'Post', 'Pop', 1995, 2, 300.4),
  track('/music/pop/h.flac', 'Army of Me', 'Björk', 'Post', 'Pop', 1995, 1, 120),
];

export const BASE = [8, 7, 3, 1, 2, 6, 4, 5];

/** Track i was added i × 5 days before NOW; 6 and 8 have no play_stats row at all. */
export function writeHistory(db: Database.Database): void {
  db.prepare('UPDATE tracks SET added_at = ? - id * 5 * ?').run(NOW, DAY);
  const insert = db.prepare(
    'INSERT INTO play_stats (track_id, play_count, skip_count, last_played_at, rating) VALUES (?, ?, ?, ?, ?)',
  );
  const daysAgo = (days: number) => NOW - days * DAY;
  insert.run(1, 12, 0, daysAgo(2), 5);
  insert.run(2, 3, 0, daysAgo(100), 4);
  insert.run(3, 40, 1, daysAgo(10), 2);
  insert.run(4, 0, 3, null, 4);
  insert.run(5, 1, 0, daysAgo(200), null);
  insert.run(7, 7, 0, daysAgo(40), 0);
}
