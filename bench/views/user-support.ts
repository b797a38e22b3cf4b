// The user-side bench's plumbing: the host's memory, a call on its socket, the page probe's
// handles from Node, and the playlist the bench opens.
import { readFileSync, readdirSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import WebSocket from 'ws';
import { serveTonearm, type ServedTonearm } from '../../test/support/cli.ts';
import type { Expect, Painted, Probe } from './page-probe.ts';

// The page's globals, for the functions below that run in it (bench/ has no DOM library).
declare const window: unknown;

/** The host's resident memory, and that of its child processes (the parser). */
export function rssMB(pid: number): { own: number; children: number } {
  const rss = (p: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  let children = 0;
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    const kids = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
    for (const kid of kids ? kids.split(' ') : []) children += rss(Number(kid));
  }
  return { own: Math.round(rss(pid)), children: Math.round(children) };
}

async function socketCall(served: ServedTonearm, name: string, input: unknown): Promise<unknown> {
  const socket = new WebSocket(`${served.base.replace('http', 'ws')}/api?token=${served.token}`, {
    headers: { origin: served.base },
  });
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  const reply = await new Promise<{ value?: unknown; error?: unknown }>((resolve) => {
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { id?: number; value?: unknown; error?: unknown };
      if (message.id === 1) resolve(message);
    });
    socket.send(JSON.stringify({ id: 1, name, input }));
  });
  socket.close();
  if (reply.error) throw new Error(`${name}: ${JSON.stringify(reply.error)}`);
  return reply.value;
}

export const probeOf = (page: Page) => ({
  /** Arms a wait before the input, so the frame can be no earlier than it. */
  arm: (expect: Expect) =>
    page.evaluate((e) => {
      const w = window as unknown as { __probe: Probe; __armed: Promise<Painted> };
      w.__armed = w.__probe.wait(e);
    }, expect),
  painted: (limitMs = 10_000) =>
    page.evaluate(async (limit) => {
      const w = window as unknown as { __armed: Promise<Painted> };
      const late = new Promise<Painted>((_, reject) => setTimeout(() => reject(new Error('not painted')), limit));
      return Promise.race([w.__armed, late]);
    }, limitMs),
  counting: (on: boolean) =>
    page.evaluate((value) => {
      const probe = (window as unknown as { __probe: Probe }).__probe;
      probe.counting = value;
      const counts = { ...probe.counts };
      probe.counts = { frames: 0, blank: 0, undrawn: 0 };
      return counts;
    }, on),
  titles: () => page.evaluate(() => (window as unknown as { __probe: Probe }).__probe.titles.splice(0)),
});

/** A 10,000-track playlist in the catalog, so that opening every view includes one. */
export async function ensurePlaylist(dbPath: string): Promise<void> {
  const served = await serveTonearm(['--db', dbPath]);
  try {
    const { playlists } = (await socketCall(served, 'playlists.list', {})) as { playlists: { name: string }[] };
    if (playlists.some((p) => p.name === 'bench 10k')) return;
    const db = new Database(dbPath, { readonly: true });
    const ids = (db.prepare('SELECT id FROM tracks ORDER BY random() LIMIT 10000').pluck().all() as number[]).sort();
    db.close();
    await socketCall(served, 'playlists.create', { name: 'bench 10k', trackIds: ids });
  } finally {
    await served.stop();
  }
}
