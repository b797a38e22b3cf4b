// The headless host: the same renderer build and the same contract, over HTTP + WebSocket on
// 127.0.0.1. A per-run token keeps other local pages (and other users' browsers) out.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { createHandlers } from '../core/api/create-handlers.ts';
import type { Core } from '../core/core.ts';
import { CoreSlot } from '../core/core-slot.ts';
import { parseMediaTarget } from '../core/media/router.ts';
import { sendWebResponse, toWebRequest } from './node-http.ts';
import { SocketBridge } from './socket-bridge.ts';
import { serveStatic } from './static-files.ts';
import { log } from '../core/log.ts';
import { errorCode, errorMessage } from '../../shared/error-text.ts';

export interface HostOptions {
  /** A slot (tonearm serve) survives a damaged catalog and a restore; a Core (tests) is served as it is. */
  core: Core | CoreSlot;
  rendererDir: string;
  port?: number;
  token?: string;
}

export interface RunningHost {
  url: string;
  port: number;
  token: string;
  server: Server;
  close(): Promise<void>;
}

// Digests are always 32 bytes, so the compare cannot throw on a token of another byte length
// (one non-ASCII character makes a 24-character string 25 bytes) and takes the same time.
function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
function tokenMatches(given: string | null, token: string): boolean {
  return given !== null && timingSafeEqual(digest(given), digest(token));
}

/** A malformed URL or escape is the client's mistake: 400, never a 500 with a stack in the log. */
function isBadRequest(err: unknown): boolean {
  return err instanceof URIError || (err instanceof TypeError && errorCode(err) === 'ERR_INVALID_URL');
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? randomBytes(18).toString('base64url');
  const { core } = options;
  const handlers = core instanceof CoreSlot ? core.handlers() : createHandlers(core);
  const media = () => (core instanceof CoreSlot ? core.core : core)?.media;
  const bridge = new SocketBridge(handlers, core.bus);
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  let origin = 'http://127.0.0.1';

  const server = createServer(async (req, res) => {
    try {
      const request = toWebRequest(req, origin);
      const url = new URL(request.url);
      let response: Response;
      if (url.pathname.startsWith('/media/')) {
        const router = media();
        response = !tokenMatches(url.searchParams.get('token'), token)
          ? new Response('Forbidden', { status: 403 })
          : router
            ? await router.handle(request, parseMediaTarget(url.pathname.slice('/media'.length), url.searchParams))
            : new Response('No catalog is open', { status: 503 });
      } else {
        response = await serveStatic(options.rendererDir, url.pathname);
      }
      await sendWebResponse(response, res);
    } catch (err) {
      const bad = isBadRequest(err);
      if (!bad) log.error(`tonearm: request for ${req.url ?? '?'} failed: ${errorMessage(err)}`);
      if (!res.headersSent) res.writeHead(bad ? 400 : 500).end();
      else res.destroy();
    }
  });

  server.on('upgrade', (req, socket, head) => {
    // A socket error after the upgrade began must not become an uncaught 'error' event.
    socket.on('error', () => socket.destroy());
    try {
      const url = new URL(req.url ?? '/', origin);
      // A browser always sends Origin; a page from anywhere else must not reach the API.
      const originOk = req.headers.origin === undefined || req.headers.origin === origin;
      if (url.pathname !== '/api' || !originOk || !tokenMatches(url.searchParams.get('token'), token)) {
        socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
        return;
      }
      sockets.handleUpgrade(req, socket, head, (ws) => bridge.attach(ws));
    } catch (err) {
      const bad = isBadRequest(err);
      if (!bad) log.error(`tonearm: upgrade for ${req.url ?? '?'} failed: ${errorMessage(err)}`);
      socket.end(`HTTP/1.1 ${bad ? '400 Bad Request' : '500 Internal Server Error'}\r\n\r\n`);
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/?token=${token}`,
    port,
    token,
    server,
    async close() {
      bridge.close();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
