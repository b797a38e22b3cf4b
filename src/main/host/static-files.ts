import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** Serves the built renderer; anything outside its folder is refused. */
export async function serveStatic(rootDir: string, pathname: string): Promise<Response> {
  const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
  const file = join(rootDir, relative === '' ? 'index.html' : relative);
  if (!file.startsWith(rootDir + sep) && file !== rootDir) return new Response('Not found', { status: 404 });
  try {
    const bytes = await readFile(file);
    const cache = relative.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    return new Response(bytes, {
      headers: { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': cache },
    });
  } catch {
    return new Response('Not found', { status: 404 });
  }
}
