// The smart playlists as the sidebar and the editor read them, current after every
// playlists.changed (an edit here, in another window, or through the CLI's host).
import { useEffect, useState } from 'react';
import type { PlaylistSummary } from '../../../shared/domain.ts';
import { call, onEvent } from '../bridge/api.ts';

export function useSmartPlaylists(): PlaylistSummary[] {
  const [playlists, setPlaylists] = useState<PlaylistSummary[]>([]);
  useEffect(() => {
    let live = true;
    const load = () =>
      void call('playlists.list', {}).then(({ playlists: all }) => {
        if (live) setPlaylists(all.filter((playlist) => playlist.smartQuery !== null));
      });
    load();
    const stop = onEvent('playlists.changed', load);
    return () => {
      live = false;
      stop();
    };
  }, []);
  return playlists;
}

/** One playlist's summary, read again when it changes; null while loading or once it is gone. */
export function usePlaylistSummary(playlistId: number | null): PlaylistSummary | null {
  const [summary, setSummary] = useState<PlaylistSummary | null>(null);
  useEffect(() => {
    if (playlistId === null) return;
    let live = true;
    const load = () =>
      void call('playlists.get', { playlistId })
        .then(({ playlist }) => live && setSummary(playlist))
        .catch(() => live && setSummary(null));
    load();
    const stop = onEvent('playlists.changed', (change) => {
      if (change.playlistIds.includes(playlistId)) load();
    });
    return () => {
      live = false;
      stop();
    };
  }, [playlistId]);
  return summary;
}
