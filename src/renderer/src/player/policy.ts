// The numbers behind the player's choices, in one place (docs/playback.md explains them).
import type { TrackRow } from '../../../shared/domain.ts';

/** Longer tracks stream through the <audio> element: decoded PCM costs ≈21 MB a stereo minute. */
export const MAX_DECODED_SECONDS = 12 * 60;
/** Bigger files stream too: they take too long to fetch whole (hi-res, WAV) before a seek can land. */
export const MAX_DECODED_BYTES = 160 * 1024 * 1024;
/** A cold start decodes about this much of the file first, and plays it while the rest arrives. */
export const PREFIX_SECONDS = 10;
export const PREFIX_MIN_BYTES = 64 * 1024;
export const PREFIX_MAX_BYTES = 8 * 1024 * 1024;
/** The last frames of a partial decode may come from a cut frame: never play them. */
export const PREFIX_TAIL_FRAMES = 8192;
/** When a start or seek lands where nothing is decoded and waiting would take longer, stream instead. */
export const MAX_WAIT_SECONDS = 1.5;
/** Lead time for a source started "now", and for the switch from a partial to the full decode. */
export const START_LEAD_SECONDS = 0.03;
export const HANDOVER_LEAD_SECONDS = 0.15;
/** Decoding speed, roughly (seconds of work per second of audio), to predict a wait. */
export const DECODE_SECONDS_PER_SECOND = 0.003;
/** A press of Previous this far into a track restarts it instead. */
export const RESTART_AFTER_SECONDS = 3;

export function estimatedBytes(track: TrackRow): number | null {
  return track.bitrate && track.durationS ? (track.bitrate / 8) * track.durationS : null;
}

/** Whether a track is played from decoded PCM (gapless, instant seeks) or streamed. */
export function decodable(track: TrackRow): boolean {
  if (track.durationS !== null && track.durationS > MAX_DECODED_SECONDS) return false;
  const bytes = estimatedBytes(track);
  return bytes === null || bytes <= MAX_DECODED_BYTES;
}

export function prefixBytes(track: TrackRow): number {
  const perSecond = track.bitrate ? track.bitrate / 8 : null;
  if (!perSecond) return 2 * 1024 * 1024;
  return Math.min(PREFIX_MAX_BYTES, Math.max(PREFIX_MIN_BYTES, Math.round(perSecond * PREFIX_SECONDS)));
}
