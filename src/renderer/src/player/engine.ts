// The playback engine: the current track's voice, the next track decoded ahead and scheduled
// to start on the very frame the current one ends, pause as a suspended audio clock. It knows
// tracks, not the queue: the controller tells it what plays now and what comes next.
import type { TrackRow } from '../../../shared/domain.ts';
import { DecodedVoice } from './decoded-voice.ts';
import { audioOutput, DECLICK_SECONDS, rampTo, volumeGain, type Output } from './output.ts';
import { decodable } from './policy.ts';
import { StreamVoice } from './stream-voice.ts';
import { TrackLoad, type PlaybackError } from './track-load.ts';
import type { Voice, VoiceEvents } from './voice.ts';

export type EngineStatus = 'idle' | 'paused' | 'loading' | 'playing';

export interface EngineEvents {
  status(status: EngineStatus): void;
  /** The next track took over on its own (a gapless join, or right after a streamed track). */
  advanced(key: number): void;
  /** The current track is over and nothing was ready to follow: the controller decides. */
  ended(): void;
  failed(key: number, message: string): void;
  /** From play or seek to sound, for the chunk cache's figures. */
  timing(trackId: number, kind: 'start' | 'seek', ms: number): void;
}

interface Current {
  key: number;
  track: TrackRow;
  voice: Voice | null;
  triedStream: boolean;
}

interface Upcoming {
  key: number;
  track: TrackRow;
  voice: DecodedVoice | null;
  at: number | null;
}

export class Engine {
  private readonly urlOf: (trackId: number) => string;
  private readonly events: EngineEvents;
  private output: Output | null = null;
  private current: Current | null = null;
  private upcoming: Upcoming | null = null;
  private readonly loads = new Map<number, TrackLoad>();
  private paused = true;
  private waiting = false;
  private lastStatus: EngineStatus = 'idle';
  private gapless = true;
  private volume = 1;
  private muted = false;
  private gainOf: (track: TrackRow) => number = () => 1;
  private timing: { trackId: number; kind: 'start' | 'seek'; since: number } | null = null;
  private stopUpcomingPrep: (() => void) | null = null;

  constructor(urlOf: (trackId: number) => string, events: EngineEvents) {
    this.urlOf = urlOf;
    this.events = events;
  }

  get status(): EngineStatus {
    return this.lastStatus;
  }

  /** Plays (or, paused, readies) a track from a position: a user's choice, so never gapless. */
  play(key: number, track: TrackRow, positionS: number, autoplay: boolean): void {
    const output = this.out();
    this.current?.voice?.stop(true);
    this.cancelUpcomingVoice();
    this.current = { key, track, voice: null, triedStream: false };
    this.waiting = true;
    this.timing = autoplay ? { trackId: track.id, kind: 'start', since: performance.now() } : null;
    if (autoplay) this.resumeOutput();
    else this.suspendOutput();
    this.paused = !autoplay;
    // voiceFor sets current.voice itself: the voice may hand over to the stream before it returns.
    this.voiceFor(this.current, output, positionS);
    this.pruneLoads();
    this.prepareUpcoming();
    this.scheduleUpcoming();
    this.emitStatus();
  }

  /** What plays after the current track ends; null when nothing does. */
  setUpcoming(key: number | null, track: TrackRow | null): void {
    if (this.upcoming?.key === key && this.upcoming?.track.id === track?.id) return;
    this.cancelUpcomingVoice();
    this.stopUpcomingPrep?.();
    this.stopUpcomingPrep = null;
    this.upcoming = key !== null && track ? { key, track, voice: null, at: null } : null;
    this.pruneLoads();
    this.prepareUpcoming();
    this.scheduleUpcoming();
  }

  pause(): void {
    if (!this.current || this.paused) return;
    this.paused = true;
    this.current.voice?.pause();
    this.suspendOutput();
    this.emitStatus();
  }

  resume(): void {
    if (!this.current) return;
    this.paused = false;
    this.resumeOutput();
    this.current.voice?.resume();
    this.prepareUpcoming();
    this.emitStatus();
  }

  seek(positionS: number): void {
    const current = this.current;
    if (!current?.voice) return;
    const duration = current.voice.duration();
    const target = Math.max(0, duration ? Math.min(positionS, duration - 0.05) : positionS);
    if (!this.paused) this.timing = { trackId: current.track.id, kind: 'seek', since: performance.now() };
    current.voice.seek(target);
  }

  stop(): void {
    this.current?.voice?.stop(true);
    this.cancelUpcomingVoice();
    this.current = null;
    this.upcoming = null;
    this.paused = true;
    this.pruneLoads();
    this.suspendOutput();
    this.emitStatus();
  }

