// A track that never makes sound must not leave the player sitting on "playing": a file whose
// header promises 13 minutes over 390 bytes of nothing can leave both decoders waiting without
// an error. While the player means to play, a playhead that stays put this long is a failure.
export class StallWatch {
  private readonly limitMs: number;
  private since: number | null = null;
  private at = -1;

  constructor(limitSeconds: number) {
    this.limitMs = limitSeconds * 1000;
  }

  /** Called on every tick; true, once, when the playhead has been stuck past the limit. */
  observe(active: boolean, position: number, nowMs: number): boolean {
    if (!active) {
      this.since = null;
      return false;
    }
    if (this.since === null || position !== this.at) {
      this.since = nowMs;
      this.at = position;
      return false;
    }
    if (nowMs - this.since < this.limitMs) return false;
    this.since = null;
    return true;
  }

  /** A new start (another track, a seek): the wait begins again. */
  reset(): void {
    this.since = null;
  }
}
