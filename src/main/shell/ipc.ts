import { ipcMain, type BrowserWindow, type WebFrameMain } from 'electron';
import { EVENT_CHANNEL, channelFor, commandNames } from '../../shared/contract.ts';
import { dispatch } from '../core/api/dispatch.ts';
import type { Handlers } from '../core/api/handlers.ts';
import type { EventBus } from '../core/events/bus.ts';

/**
 * Wires every command of the contract to ipcMain: one channel per command, derived from the
 * contract. Messages from any frame but our own renderer are refused.
 */
export function wireContract(handlers: Handlers, isTrusted: (frame: WebFrameMain | null) => boolean): void {
  for (const name of commandNames) {
    ipcMain.handle(channelFor(name), (event, input: unknown) => {
      if (!isTrusted(event.senderFrame)) {
        return { ok: false, error: { code: 'BAD_INPUT', message: 'Refused: the sender is not the Tonearm window' } };
      }
      return dispatch(handlers, name, input);
    });
  }
}

/** Every event of the bus goes to every window. */
export function forwardEvents(bus: EventBus, windows: () => BrowserWindow[]): () => void {
  return bus.subscribe((name, payload) => {
    for (const window of windows()) {
      if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, name, payload);
    }
  });
}
