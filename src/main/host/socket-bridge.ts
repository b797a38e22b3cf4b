import type { RawData, WebSocket } from 'ws';
import type { ClientMessage, ServerMessage } from '../../shared/api.ts';
import { dispatch } from '../core/api/dispatch.ts';
import type { Handlers } from '../core/api/handlers.ts';
import type { EventBus } from '../core/events/bus.ts';

const MAX_MESSAGE_BYTES = 1024 * 1024;

function parseClientMessage(data: string): ClientMessage | null {
  try {
    const message = JSON.parse(data) as Partial<ClientMessage>;
    if (typeof message !== 'object' || message === null || !Number.isSafeInteger(message.id)) return null;
    return {
      id: message.id!,
      name: String(message.name),
      input: message.input,
    };
  } catch {
    return null;
  }
}

/** The contract over a WebSocket: requests answered with Results, events pushed to every client. */
export class SocketBridge {
  private readonly clients = new Set<WebSocket>();
  private readonly unsubscribe: () => void;
  private readonly handlers: Handlers;

  constructor(handlers: Handlers, bus: EventBus) {
    this.handlers = handlers;
    this.unsubscribe = bus.subscribe((event, payload) => this.broadcast({ event, payload }));
  }

  attach(socket: WebSocket): void {
    this.clients.add(socket);
    socket.on('close', () => this.clients.delete(socket));
    socket.on('error', () => this.clients.delete(socket));
    socket.on('message', (raw, isBinary) => {
      // Nothing one message does may end the process: whatever escapes is answered, not thrown.
      this.answer(socket, raw, isBinary).catch((err: unknown) => {
        console.error('tonearm: a socket message failed:', err);
        this.send(socket, { id: -1, ok: false, error: { code: 'INTERNAL', message: 'The request failed' } });
      });
    });
  }

  private async answer(socket: WebSocket, raw: RawData, isBinary: boolean): Promise<void> {
    const text = isBinary ? '' : raw.toString();
    const message = text.length <= MAX_MESSAGE_BYTES ? parseClientMessage(text) : null;
    if (!message) {
      this.send(socket, {
        id: -1,
        ok: false,
        error: { code: 'BAD_INPUT', message: 'Malformed message' },
      });
      return;
    }
    this.send(socket, {
      id: message.id,
      ...(await dispatch(this.handlers, message.name, message.input)),
    });
  }

  /** Never throws: a reply that cannot be sent (the socket went, a value JSON refuses) is dropped and logged. */
  private send(socket: WebSocket, message: ServerMessage): void {
    try {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
    } catch (err) {
      console.error('tonearm: a reply could not be sent:', err);
    }
  }

  private broadcast(message: ServerMessage): void {
    const text = JSON.stringify(message);
    for (const socket of this.clients) if (socket.readyState === socket.OPEN) socket.send(text);
  }

  close(): void {
    this.unsubscribe();
    for (const socket of this.clients) socket.close();
  }
}
