// The one audio element, driven by the player store's actions and reporting back into it.
import type { TrackRow } from '../../../shared/domain.ts';
import { bridge } from '../bridge/api.ts';
import { usePlayer } from '../stores/player.ts';

const audio = document.createElement('audio');
audio.preload = 'auto';
audio.dataset.testid = 'audio-output';
audio.hidden = true;
document.body.append(audio);

const update = usePlayer.getState().set;
audio.addEventListener('playing', () => update({ playing: true, error: null }));
audio.addEventListener('pause', () => update({ playing: false }));
audio.addEventListener('ended', () => update({ playing: false }));
audio.addEventListener('timeupdate', () => update({ position: audio.currentTime }));
audio.addEventListener('durationchange', () =>
  update({ duration: Number.isFinite(audio.duration) ? audio.duration : 0 }),
);
audio.addEventListener('error', () => {
  const track = usePlayer.getState().current;
  update({
    playing: false,
    error: track ? `Cannot play “${track.title}”: ${audio.error?.message || 'unsupported or unreadable file'}` : null,
  });
});

export function playTrack(track: TrackRow): void {
  update({ current: track, position: 0, duration: track.durationS ?? 0, error: null });
  audio.src = bridge.mediaUrl(track.id);
  void audio.play().catch(() => {});
}

export function togglePlay(): void {
  if (!usePlayer.getState().current) return;
  if (audio.paused) void audio.play().catch(() => {});
  else audio.pause();
}

export function seekTo(seconds: number): void {
  if (!Number.isFinite(seconds)) return;
  audio.currentTime = Math.max(0, seconds);
  update({ position: audio.currentTime });
}

/** For tests and diagnostics: the element itself. */
export const audioElement = audio;
