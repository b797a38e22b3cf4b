import type { WebSocket } from 'ws';
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
    socket.on('message', async (raw, isBinary) => {
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
    });
  }

  private send(socket: WebSocket, message: ServerMessage): void {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
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
