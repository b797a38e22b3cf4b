// A track played from decoded PCM by AudioBufferSourceNodes on the audio clock: gapless joins
// and instant seeks. Positions are kept in frames, so that a source scheduled to start where
// another stops continues on the very next sample.
import type { TrackRow } from '../../../shared/domain.ts';
import { DECLICK_SECONDS, frameNow, rampTo, type Output } from './output.ts';
import { HANDOVER_LEAD_SECONDS, MAX_WAIT_SECONDS, START_LEAD_SECONDS } from './policy.ts';
import type { Decoded, TrackLoad } from './track-load.ts';
import { voiceChain, type Voice, type VoiceEvents } from './voice.ts';

export class DecodedVoice implements Voice {
  readonly kind = 'decoded';
  readonly track: TrackRow;
  readonly load: TrackLoad;

  private readonly ctx: AudioContext;
  private readonly rate: number;
  private events: VoiceEvents;
  private readonly fader: GainNode;
  private readonly rg: GainNode;
  private readonly unsubscribe: () => void;
  private node: AudioBufferSourceNode | null = null;
  private playing: Decoded | null = null;
  /** The music frame `anchorPos` sounds at context frame `anchorFrame`. */
  private anchorFrame = 0;
  private anchorPos = 0;
  /** Set while waiting for audio that covers this music frame. */
  private pending: number | null = null;
  private stopped = false;

  constructor(output: Output, load: TrackLoad, gain: number, events: VoiceEvents) {
    this.ctx = output.ctx;
    this.rate = output.ctx.sampleRate;
    this.track = load.track;
    this.load = load;
    this.events = events;
    ({ fader: this.fader, rg: this.rg } = voiceChain(this.ctx, output.master, gain));
    this.unsubscribe = load.onChange(() => this.loadChanged());
  }

  start(positionS: number, at: number | null, fadeIn: boolean): void {
    const atFrame =
      at === null ? frameNow(this.ctx) + Math.round(START_LEAD_SECONDS * this.rate) : Math.round(at * this.rate);
    this.play(Math.max(0, Math.round(positionS * this.rate)), atFrame, fadeIn);
  }

  seek(positionS: number): void {
    this.start(positionS, null, true);
  }

  position(): number {
    if (this.pending !== null) return this.pending / this.rate;
    if (!this.node || !this.playing) return this.anchorPos / this.rate;
    const pos = this.anchorPos + Math.max(0, frameNow(this.ctx) - this.anchorFrame);
    return Math.min(pos, this.playing.frames) / this.rate;
  }

  duration(): number | null {
    return this.load.full ? this.load.full.frames / this.rate : this.track.durationS;
  }

  endTime(): number | null {
    if (!this.node || !this.playing?.complete) return null;
    return (this.anchorFrame + this.playing.frames - this.anchorPos) / this.rate;
  }

  /** A voice scheduled ahead reports to whoever owns it once it is the one playing. */
  redirect(events: VoiceEvents): void {
    this.events = events;
  }

  setGain(value: number): void {
    rampTo(this.rg.gain, value, this.ctx);
  }

  // Pausing suspends the whole context, which holds every scheduled source where it is.
  pause(): void {}
  resume(): void {}

  stop(fadeOut: boolean): void {
    if (this.stopped) return;
    this.stopped = true;
    this.unsubscribe();
    const end = fadeOut ? this.fadeOutNow() : this.ctx.currentTime;
    this.node?.stop(end);
    this.node = null;
    const { fader, rg } = this;
    setTimeout(
      () => {
        fader.disconnect();
        rg.disconnect();
      },
      (end - this.ctx.currentTime) * 1000 + 100,
    );
  }

  private fadeOutNow(): number {
    rampTo(this.fader.gain, 0, this.ctx);
    return this.ctx.currentTime + DECLICK_SECONDS;
  }

