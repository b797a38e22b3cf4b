import { useEffect, useRef, useState } from 'react';
import { bridge } from '../bridge/api.ts';
import {
  cycleRepeat,
  next,
  previous,
  seekTo,
  setVolume,
  toggleMute,
  togglePlay,
  toggleShuffle,
} from '../player/actions.ts';
import { initPlayer } from '../player/init.ts';
import { nextIndex } from '../player/queue-model.ts';
import { NowPlayingRating } from '../ratings/NowPlayingRating.tsx';
import { usePlayer } from '../stores/player.ts';
import { useQueue } from '../stores/queue.ts';
import '../styles/player.css';
import { PlaybackFailures } from './PlaybackFailures.tsx';
import { Icon } from './PlayerIcons.tsx';
import { QueuePanel } from './QueuePanel.tsx';
import { SeekBar } from './SeekBar.tsx';

const REPEAT_LABEL = { off: 'Repeat: off', all: 'Repeat: all', one: 'Repeat: one' } as const;

function Cover({ hash }: { hash: string | null }) {
  const [failed, setFailed] = useState<string | null>(null);
  if (!hash || failed === hash) return <div className="np-cover np-cover-empty" aria-hidden="true" />;
  return (
    <img className="np-cover" src={bridge.coverUrl(hash, 'thumb')} alt="Album cover" onError={() => setFailed(hash)} />
  );
}

function Volume() {
  const volume = usePlayer((state) => state.volume);
  const muted = usePlayer((state) => state.muted);
  return (
    <div className="np-volume">
      <button
        type="button"
        className="icon-button"
        aria-label={muted ? 'Unmute' : 'Mute'}
        aria-pressed={muted}
        onClick={toggleMute}
      >
        <Icon name={muted || volume === 0 ? 'muted' : 'volume'} />
      </button>
      <input
        type="range"
        aria-label="Volume"
        min={0}
        max={1}
        step={0.01}
        value={muted ? 0 : volume}
        onChange={(event) => setVolume(Number(event.target.value))}
        // Dragged with the mouse, the slider lets go of the focus: arrows then seek as
        // everywhere else. Reached with Tab, it keeps it and its arrows change the volume.
        onPointerUp={(event) => event.currentTarget.blur()}
      />
    </div>
  );
}

export function NowPlayingBar() {
  const { current, status, playing, position, duration, error } = usePlayer();
  const shuffle = useQueue((state) => state.shuffle);
  const repeat = useQueue((state) => state.repeat);
  const canNext = useQueue((state) => nextIndex(state, false) !== null);
  const [queueOpen, setQueueOpen] = useState(false);
  const bar = useRef<HTMLElement>(null);
  useEffect(() => initPlayer(), []);
  // The queue panel stands on the bar, whatever height the bar wraps to.
  useEffect(() => {
    const element = bar.current;
    if (!element) return;
    const observer = new ResizeObserver(() =>
      document.documentElement.style.setProperty('--player-bar-height', `${element.offsetHeight}px`),
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  return (
    <>
      <footer
        ref={bar}
        className="now-playing player-bar"
        aria-label="Now playing"
        data-testid="now-playing"
        data-status={status}
        data-position={position.toFixed(2)}
      >
        <div className="np-track">
          <Cover hash={current?.coverHash ?? null} />
          <div className="now-playing-text">
            {current ? (
              <>
                <div className="np-title" data-testid="now-playing-title" title={current.title}>
                  {current.title}
                </div>
                <div className="np-sub" data-testid="now-playing-artist">
                  {current.artist}
                </div>
                <div className="np-sub" data-testid="now-playing-album">
                  {current.album}
                </div>
                <NowPlayingRating />
              </>
            ) : (
              <div className="np-sub">Nothing playing</div>
            )}
          </div>
        </div>
        <div className="np-center">
          <div className="np-transport">
            <button
              type="button"
              className={shuffle ? 'icon-button active' : 'icon-button'}
              aria-label="Shuffle"
              aria-pressed={shuffle}
              onClick={toggleShuffle}
            >
              <Icon name="shuffle" />
            </button>
            <button type="button" className="icon-button" aria-label="Previous" disabled={!current} onClick={previous}>
              <Icon name="previous" />
            </button>
            <button
              type="button"
              className="play-button"
              aria-label={playing ? 'Pause' : 'Play'}
              disabled={!current}
              onClick={togglePlay}
            >
              <Icon name={playing ? 'pause' : 'play'} size={20} />
            </button>
            <button type="button" className="icon-button" aria-label="Next" disabled={!canNext} onClick={next}>
              <Icon name="next" />
            </button>
            <button
              type="button"
              className={repeat !== 'off' ? 'icon-button active' : 'icon-button'}
              aria-label={REPEAT_LABEL[repeat]}
              data-repeat={repeat}
              onClick={cycleRepeat}
            >
              <Icon name={repeat === 'one' ? 'repeat-one' : 'repeat'} />
            </button>
          </div>
          <SeekBar position={position} duration={duration} onSeek={seekTo} />
          {/* One line is kept for these whether shown or not: the bar is centred in the footer,
              so a line that came and went would move the seek bar under a pointer about to drag it. */}
          <div className="np-message">
            {error ? (
              <div className="np-error" role="alert" title={error}>
                {error}
              </div>
            ) : (
              status === 'loading' && <div className="np-status">Loading…</div>
            )}
          </div>
        </div>
        <div className="np-right">
          <PlaybackFailures />
          <Volume />
          <button
            type="button"
            className={queueOpen ? 'icon-button active' : 'icon-button'}
            aria-label="Queue"
            aria-expanded={queueOpen}
            aria-controls="queue-panel"
            onClick={() => setQueueOpen(!queueOpen)}
          >
            <Icon name="queue" />
          </button>
        </div>
      </footer>
      {queueOpen && <QueuePanel onClose={() => setQueueOpen(false)} />}
    </>
  );
}
