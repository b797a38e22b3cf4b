// A voice is one track sounding in the output graph. Decoded voices (decoded-voice.ts) play
// PCM scheduled on the audio clock; the stream voice (stream-voice.ts) plays through <audio>.
import type { TrackRow } from '../../../shared/domain.ts';
import type { PlaybackError } from './track-load.ts';

export interface VoiceEvents {
  /** The music ran out: the track is over. */
  ended(): void;
  /** The exact end on the audio clock became known, or moved (a seek). */
  endChanged(): void;
  /** Waiting for audio not decoded or fetched yet (true), or sounding again (false). */
  waiting(waiting: boolean): void;
  failed(error: PlaybackError): void;
  /** Sound starts now (or at the scheduled time): the end of a start's or a seek's latency. */
  sounding(): void;
  /** Playing a partial decode that will run out before the rest of the file can arrive. */
  outrun(): void;
}

export interface Voice {
  readonly track: TrackRow;
  readonly kind: 'decoded' | 'stream';
  /** Starts at `positionS` of the music, at context time `at` (null: as soon as possible). */
  start(positionS: number, at: number | null, fadeIn: boolean): void;
  seek(positionS: number): void;
  position(): number;
  duration(): number | null;
  /** When the music ends on the context clock, if known to the sample. */
  endTime(): number | null;
  setGain(value: number): void;
  pause(): void;
  resume(): void;
  stop(fadeOut: boolean): void;
}

/** Per voice: a fader for declicking and a gain for ReplayGain, into the master. */
export function voiceChain(ctx: BaseAudioContext, master: AudioNode, gain: number): { fader: GainNode; rg: GainNode } {
  const fader = new GainNode(ctx, { gain: 1 });
  const rg = new GainNode(ctx, { gain });
  fader.connect(rg).connect(master);
  return { fader, rg };
}
