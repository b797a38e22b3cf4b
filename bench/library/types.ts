export type Format = 'mp3' | 'flac' | 'm4a' | 'ogg' | 'opus';

export const FORMATS: readonly Format[] = ['mp3', 'flac', 'm4a', 'ogg', 'opus'];

export type CoverSource = 'embedded' | 'folder' | 'none';

export interface ReplayGain {
  trackGain: number;
  trackPeak: number;
  albumGain: number;
  albumPeak: number;
}

export interface ManifestTrack {
  /** Absolute path of the generated file. */
  path: string;
  format: Format;
  title: string;
  artist: string;
  album: string;
  albumArtist: string;
  trackNo: number;
  trackTotal: number;
  discNo: number;
  discTotal: number;
  year: number;
  genre: string;
  composer: string;
  compilation: boolean;
  coverSource: CoverSource;
  replayGain: ReplayGain | null;
  mbTrackId: string | null;
}

export interface Manifest {
  tracks: ManifestTrack[];
}

/** The tags every writer needs, plus the cover bytes when the cover is embedded. */
export type TagSource = Omit<ManifestTrack, 'path' | 'format' | 'coverSource'> & {
  cover: Cover | null;
};

export interface Cover {
  jpeg: Buffer;
  width: number;
  height: number;
}

/** Tag values spelled the way taggers (foobar2000, Picard, mp3gain) write them. */
export function gainText(db: number): string {
  return `${db.toFixed(2)} dB`;
}

export function peakText(peak: number): string {
  return peak.toFixed(6);
}
