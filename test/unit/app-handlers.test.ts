// The app's log commands: a reported failure becomes a warning naming the track and its file;
// the log folder is opened where the platform can, and named either way.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { appHandlers } from '../../src/main/core/api/app-handlers.ts';
import { setLogSink, type LogLevel } from '../../src/main/core/log.ts';

describe('the app log commands', () => {
  afterEach(() => {
    setLogSink(null);
    vi.restoreAllMocks();
  });

  it('logs a playback failure with the track id and its file', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const lines: [LogLevel, unknown[]][] = [];
    setLogSink((level, parts) => lines.push([level, parts]));
    const handlers = appHandlers({
      logFile: '/data/logs/tonearm.log',
      trackPath: (id) => (id === 7 ? '/m/a.mp3' : null),
    });
    handlers['app.reportError']({ kind: 'playback', message: 'MP3 cannot be decoded here', trackId: 7 });
    handlers['app.reportError']({ kind: 'renderer', message: 'TypeError: x is undefined' });
    expect(lines).toEqual([
      ['warn', ['playback error (track 7, /m/a.mp3): MP3 cannot be decoded here']],
      ['warn', ['renderer error: TypeError: x is undefined']],
    ]);
  });

  it('opens the log folder where it can and names it either way', async () => {
    const openFolder = vi.fn(async () => true);
    const opened = await appHandlers({ logFile: '/data/logs/tonearm.log', openFolder })['app.openLogFolder']({});
    expect(opened).toEqual({ path: '/data/logs', opened: true });
    expect(openFolder).toHaveBeenCalledWith('/data/logs');
    const shown = await appHandlers({ logFile: '/data/logs/tonearm.log' })['app.openLogFolder']({});
    expect(shown).toEqual({ path: '/data/logs', opened: false });
  });
});