  /** The controller gave up on the current track (it never made a sound): fail it as a voice would. */
  failCurrent(error: PlaybackError): void {
    const slot = this.current;
    if (!slot) return;
    slot.voice?.stop(false);
    slot.voice = null;
    this.waiting = false;
    this.events.failed(slot.key, error.message);
    this.emitStatus();
  }

  position(): number {
    return this.current?.voice?.position() ?? 0;
  }

  duration(): number | null {
    return this.current?.voice?.duration() ?? this.current?.track.durationS ?? null;
  }

  setVolume(volume: number, muted: boolean): void {
    this.volume = volume;
    this.muted = muted;
    if (this.output && !this.paused) rampTo(this.output.master.gain, volumeGain(volume, muted), this.output.ctx);
  }

  setGapless(on: boolean): void {
    this.gapless = on;
    this.scheduleUpcoming();
  }

  /** ReplayGain, recomputed for what is playing and what is scheduled when the settings change. */
  setGains(gainOf: (track: TrackRow) => number): void {
    this.gainOf = gainOf;
    if (this.current?.voice) this.current.voice.setGain(gainOf(this.current.track));
    if (this.upcoming?.voice) this.upcoming.voice.setGain(gainOf(this.upcoming.track));
  }

  private out(): Output {
    this.output ??= audioOutput();
    return this.output;
  }

  private resumeOutput(): void {
    const { ctx, master } = this.out();
    master.gain.cancelScheduledValues(ctx.currentTime);
    master.gain.setValueAtTime(0, ctx.currentTime);
    master.gain.linearRampToValueAtTime(volumeGain(this.volume, this.muted), ctx.currentTime + DECLICK_SECONDS);
    void ctx.resume().catch(() => {});
  }

  /** Fades out, then stops the audio clock: every scheduled source waits where it is. */
  private suspendOutput(): void {
    if (!this.output) return;
    const { ctx, master } = this.output;
    rampTo(master.gain, 0, ctx);
    setTimeout(
      () => {
        if (this.paused && ctx.state === 'running') void ctx.suspend().catch(() => {});
      },
      DECLICK_SECONDS * 1000 + 20,
    );
  }

  private loadFor(track: TrackRow, mode: 'cold' | 'ahead'): TrackLoad {
    let load = this.loads.get(track.id);
    // A failed fetch of a file that might be back (a share reconnected) is tried again.
    if (load?.error && load.error.kind !== 'undecodable') load = undefined;
    if (!load) {
      load = new TrackLoad(track, this.out().ctx, this.urlOf(track.id), mode);
      this.loads.set(track.id, load);
    }
    return load;
  }

  /** Keeps what the current and the next track need, and lets go of everything else (PCM is big). */
  private pruneLoads(): void {
    const keep = new Set([this.current?.track.id, this.upcoming?.track.id]);
    for (const [id, load] of this.loads) {
      if (!keep.has(id)) {
        load.abort();
        this.loads.delete(id);
      }
    }
  }

  private voiceFor(slot: Current, output: Output, positionS: number): void {
    const gain = this.gainOf(slot.track);
    const events = this.currentEvents(slot);
    let voice: Voice;
    if (decodable(slot.track) && !slot.triedStream) {
      voice = new DecodedVoice(output, this.loadFor(slot.track, 'cold'), gain, events);
    } else {
      slot.triedStream = true;
      voice = new StreamVoice(output, slot.track, this.urlOf(slot.track.id), gain, events);
      if (this.paused) voice.pause();
    }
    slot.voice = voice;
    voice.start(positionS, null, positionS > 0);
  }

  /** Swaps a waiting decoded voice for the stream, from where it is. */
  private streamInstead(slot: Current): void {
    if (!slot.voice || slot.triedStream || this.current !== slot) return;
    const position = slot.voice.position();
    slot.voice.stop(true);
    slot.triedStream = true;
    // The element fetches for itself: the whole-file download would only compete with it.
    if (this.upcoming?.track.id !== slot.track.id) {
      this.loads.get(slot.track.id)?.abort();
      this.loads.delete(slot.track.id);
    }
    this.voiceFor(slot, this.out(), position);
    this.pruneLoads();
    this.scheduleUpcoming();
  }

