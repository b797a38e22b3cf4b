// Between the queue and the engine: starts what the queue says, follows the engine from track
// to track, counts plays and skips. The actions (actions.ts) change the queue through here.
import type { PlayStats, TrackRow } from '../../../shared/domain.ts';
import { bridge, call } from '../bridge/api.ts';
import { usePlayer } from '../stores/player.ts';
import { useQueue } from '../stores/queue.ts';
import { useSettings } from '../stores/settings.ts';
import { Engine } from './engine.ts';
import { logFailure } from './failure-log.ts';
import { Listen } from './listen.ts';
import { currentItem, nextIndex, type QueueState } from './queue-model.ts';
import { StallWatch } from './stall-watch.ts';
import { failureMessage, PlaybackError, STALL_SECONDS } from './track-load.ts';
import { onUpcomingChange } from './upcoming.ts';

const TICK_MS = 250;
const ERROR_SHOWN_MS = 10_000;

export const engine = new Engine((id) => bridge.mediaUrl(id), {
  status: (status) => {
    // The playhead as of the change: a pause shows where it stopped, not the last tick.
    usePlayer.getState().set({
      status,
      playing: status === 'playing' || status === 'loading',
      position: status === 'idle' ? usePlayer.getState().position : engine.position(),
    });
    persistSoon();
  },
  advanced: (key) => {
    finishListen();
    const queue = useQueue.getState();
    const index = queue.items.findIndex((item) => item.key === key);
    useQueue.setState({ index: index >= 0 ? index : queue.index });
    failures = 0;
    beginListen(0);
    syncUpcoming();
  },
  ended: () => {
    finishListen();
    const next = nextIndex(useQueue.getState(), true);
    if (next === null) return stopAtEnd();
    useQueue.setState({ index: next });
    startCurrent(0, true, false);
  },
  failed: (key, message) => {
    listen = null;
    const { failed, failures: log } = usePlayer.getState();
    const queue = useQueue.getState();
    const trackId = queue.items.find((item) => item.key === key)?.track.id;
    usePlayer.getState().set({ failures: logFailure(log, { key, trackId: trackId ?? 0, message, at: Date.now() }) });
    // The page is the only one to see a track fail: the main process writes it to the log.
    void call('app.reportError', { kind: 'playback', message: message.slice(0, 2000), trackId }).catch(() => {});
    showError(message, new Map(failed).set(key, message));
    if (useSettings.getState().settings['playback.onError'] === 'stop') return stopAtEnd();
    // Move on, but not round and round a queue in which nothing plays.
    failures++;
    const next = nextIndex(queue, false);
    if (next === null || failures >= queue.items.length) return stopAtEnd();
    useQueue.setState({ index: next });
    startCurrent(0, true, false);
  },
  timing: (trackId, kind, ms) => {
    void call('cache.reportTiming', { trackId, kind, ms: Math.min(ms, 600_000) }).catch(() => {});
  },
});

let listen: Listen | null = null;
const stallWatch = new StallWatch(STALL_SECONDS);
let failures = 0;
let errorTimer: ReturnType<typeof setTimeout> | undefined;

function showError(message: string, failed: ReadonlyMap<number, string>): void {
  usePlayer.getState().set({ error: message, failed });
  clearTimeout(errorTimer);
  errorTimer = setTimeout(() => usePlayer.getState().set({ error: null }), ERROR_SHOWN_MS);
}

/** Called after every change to the queue: the engine prepares what follows now. */
export function syncUpcoming(): void {
  const queue = useQueue.getState();
  const index = nextIndex(queue, true);
  const next = index === null ? null : queue.items[index]!;
  engine.setUpcoming(next?.key ?? null, next?.track ?? null);
  onUpcomingChange(currentItem(queue)?.track ?? null, next?.track ?? null);
  persistSoon();
}

function beginListen(position: number): void {
  const item = currentItem(useQueue.getState());
  listen = item ? new Listen(item.track.id, item.track.durationS) : null;
  listen?.resetFrom(position);
  stallWatch.reset();
  usePlayer.getState().set({
    current: item?.track ?? null,
    currentKey: item?.key ?? null,
    position,
    duration: item?.track.durationS ?? 0,
  });
}

/**
 * Plays the queue's current item from `position`. `byUser`: the listener chose this (a
 * start after failures is not), which also clears an error on show.
 */
export function startCurrent(position: number, autoplay: boolean, byUser = true): void {
  const item = currentItem(useQueue.getState());
  if (byUser) {
    failures = 0;
    usePlayer.getState().set({ error: null });
  }
  if (!item) {
    engine.stop();
    beginListen(0);
    syncUpcoming();
    return;
  }
  beginListen(position);
  engine.play(item.key, item.track, position, autoplay);
  syncUpcoming();
}

/** The listener leaves the current track: a skip, unless its play already counted. */
export function leaveCurrent(): void {
  if (listen && !listen.counted && listen.heard > 0) {
    const trackId = listen.trackId;
    void call('playback.recordSkip', { trackId }).catch(() => {});
  }
  listen = null;
}

/** The track played to its end. */
function finishListen(): void {
  if (listen?.finished(engine.duration())) recordPlay(listen.trackId);
  listen = null;
}

function stopAtEnd(): void {
  engine.stop();
  usePlayer.getState().set({ position: 0 });
  persistSoon();
}

export function seekCurrent(position: number): void {
  listen?.resetFrom(position);
  stallWatch.reset();
  usePlayer.getState().set({ position });
  // Restored but not started yet: the start will be from here.
  if (engine.status !== 'idle') engine.seek(position);
  persistSoon();
}

function recordPlay(trackId: number): void {
  call('playback.recordPlay', { trackId })
    .then((stats) => applyStats(stats))
    .catch(() => {});
}

function applyStats(stats: PlayStats): void {
  const update = (track: TrackRow): TrackRow =>
    track.id === stats.trackId ? { ...track, playCount: stats.playCount, lastPlayedAt: stats.lastPlayedAt } : track;
  const queue = useQueue.getState();
  useQueue.setState({ items: queue.items.map((item) => ({ ...item, track: update(item.track) })) });
  const { current } = usePlayer.getState();
  if (current) usePlayer.getState().set({ current: update(current) });
}

export function updateQueue(change: (queue: QueueState) => QueueState): void {
  useQueue.setState(change(useQueue.getState()), true);
}

// Persistence registers itself here rather than being imported, to keep this module's imports one-way.
let persist: () => void = () => {};
export function onPersist(save: () => void): void {
  persist = save;
}
export function persistSoon(): void {
  persist();
}

let lastTick = performance.now();
let ticking: ReturnType<typeof setInterval> | undefined;

/** The playhead, four times a second: for the seek bar, and for the play count. */
export function startTicking(): void {
  if (ticking) return;
  ticking = setInterval(() => {
    const now = performance.now();
    const elapsed = (now - lastTick) / 1000;
    lastTick = now;
    if (engine.status === 'idle') return;
    const position = engine.position();
    const duration = engine.duration() ?? 0;
    const player = usePlayer.getState();
    if (player.position !== position || player.duration !== duration) player.set({ position, duration });
    if (engine.status === 'playing' && listen?.playedTo(position, elapsed)) recordPlay(listen.trackId);
    const meansToPlay = engine.status === 'playing' || engine.status === 'loading';
    const track = player.current;
    if (stallWatch.observe(meansToPlay, position, now) && track) {
      engine.failCurrent(new PlaybackError('stalled', failureMessage(track, 'stalled')));
    }
  }, TICK_MS);
}
