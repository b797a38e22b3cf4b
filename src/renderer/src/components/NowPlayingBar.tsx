import { seekTo, togglePlay } from '../player/audio-output.ts';
import { usePlayer } from '../stores/player.ts';
import { SeekBar } from './SeekBar.tsx';

export function NowPlayingBar() {
  const { current, playing, position, duration, error } = usePlayer();
  return (
    <footer className="now-playing" aria-label="Now playing">
      <button
        type="button"
        className="play-button"
        aria-label={playing ? 'Pause' : 'Play'}
        disabled={!current}
        onClick={togglePlay}
      >
        {playing ? '❚❚' : '▶'}
      </button>
      <div className="now-playing-text">
        {current ? (
          <>
            <div className="np-title" data-testid="now-playing-title">
              {current.title}
            </div>
            <div className="np-sub">{[current.artist, current.album].filter(Boolean).join(' — ')}</div>
          </>
        ) : (
          <div className="np-sub">Nothing playing</div>
        )}
        {error && (
          <div className="np-error" role="alert">
            {error}
          </div>
        )}
      </div>
      <SeekBar position={position} duration={duration} onSeek={seekTo} />
    </footer>
  );
}
