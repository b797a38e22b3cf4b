// How far a list reads ahead of its screen: a little on both sides when it stands still, and
// in the direction it scrolls as far as the scroll will go while a window is on its way, so
// that rows are there in the frame they come on screen. A jump across the list (a scrollbar
// drag) is not a scroll: it reads around where it landed.

/** Rows read on both sides of the screen, always. */
export const MARGIN = 50;
/** How long a window may take to arrive, scrolling at the speed measured: this far ahead. */
const LOOKAHEAD_MS = 400;
const MAX_AHEAD = 2000;
/** A move of more than this many screens at once is a jump, not a scroll. */
const JUMP_SCREENS = 8;

export interface Motion {
  start: number;
  at: number;
  /** Rows per millisecond, signed; smoothed over the last moves. */
  speed: number;
}

export const still = (start: number, at: number): Motion => ({ start, at, speed: 0 });

/** The motion after the screen's first row moved to `start` at time `at` (ms). */
export function moved(previous: Motion, start: number, stop: number, at: number): Motion {
  const rows = start - previous.start;
  const screen = Math.max(1, stop - start + 1);
  const elapsed = Math.max(1, at - previous.at);
  if (Math.abs(rows) > JUMP_SCREENS * screen || elapsed > 500) return still(start, at);
  const speed = rows / elapsed;
  return { start, at, speed: previous.speed === 0 ? speed : previous.speed * 0.5 + speed * 0.5 };
}

/** The rows [from, to] to have loaded for a screen of rows [start, stop] moving so. */
export function wantedRows(start: number, stop: number, speed: number): [number, number] {
  const ahead = Math.min(MAX_AHEAD, Math.round(Math.abs(speed) * LOOKAHEAD_MS));
  const from = start - MARGIN - (speed < 0 ? ahead : 0);
  const to = stop + MARGIN + (speed > 0 ? ahead : 0);
  return [Math.max(0, from), to];
}
