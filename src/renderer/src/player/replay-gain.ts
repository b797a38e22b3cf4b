// ReplayGain as a linear gain for the track's gain node: 10^((gain + preamp) / 20), held down
// to 1/peak when clipping protection is on so the loudest sample stays at or below full scale.
import type { TrackRow } from '../../../shared/domain.ts';

export type ReplayGainMode = 'off' | 'track' | 'album';

export interface ReplayGainSettings {
  mode: ReplayGainMode;
  preampDb: number;
  clippingProtection: boolean;
}

type Gains = Pick<TrackRow, 'rgTrackGain' | 'rgTrackPeak' | 'rgAlbumGain' | 'rgAlbumPeak'>;

/** The gain (dB) and peak the mode asks for, falling back to the other kind when a tag is missing. */
export function pickGain(track: Gains, mode: ReplayGainMode): { gainDb: number; peak: number | null } | null {
  if (mode === 'off') return null;
  const album = track.rgAlbumGain !== null ? { gainDb: track.rgAlbumGain, peak: track.rgAlbumPeak } : null;
  const own = track.rgTrackGain !== null ? { gainDb: track.rgTrackGain, peak: track.rgTrackPeak } : null;
  return mode === 'album' ? (album ?? own) : (own ?? album);
}

/**
 * A track without ReplayGain tags plays as it is: the pre-amp exists to offset the level
 * ReplayGain brings tracks down to, and applying it alone would make untagged tracks jump out.
 */
export function replayGainFactor(track: Gains, settings: ReplayGainSettings): number {
  const picked = pickGain(track, settings.mode);
  if (!picked) return 1;
  const gain = 10 ** ((picked.gainDb + settings.preampDb) / 20);
  if (!settings.clippingProtection || !picked.peak || picked.peak <= 0) return gain;
  return Math.min(gain, 1 / picked.peak);
}
