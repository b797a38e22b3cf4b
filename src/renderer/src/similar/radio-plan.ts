// The radio's rules over the queue as plain data: when to ask for more, what to send, what a
// new genre exclusion takes out. Pure, so the tests pin them without a player.
import { MAX_QUEUE } from '../../../shared/domain.ts';
import type { QueueState } from '../player/queue-model.ts';
import type { CommandInput } from '../../../shared/contract.ts';
import { analysedPercent } from './status-text.ts';

/** Fewer than this many tracks after the current one and the radio asks for more. */
export const LOW_WATER = 5;
export const FIRST_BATCH = 20;
export const REFILL_BATCH = 10;
/** The contract's limits: seeds per start, the tail sent as recently queued. */
export const MAX_SEEDS = 50;
export const MAX_RECENT = 500;

export interface RadioSettings {
  seedIds: number[];
  excludeGenres: string[];
}

export type RadioRequest = CommandInput<'radio.next'>;

export function upcomingCount(queue: QueueState): number {
  return queue.index < 0 ? queue.items.length : queue.items.length - queue.index - 1;
}

export const needsMore = (queue: QueueState): boolean => upcomingCount(queue) < LOW_WATER;

/** The queue's tail, newest last: what the radio must not repeat nor crowd with one artist. */
export function recentIds(queue: QueueState): number[] {
  return queue.items.slice(-MAX_RECENT).map((item) => item.track.id);
}

export function nextRequest(radio: RadioSettings, queue: QueueState): RadioRequest {
  const first = queue.items.length <= radio.seedIds.length;
  return {
    seedIds: radio.seedIds,
    recentIds: recentIds(queue),
    excludeGenres: radio.excludeGenres,
    count: first ? FIRST_BATCH : REFILL_BATCH,
  };
}

/** A selection larger than the contract takes: seeds spread evenly over it, in its order. */
export function pickSeeds(ids: readonly number[]): number[] {
  const unique = [...new Set(ids.filter((id) => id > 0))];
  if (unique.length <= MAX_SEEDS) return unique;
  const step = unique.length / MAX_SEEDS;
  return Array.from({ length: MAX_SEEDS }, (_, i) => unique[Math.floor(i * step)]!);
}

const genreKey = (genre: string) => genre.trim().toLowerCase();

/** The keys of the tracks still to come whose genre is now excluded (the current one plays on). */
export function excludedUpcoming(queue: QueueState, excludeGenres: readonly string[]): number[] {
  if (excludeGenres.length === 0) return [];
  const excluded = new Set(excludeGenres.map(genreKey));
  return queue.items
    .slice(queue.index + 1)
    .filter((item) => excluded.has(genreKey(item.track.genre)))
    .map((item) => item.key);
}

/**
 * A radio runs for as long as it is listened to, and the queue holds MAX_QUEUE items: the
 * oldest tracks already played make room for `adding` more (never the current one or later).
 */
export function roomFor(queue: QueueState, adding: number, max = MAX_QUEUE): number[] {
  const over = queue.items.length + adding - max;
  if (over <= 0) return [];
  return queue.items.slice(0, Math.min(over, Math.max(0, queue.index))).map((item) => item.key);
}

/** The queue was replaced (Play of another list) or emptied: nothing of it is left. */
export function replacedBetween(before: QueueState, after: QueueState): boolean {
  if (after.items.length === 0) return true;
  const keys = new Set(before.items.map((item) => item.key));
  return !after.items.some((item) => keys.has(item.key));
}

/** "Not analysed yet — analysis is 12% done", or why it is not going on. */
export function notAnalysedText(
  status: { analysed: number; total: number; pending: number; failed: number; reason: string | null } | null,
): string {
  if (!status || status.total === 0) return 'Not analysed yet.';
  // Nothing is left to analyse: a seed without a vector is one whose audio could not be read.
  if (status.pending === 0 && status.failed > 0) return 'Its audio could not be analysed.';
  return `Not analysed yet — analysis is ${analysedPercent(status)}% done.${status.reason ? ` ${status.reason}` : ''}`;
}
