// The audio graph every track plays into: per track a fader (declicking) and a ReplayGain
// node, then one master gain for volume and mute, then the speakers. Created on first use,
// since a page may only start audio once the user has done something.

export interface Output {
  ctx: AudioContext;
  master: GainNode;
}

let output: Output | null = null;

export function audioOutput(): Output {
  if (!output) {
    // 'playback' asks for larger buffers: fewer dropouts and less CPU, latency does not matter here.
    const ctx = new AudioContext({ latencyHint: 'playback' });
    const master = new GainNode(ctx, { gain: 1 });
    master.connect(ctx.destination);
    output = { ctx, master };
  }
  return output;
}

export const frameNow = (ctx: BaseAudioContext): number => Math.round(ctx.currentTime * ctx.sampleRate);

/** A short ramp: an instant gain step on a playing waveform is heard as a click. */
export const DECLICK_SECONDS = 0.012;

export function rampTo(param: AudioParam, value: number, ctx: BaseAudioContext, seconds = DECLICK_SECONDS): void {
  const now = ctx.currentTime;
  param.cancelScheduledValues(now);
  param.setValueAtTime(param.value, now);
  param.linearRampToValueAtTime(value, now + seconds);
}

/** Perceived loudness follows the gain's logarithm: a squared slider feels even from 0 to 1. */
export const volumeGain = (volume: number, muted: boolean): number => (muted ? 0 : volume * volume);
