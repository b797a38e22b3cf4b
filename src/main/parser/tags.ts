// From music-metadata's result to the fields the catalog keeps.
import type { IAudioMetadata } from 'music-metadata';
import type { ParsedTrack } from '../common/parse-protocol.ts';

const text = (value: string | undefined | null): string | null => {
  const trimmed = value?.replace(/\0+$/, '').trim();
  return trimmed ? trimmed : null;
};
const positive = (value: number | null | undefined): number | null =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null;
const finite = (value: number | null | undefined): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;
const unique = (values: (string | null)[]): string[] => [...new Set(values.filter((v): v is string => v !== null))];

function yearOf(metadata: IAudioMetadata): number | null {
  const year = positive(metadata.common.year);
  if (year && year >= 1000 && year <= 9999) return year;
  const fromDate = /^(\d{4})/.exec(metadata.common.date ?? metadata.common.originaldate ?? '');
  return fromDate ? Number(fromDate[1]) : null;
}

export function toParsedTrack(metadata: IAudioMetadata): Omit<ParsedTrack, 'cover'> {
  const { common, format } = metadata;
  const artists = unique((common.artists ?? []).map(text));
  const artist = text(common.artist) ?? (artists.length > 0 ? artists.join(', ') : null);
  return {
    title: text(common.title),
    artist,
    artists: artists.length > 0 ? artists : artist ? [artist] : [],
    album: text(common.album),
    albumArtist: text(common.albumartist),
    trackNo: positive(common.track?.no),
    trackTotal: positive(common.track?.of),
    discNo: positive(common.disk?.no),
    discTotal: positive(common.disk?.of),
    year: yearOf(metadata),
    date: text(common.date),
    genres: unique((common.genre ?? []).flatMap((g) => g.split(/\s*;\s*/)).map(text)),
    composer: unique((common.composer ?? []).map(text)).join(', ') || null,
    compilation: common.compilation === true,
    durationS: positive(format.duration),
    codec: text(format.codec),
    container: text(format.container),
    sampleRate: positive(format.sampleRate),
    bitDepth: positive(format.bitsPerSample),
    channels: positive(format.numberOfChannels),
    bitrate: positive(format.bitrate) ? Math.round(format.bitrate!) : null,
    rgTrackGain: finite(common.replaygain_track_gain?.dB),
    rgTrackPeak: finite(common.replaygain_track_peak?.ratio),
    rgAlbumGain: finite(common.replaygain_album_gain?.dB),
    rgAlbumPeak: finite(common.replaygain_album_peak?.ratio),
    mbTrackId: text(common.musicbrainz_trackid),
    mbRecordingId: text(common.musicbrainz_recordingid),
    mbAlbumId: text(common.musicbrainz_albumid),
    mbArtistId: text(common.musicbrainz_artistid?.[0]),
    gaplessDelay: null,
    gaplessPadding: null,
  };
}
