// The preload side of the contract: the typed API as window.tonearm, and nothing else (no
// ipcRenderer, no Node). It lives in the shell because it is electron code; src/preload runs it.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { TonearmBridge } from '../../shared/api.ts';
import { EVENT_CHANNEL, MEDIA_SCHEME, channelFor, isCommandName, isEventName } from '../../shared/contract.ts';
import type { Result } from '../../shared/result.ts';

const bridge: TonearmBridge = {
  invoke(name, input) {
    if (!isCommandName(name)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'UNKNOWN_COMMAND', message: `Unknown command: ${String(name)}` },
      });
    }
    return ipcRenderer.invoke(channelFor(name), input) as Promise<Result<never>>;
  },
  on(name, listener) {
    if (!isEventName(name)) throw new Error(`Unknown event: ${String(name)}`);
    const handler = (_event: unknown, eventName: unknown, payload: unknown) => {
      if (eventName === name) (listener as (payload: unknown) => void)(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, handler);
    };
  },
  mediaUrl: (trackId) => `${MEDIA_SCHEME}://track/${trackId}`,
  coverUrl: (hash, size) => `${MEDIA_SCHEME}://cover/${hash}?size=${size}`,
  pathForFile: (file) => webUtils.getPathForFile(file) || null,
};

/** Runs in the preload: exposes the bridge as window.tonearm. */
export function exposeBridge(): void {
  contextBridge.exposeInMainWorld('tonearm', bridge);
}
