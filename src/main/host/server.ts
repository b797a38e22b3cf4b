// The headless host: the same renderer build and the same contract, over HTTP + WebSocket on
// 127.0.0.1. A per-run token keeps other local pages (and other users' browsers) out.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { createHandlers } from '../core/api/create-handlers.ts';
import type { Core } from '../core/core.ts';
import { parseMediaTarget } from '../core/media/router.ts';
import { sendWebResponse, toWebRequest } from './node-http.ts';
import { SocketBridge } from './socket-bridge.ts';
import { serveStatic } from './static-files.ts';

export interface HostOptions {
  core: Core;
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

function tokenMatches(given: string | null, token: string): boolean {
  if (!given || given.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(token));
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? randomBytes(18).toString('base64url');
  const bridge = new SocketBridge(createHandlers(options.core), options.core.bus);
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  let origin = 'http://127.0.0.1';

  const server = createServer(async (req, res) => {
    try {
      const request = toWebRequest(req, origin);
      const url = new URL(request.url);
      let response: Response;
      if (url.pathname.startsWith('/media/')) {
        response = tokenMatches(url.searchParams.get('token'), token)
          ? await options.core.media.handle(
              request,
              parseMediaTarget(url.pathname.slice('/media'.length), url.searchParams),
            )
          : new Response('Forbidden', { status: 403 });
      } else {
        response = await serveStatic(options.rendererDir, url.pathname);
      }
      await sendWebResponse(response, res);
    } catch (err) {
      console.error('tonearm: request failed:', err);
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    }
  });

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', origin);
    // A browser always sends Origin; a page from anywhere else must not reach the API.
    const originOk = req.headers.origin === undefined || req.headers.origin === origin;
    if (url.pathname !== '/api' || !originOk || !tokenMatches(url.searchParams.get('token'), token)) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => bridge.attach(ws));
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
