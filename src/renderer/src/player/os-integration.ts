// The OS's view of the player: MediaSession metadata and actions (media keys, the OS media
// overlays, MPRIS on Linux) and the window title.
import { bridge } from '../bridge/api.ts';
import { usePlayer, type PlayerState } from '../stores/player.ts';
import { next, pause, play, previous, seekBy, seekTo } from './actions.ts';

const APP_NAME = 'Tonearm';

/**
 * Chromium gives the media keys and overlays to a page only while one of its media elements
 * plays; audio made by Web Audio does not count. So an element loops a few seconds of
 * silence whenever the player plays (its volume stays up: a muted element does not count either).
 */
function silentAnchor(): HTMLAudioElement {
  const rate = 8000;
  const seconds = 10;
  const header = new ArrayBuffer(44);
  const view = new DataView(header);
  const text = (at: number, value: string) => [...value].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
  text(0, 'RIFF');
  view.setUint32(4, 36 + rate * seconds, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, rate, true);
  view.setUint32(28, rate, true);
  view.setUint16(32, 1, true);
  view.setUint16(34, 8, true); // 8-bit: silence is 128
  text(36, 'data');
  view.setUint32(40, rate * seconds, true);
  const samples = new Uint8Array(rate * seconds).fill(128);
  const audio = document.createElement('audio');
  audio.src = URL.createObjectURL(new Blob([header, samples], { type: 'audio/wav' }));
  audio.loop = true;
  audio.hidden = true;
  audio.dataset.testid = 'media-session-anchor';
  document.body.append(audio);
  return audio;
}

function absolute(url: string): string {
  return new URL(url, document.baseURI).href;
}

function showTrack(state: PlayerState, anchor: HTMLAudioElement | null): void {
  const track = state.current;
  document.title = track ? `${track.title}${track.artist ? ` – ${track.artist}` : ''} · ${APP_NAME}` : APP_NAME;
  const session = navigator.mediaSession;
  if (!session) return;
  session.metadata = track
    ? new MediaMetadata({
        title: track.title,
        artist: track.artist,
        album: track.album,
        artwork: track.coverHash
          ? [
              { src: absolute(bridge.coverUrl(track.coverHash, 'thumb')), sizes: '256x256' },
              { src: absolute(bridge.coverUrl(track.coverHash, 'full')) },
            ]
          : [],
      })
    : null;
  session.playbackState = !track ? 'none' : state.playing ? 'playing' : 'paused';
  if (anchor) {
    if (state.playing) void anchor.play().catch(() => {});
    else anchor.pause();
  }
}

function showPosition(state: PlayerState): void {
  const session = navigator.mediaSession;
  if (!session?.setPositionState) return;
  try {
    if (!state.current || !(state.duration > 0)) session.setPositionState();
    else {
      session.setPositionState({
        duration: state.duration,
        position: Math.min(state.position, state.duration),
        playbackRate: 1,
      });
    }
  } catch {
    // A position past a duration not yet corrected by the decoder: the next update fixes it.
  }
}

export function connectOs(): void {
  const session = navigator.mediaSession;
  const anchor = session ? silentAnchor() : null;
  if (session) {
    const handlers: [MediaSessionAction, MediaSessionActionHandler][] = [
      ['play', () => play()],
      ['pause', () => pause()],
      ['stop', () => pause()],
      ['previoustrack', () => previous()],
      ['nexttrack', () => next()],
      ['seekto', (details) => details.seekTime !== undefined && seekTo(details.seekTime)],
      ['seekbackward', (details) => seekBy(-(details.seekOffset ?? 10))],
      ['seekforward', (details) => seekBy(details.seekOffset ?? 10)],
    ];
    for (const [action, handler] of handlers) {
      try {
        session.setActionHandler(action, handler);
      } catch {
        // An action this browser does not know.
      }
    }
  }
  let last = usePlayer.getState();
  showTrack(last, anchor);
  usePlayer.subscribe((state) => {
    if (state.current !== last.current || state.playing !== last.playing) showTrack(state, anchor);
    // Chromium runs the position on from the rate: only jumps, track changes and pauses need telling.
    const jumped = Math.abs(state.position - last.position) > 1.5;
    if (
      jumped ||
      state.current !== last.current ||
      state.playing !== last.playing ||
      state.duration !== last.duration
    ) {
      showPosition(state);
    }
    last = state;
  });
}
