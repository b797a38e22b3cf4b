// A track streamed by the one <audio> element, routed into the same graph (ReplayGain,
// volume): for tracks too long or too big to decode whole, and for a seek that lands where
// nothing is decoded on a slow share. Starting and seeking are Range requests; joins are not
// sample-exact.
import type { TrackRow } from '../../../shared/domain.ts';
import { rampTo, type Output } from './output.ts';
import { failureMessage, PlaybackError, refusal } from './track-load.ts';
import { voiceChain, type Voice, type VoiceEvents } from './voice.ts';

let element: HTMLAudioElement | null = null;
let elementSource: MediaElementAudioSourceNode | null = null;

/** The element (once per page: an element can feed only one MediaElementAudioSourceNode, ever). */
function streamElement(output: Output): { audio: HTMLAudioElement; source: MediaElementAudioSourceNode } {
  if (!element || !elementSource) {
    element = document.createElement('audio');
    element.preload = 'auto';
    // The app's media scheme is another origin than the page: without CORS, Web Audio hears silence.
    element.crossOrigin = 'anonymous';
    element.dataset.testid = 'audio-output';
    element.hidden = true;
    document.body.append(element);
    elementSource = new MediaElementAudioSourceNode(output.ctx, { mediaElement: element });
  }
  return { audio: element, source: elementSource };
}

export class StreamVoice implements Voice {
  readonly kind = 'stream';
  readonly track: TrackRow;

  private readonly output: Output;
  private readonly url: string;
  private readonly events: VoiceEvents;
  private readonly audio: HTMLAudioElement;
  private readonly source: MediaElementAudioSourceNode;
  private readonly fader: GainNode;
  private readonly rg: GainNode;
  private readonly listeners: [string, () => void][];
  private paused = false;
  private stopped = false;

  constructor(output: Output, track: TrackRow, url: string, gain: number, events: VoiceEvents) {
    this.output = output;
    this.track = track;
    this.url = url;
    this.events = events;
    ({ audio: this.audio, source: this.source } = streamElement(output));
    ({ fader: this.fader, rg: this.rg } = voiceChain(output.ctx, output.master, gain));
    this.source.connect(this.fader);
    this.listeners = [
      ['playing', () => this.events.waiting(false)],
      ['playing', () => this.events.sounding()],
      ['waiting', () => this.events.waiting(true)],
      ['ended', () => this.events.ended()],
      ['durationchange', () => this.events.endChanged()],
      ['error', () => void this.failed()],
    ];
    for (const [name, listener] of this.listeners) this.audio.addEventListener(name, listener);
  }

  start(positionS: number, _at: number | null, _fadeIn: boolean): void {
    if (this.audio.src !== new URL(this.url, document.baseURI).href) this.audio.src = this.url;
    // Before the metadata is in, this sets where playback will begin (a Range request there).
    this.audio.currentTime = positionS;
    this.events.waiting(true);
    if (!this.paused) this.play();
  }

  seek(positionS: number): void {
    this.audio.currentTime = positionS;
  }

  position(): number {
    return this.audio.currentTime;
  }

  duration(): number | null {
    return Number.isFinite(this.audio.duration) ? this.audio.duration : this.track.durationS;
  }

  endTime(): number | null {
    return null;
  }

  setGain(value: number): void {
    rampTo(this.rg.gain, value, this.output.ctx);
  }

  pause(): void {
    this.paused = true;
    this.audio.pause();
  }

  resume(): void {
    this.paused = false;
    this.play();
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    for (const [name, listener] of this.listeners) this.audio.removeEventListener(name, listener);
    this.audio.pause();
    this.audio.removeAttribute('src');
    this.audio.load();
    this.source.disconnect(this.fader);
    this.fader.disconnect();
    this.rg.disconnect();
  }

  private play(): void {
    this.audio.play().catch(() => {
      // Refused (no user gesture yet) or interrupted by the next load: the element's own
      // 'error' event reports real failures.
    });
  }

  private async failed(): Promise<void> {
    if (this.stopped) return;
    // The element says only "not supported": ask the server whether the file is there at all.
    let kind: 'unavailable' | 'undecodable' = 'undecodable';
    let refused: PlaybackError | null = null;
    try {
      const response = await fetch(this.url, { method: 'HEAD', cache: 'no-store' });
      // A HEAD has no body to say why: a refusal is asked again for its reason.
      if (response.status === 415) refused = await refusal(this.track, await fetch(this.url, { cache: 'no-store' }));
      else if (!response.ok) kind = 'unavailable';
    } catch {
      kind = 'unavailable';
    }
    if (!this.stopped) this.events.failed(refused ?? new PlaybackError(kind, failureMessage(this.track, kind)));
  }
}
