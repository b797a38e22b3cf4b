// One listen of one track, for the play count: it counts once half the track or four minutes
// have been heard (the scrobbling rule), whichever comes first. Heard means played: a seek
// forward is not listening, so time is credited from the position moving while playing.

const FOUR_MINUTES = 240;

export function countsAfter(durationS: number | null): number {
  return durationS && durationS > 0 ? Math.min(durationS / 2, FOUR_MINUTES) : FOUR_MINUTES;
}

export class Listen {
  readonly trackId: number;
  readonly threshold: number;
  heard = 0;
  counted = false;
  private last: number | null = null;

  constructor(trackId: number, durationS: number | null) {
    this.trackId = trackId;
    this.threshold = countsAfter(durationS);
  }

  /**
   * The playhead is at `position`, `elapsed` wall-clock seconds after the last report. Returns
   * true exactly once: when this listen has just become a play.
   */
  playedTo(position: number, elapsed: number): boolean {
    if (this.last !== null && position > this.last) {
      // Never more than the time that really passed: a jump is a seek, not listening.
      this.heard += Math.min(position - this.last, elapsed + 0.5);
    }
    this.last = position;
    return this.check();
  }

  /** A seek or a pause: the next report starts from here without crediting the jump. */
  resetFrom(position: number | null): void {
    this.last = position;
  }

  /** The track played to its end without interruption. */
  finished(durationS: number | null): boolean {
    if (this.last !== null && durationS && durationS > this.last) this.heard += durationS - this.last;
    this.last = null;
    return this.check();
  }

  private check(): boolean {
    if (this.counted || this.heard < this.threshold) return false;
    this.counted = true;
    return true;
  }
}