  private play(pos: number, atFrame: number, fadeIn: boolean): void {
    if (this.stopped) return;
    const gain = this.fader.gain;
    const now = this.ctx.currentTime;
    gain.cancelScheduledValues(now);
    let startFrame = atFrame;
    if (this.node) {
      // Replacing a sounding source (a seek): fade it out, then fade the new one in after it.
      gain.setValueAtTime(gain.value, now);
      gain.linearRampToValueAtTime(0, now + DECLICK_SECONDS);
      this.node.stop(now + DECLICK_SECONDS);
      this.node = null;
      startFrame = Math.max(atFrame, Math.ceil((now + DECLICK_SECONDS) * this.rate) + 1);
      fadeIn = true;
    } else {
      gain.setValueAtTime(fadeIn ? 0 : 1, now);
    }
    // Half a second in hand, so a partial decode does not run out the moment it starts.
    const decoded = this.load.covering(pos, Math.round(0.5 * this.rate));
    if (!decoded) {
      this.pending = pos;
      this.anchorPos = pos;
      this.playing = null;
      if (this.load.error) this.events.failed(this.load.error);
      else this.events.waiting(true);
      return;
    }
    const wasPending = this.pending !== null;
    this.pending = null;
    this.schedule(decoded, pos, startFrame);
    if (fadeIn) {
      const at = startFrame / this.rate;
      gain.setValueAtTime(0, at);
      gain.linearRampToValueAtTime(1, at + DECLICK_SECONDS);
    }
    if (wasPending) this.events.waiting(false);
    this.events.sounding();
    if (decoded.complete) this.events.endChanged();
  }

  private schedule(decoded: Decoded, pos: number, atFrame: number): void {
    const source = new AudioBufferSourceNode(this.ctx, { buffer: decoded.buffer });
    source.connect(this.fader);
    source.start(atFrame / this.rate, (decoded.head + pos) / this.rate, (decoded.frames - pos) / this.rate);
    source.onended = () => this.sourceEnded(source);
    this.node = source;
    this.playing = decoded;
    this.anchorFrame = atFrame;
    this.anchorPos = pos;
  }

  private loadChanged(): void {
    if (this.stopped) return;
    const wait = this.load.expectedWait();
    if (this.pending !== null) {
      if (this.load.covering(this.pending, Math.round(0.5 * this.rate)) || this.load.full) {
        this.play(this.pending, frameNow(this.ctx) + Math.round(START_LEAD_SECONDS * this.rate), true);
      } else if (this.load.error) {
        this.events.failed(this.load.error);
      } else if (!this.load.partialComing && wait !== null && wait > MAX_WAIT_SECONDS) {
        // Waiting past what is decoded (a seek, or the first part ran out), and the rest is far off.
        this.events.outrun();
      }
      return;
    }
    if (this.playing && !this.playing.complete) {
      if (this.load.full) this.handOver(this.load.full);
      else if (wait !== null && wait > this.partialLeft() - 1) this.events.outrun();
    }
  }

  /** Seconds of the partial decode still to play. */
  private partialLeft(): number {
    if (!this.playing) return 0;
    return (this.playing.frames - this.position() * this.rate) / this.rate;
  }

  /**
   * From the partial decode to the full one, a little ahead of the playhead: the old source
   * stops on the frame the new one starts, and both hold the same samples there.
   */
  private handOver(full: Decoded): void {
    const at = frameNow(this.ctx) + Math.round(HANDOVER_LEAD_SECONDS * this.rate);
    const pos = this.anchorPos + Math.max(0, at - this.anchorFrame);
    // Too late: the partial decode ends first; sourceEnded picks up from the full one.
    if (!this.node || !this.playing || pos >= this.playing.frames) return;
    const old = this.node;
    this.schedule(full, pos, Math.max(at, this.anchorFrame));
    old.stop(Math.max(at, this.anchorFrame) / this.rate);
    this.events.endChanged();
  }

  private sourceEnded(source: AudioBufferSourceNode): void {
    if (source !== this.node || this.stopped) return;
    const played = this.playing;
    this.node = null;
    if (played?.complete) {
      this.anchorPos = played.frames;
      this.events.ended();
      return;
    }
    // The partial decode ran out before the rest of the file came: wait for it there.
    this.pending = played ? played.frames : this.anchorPos;
    this.playing = null;
    this.events.waiting(true);
    this.loadChanged();
  }
}
