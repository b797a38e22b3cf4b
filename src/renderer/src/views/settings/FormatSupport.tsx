import { useEffect, useState } from 'react';
import type { FormatSupport as Support } from '../../../../shared/domain.ts';
import { call, onEvent } from '../../bridge/api.ts';

/** How many tracks play only through ffmpeg (WMA, APE, WavPack…), and whether it is installed. */
export function FormatSupport() {
  const [support, setSupport] = useState<Support | null>(null);
  useEffect(() => {
    const load = () => void call('playback.formatSupport', {}).then(setSupport, () => {});
    load();
    return onEvent('scan.finished', load);
  }, []);
  if (!support || support.needFfmpeg === 0) return null;
  const tracks = `${support.needFfmpeg.toLocaleString()} ${support.needFfmpeg === 1 ? 'track' : 'tracks'}`;
  const formats = support.formats.slice(0, 5).join(', ');
  return (
    <p className="setting-help" data-testid="format-support">
      {support.ffmpeg
        ? `${tracks} (${formats}) are converted by ffmpeg as they play.`
        : `${tracks} (${formats}) need ffmpeg, which is not installed: they cannot be played until it is.`}
    </p>
  );
}