  private currentEvents(slot: Current): VoiceEvents {
    const mine = () => this.current === slot;
    return {
      ended: () => mine() && this.currentEnded(),
      endChanged: () => mine() && this.scheduleUpcoming(),
      waiting: (waiting) => {
        if (!mine()) return;
        this.waiting = waiting;
        this.emitStatus();
      },
      failed: (error: PlaybackError) => {
        if (!mine()) return;
        // Another decoder might manage what decodeAudioData refused.
        if (error.kind === 'undecodable' && !slot.triedStream) return this.streamInstead(slot);
        slot.voice?.stop(false);
        slot.voice = null;
        this.waiting = false;
        this.events.failed(slot.key, error.message);
        this.emitStatus();
      },
      // A slow share: what is decoded runs out (or a seek lands past it) long before the rest is in.
      outrun: () => mine() && this.streamInstead(slot),
      sounding: () => {
        if (!mine()) return;
        this.waiting = false;
        if (this.timing && this.timing.trackId === slot.track.id) {
          this.events.timing(this.timing.trackId, this.timing.kind, performance.now() - this.timing.since);
        }
        this.timing = null;
        this.emitStatus();
      },
    };
  }

  private currentEnded(): void {
    const current = this.current!;
    const upcoming = this.upcoming;
    const output = this.out();
    if (upcoming?.voice && upcoming.at !== null && upcoming.at <= output.ctx.currentTime + 0.5) {
      // Already sounding since the last frame of the current track: it simply becomes current.
      this.takeOver(upcoming, upcoming.voice);
      return;
    }
    const ready = upcoming ? this.loads.get(upcoming.track.id)?.full : null;
    if (upcoming && ready && this.gapless && current.voice?.kind === 'stream') {
      // After a streamed track the join cannot be exact; the decoded next track starts at once.
      this.cancelUpcomingVoice();
      const voice = new DecodedVoice(
        output,
        this.loadFor(upcoming.track, 'ahead'),
        this.gainOf(upcoming.track),
        this.noEvents(),
      );
      voice.start(0, null, false);
      this.takeOver(upcoming, voice);
      return;
    }
    current.voice?.stop(false);
    current.voice = null;
    this.events.ended();
  }

  private takeOver(upcoming: Upcoming, voice: DecodedVoice): void {
    this.current?.voice?.stop(false);
    const slot: Current = { key: upcoming.key, track: upcoming.track, voice, triedStream: false };
    // Scheduled with no one listening: from now on it reports as the current voice.
    voice.redirect(this.currentEvents(slot));
    this.current = slot;
    this.upcoming = null;
    this.waiting = false;
    this.pruneLoads();
    this.events.advanced(slot.key);
    this.emitStatus();
  }

  private noEvents(): VoiceEvents {
    const nothing = () => {};
    return {
      ended: nothing,
      endChanged: nothing,
      waiting: nothing,
      failed: nothing,
      sounding: nothing,
      outrun: nothing,
    };
  }

  /**
   * Fetches and decodes the next track once the current one's own load is done, and only while
   * playing: a paused or restored queue pulls nothing more off a share.
   */
  private prepareUpcoming(): void {
    const track = this.upcoming?.track;
    if (!track || !this.current || this.paused || !decodable(track)) return;
    if (this.loads.has(track.id) && !this.loads.get(track.id)!.error) {
      if (!this.stopUpcomingPrep)
        this.stopUpcomingPrep = this.loads.get(track.id)!.onChange(() => this.scheduleUpcoming());
      return;
    }
    this.stopUpcomingPrep?.();
    this.stopUpcomingPrep = null;
    const current = this.loads.get(this.current.track.id);
    const start = () => {
      this.stopUpcomingPrep?.();
      this.stopUpcomingPrep = null;
      if (this.upcoming?.track.id !== track.id) return;
      const load = this.loadFor(track, 'ahead');
      this.stopUpcomingPrep = load.onChange(() => this.scheduleUpcoming());
    };
    if (!current || current.settled || current.track.id === track.id) return start();
    this.stopUpcomingPrep = current.onChange(() => current.settled && start());
  }

  /** The gapless part: the next track's first frame scheduled on the current one's last. */
  private scheduleUpcoming(): void {
    const upcoming = this.upcoming;
    if (!upcoming) return;
    const end = this.gapless ? (this.current?.voice?.endTime() ?? null) : null;
    const load = this.loads.get(upcoming.track.id);
    if (end === null || !load?.full) return this.cancelUpcomingVoice();
    if (upcoming.voice && upcoming.at === end) return;
    this.cancelUpcomingVoice();
    const voice = new DecodedVoice(this.out(), load, this.gainOf(upcoming.track), this.noEvents());
    voice.start(0, end, false);
    upcoming.voice = voice;
    upcoming.at = end;
  }

  private cancelUpcomingVoice(): void {
    if (!this.upcoming?.voice) return;
    this.upcoming.voice.stop(false);
    this.upcoming.voice = null;
    this.upcoming.at = null;
  }

  private emitStatus(): void {
    const status: EngineStatus = !this.current
      ? 'idle'
      : this.paused
        ? 'paused'
        : this.waiting || !this.current.voice
          ? 'loading'
          : 'playing';
    if (status === this.lastStatus) return;
    this.lastStatus = status;
    this.events.status(status);
  }
}
