// The contract over the headless host's WebSocket, shaped exactly like the Electron preload's
// window.tonearm, so that the rest of the renderer cannot tell which one it has.
import type { ServerMessage, TonearmBridge } from '../../../shared/api.ts';
import type { CommandOutput, EventName } from '../../../shared/contract.ts';
import type { Result } from '../../../shared/result.ts';

type Pending = (result: Result<unknown>) => void;

export function socketBridge(location: Location): TonearmBridge {
  const token = new URLSearchParams(location.search).get('token') ?? '';
  const wsUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api?token=${encodeURIComponent(token)}`;
  const pending = new Map<number, Pending>();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let nextId = 1;
  let socket: WebSocket;
  let opened: Promise<void>;

  const connect = () => {
    socket = new WebSocket(wsUrl);
    opened = new Promise((resolve) => socket.addEventListener('open', () => resolve(), { once: true }));
    socket.addEventListener('message', (event) => {
      const message = JSON.parse(String(event.data)) as ServerMessage;
      if ('event' in message) {
        for (const listener of listeners.get(message.event) ?? []) listener(message.payload);
        return;
      }
      const settle = pending.get(message.id);
      pending.delete(message.id);
      settle?.(message);
    });
    socket.addEventListener('close', () => {
      for (const settle of pending.values()) {
        settle({ ok: false, error: { code: 'INTERNAL', message: 'The connection to Tonearm was lost' } });
      }
      pending.clear();
      setTimeout(connect, 1000);
    });
  };
  connect();

  return {
    invoke(name, input) {
      type Reply = Result<CommandOutput<typeof name>>;
      const send = () =>
        new Promise<Reply>((resolve) => {
          const id = nextId++;
          pending.set(id, resolve as Pending);
          socket.send(JSON.stringify({ id, name, input }));
        });
      // On an open socket the request leaves in the caller's own task, not a microtask later
      // (behind whatever render the caller's state change queued).
      return socket.readyState === WebSocket.OPEN ? send() : opened.then(send);
    },
    on(name, listener) {
      const set = listeners.get(name) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      listeners.set(name, set);
      return () => set.delete(listener as (payload: unknown) => void);
    },
    mediaUrl: (trackId) => `/media/${trackId}?token=${encodeURIComponent(token)}`,
    coverUrl: (hash, size) => `/media/cover/${hash}?size=${size}&token=${encodeURIComponent(token)}`,
    pathForFile: () => null,
  };
}
