// The fetch policy as plain data: which chunks go on the link ahead of need, and in what order.
import { describe, expect, it } from 'vitest';
import { BACKGROUND, LOOKAHEAD, PREFETCH } from '../../../src/main/core/cache/chunk-fetch.ts';
import { AHEAD_FETCHES, planFetch, type PlanInput, type PlanTrack } from '../../../src/main/core/cache/fetch-plan.ts';

const MB = 1024 * 1024;

function track(
  id: number,
  chunkCount: number,
  options: { playhead?: number; cached?: number[]; chunkSize?: number } = {},
) {
  const cached = new Set(options.cached ?? []);
  return {
    id,
    chunkCount,
    chunkSize: options.chunkSize ?? MB,
    playhead: options.playhead ?? 0,
    has: (index: number) => cached.has(index),
  } satisfies PlanTrack;
}

type Setup = Partial<Omit<PlanInput, 'inFlight'>> & { inFlight?: string[] };

function input(setup: Setup): PlanInput {
  const inFlight = new Set(setup.inFlight ?? []);
  return {
    active: setup.active ?? [],
    next: setup.next ?? null,
    inFlight: (id, index) => inFlight.has(`${id}:${index}`),
    aheadUnderway: setup.aheadUnderway ?? 0,
    lookaheadChunks: setup.lookaheadChunks ?? 4,
    backgroundFill: setup.backgroundFill ?? false,
  };
}

/** What the planner names, one after the other, as each named fetch goes in flight (`id:index priority`). */
function sequence(setup: Setup, most = 50): string[] {
  const inFlight = [...(setup.inFlight ?? [])];
  const out: string[] = [];
  for (let n = 0; n < most; n++) {
    // The limit on fetches ahead is its own test: here each one is taken as done at once.
    const planned = planFetch(input({ ...setup, inFlight, aheadUnderway: 0 }));
    if (!planned) break;
    const key = `${planned.track.id}:${planned.index}`;
    inFlight.push(key);
    out.push(`${key} ${planned.priority}`);
  }
  return out;
}

describe('planFetch', () => {
  it('names nothing when nothing is being read and nothing comes next', () => {
    expect(planFetch(input({}))).toBeNull();
  });

  it("fetches the playhead's own chunk first when no reader has asked for it yet", () => {
    const playing = track(1, 10, { playhead: 3 });
    expect(planFetch(input({ active: [playing] }))).toEqual({ track: playing, index: 3, priority: LOOKAHEAD });
  });

  it('fetches a lookahead window ahead of the playhead, and no further without background fill', () => {
    const playing = track(1, 20, { playhead: 5 });
    expect(sequence({ active: [playing], lookaheadChunks: 3, inFlight: ['1:5'] })).toEqual([
      `1:6 ${LOOKAHEAD}`,
      `1:7 ${LOOKAHEAD}`,
      `1:8 ${LOOKAHEAD}`,
    ]);
  });

  it('skips chunks that are cached or already on their way', () => {
    const playing = track(1, 20, { playhead: 0, cached: [0, 2, 3] });
    expect(sequence({ active: [playing], lookaheadChunks: 5, inFlight: ['1:1', '1:5'] })).toEqual([`1:4 ${LOOKAHEAD}`]);
  });

  it('names nothing while the lookahead window is cached and background fill is off', () => {
    const playing = track(1, 20, { playhead: 2, cached: [2, 3, 4, 5] });
    expect(planFetch(input({ active: [playing], lookaheadChunks: 3 }))).toBeNull();
  });

  it('stops the lookahead at the end of the file', () => {
    const playing = track(1, 6, { playhead: 4 });
    expect(sequence({ active: [playing], lookaheadChunks: 8 })).toEqual([`1:4 ${LOOKAHEAD}`, `1:5 ${LOOKAHEAD}`]);
  });

  it('fills the rest of the file in the background only when enabled, after the lookahead', () => {
    const playing = track(1, 6, { playhead: 0, cached: [0] });
    expect(sequence({ active: [playing], lookaheadChunks: 2 })).toEqual([`1:1 ${LOOKAHEAD}`, `1:2 ${LOOKAHEAD}`]);
    expect(sequence({ active: [playing], lookaheadChunks: 2, backgroundFill: true })).toEqual([
      `1:1 ${LOOKAHEAD}`,
      `1:2 ${LOOKAHEAD}`,
      `1:3 ${BACKGROUND}`,
      `1:4 ${BACKGROUND}`,
      `1:5 ${BACKGROUND}`,
    ]);
  });

  it('after a seek looks ahead of the new playhead, and fills in background from there, then wraps to the start', () => {
    const seeked = track(1, 8, { playhead: 5, cached: [0, 1] });
    expect(sequence({ active: [seeked], lookaheadChunks: 1, backgroundFill: true })).toEqual([
      `1:5 ${LOOKAHEAD}`,
      `1:6 ${LOOKAHEAD}`,
      `1:7 ${BACKGROUND}`,
      `1:2 ${BACKGROUND}`,
      `1:3 ${BACKGROUND}`,
      `1:4 ${BACKGROUND}`,
    ]);
  });

  it("prefetches the next track's first chunk after the next two of the playing track, then the rest of the window", () => {
    const playing = track(1, 20, { playhead: 0, cached: [0] });
    const next = track(2, 10);
    expect(sequence({ active: [playing], next, lookaheadChunks: 4 })).toEqual([
      `1:1 ${LOOKAHEAD}`,
      `1:2 ${LOOKAHEAD}`,
      `2:0 ${PREFETCH}`,
      `1:3 ${LOOKAHEAD}`,
      `1:4 ${LOOKAHEAD}`,
      `2:1 ${PREFETCH}`,
      `2:2 ${PREFETCH}`,
      `2:3 ${PREFETCH}`,
    ]);
  });

  it('prefetches about 4 MB of the next track, in however many chunks that is, but at least one', () => {
    const small = track(2, 100, { chunkSize: MB / 2 });
    expect(sequence({ next: small })).toHaveLength(8);
    const large = track(3, 10, { chunkSize: 16 * MB });
    expect(sequence({ next: large })).toEqual([`3:0 ${PREFETCH}`]);
    const short = track(4, 2, { chunkSize: MB / 2 });
    expect(sequence({ next: short })).toEqual([`4:0 ${PREFETCH}`, `4:1 ${PREFETCH}`]);
  });

  it('background fill waits until the next track has its start', () => {
    const playing = track(1, 4, { playhead: 0, cached: [0, 1] });
    const next = track(2, 10, { chunkSize: 2 * MB });
    expect(sequence({ active: [playing], next, lookaheadChunks: 1, backgroundFill: true })).toEqual([
      `2:0 ${PREFETCH}`,
      `2:1 ${PREFETCH}`,
      `1:2 ${BACKGROUND}`,
      `1:3 ${BACKGROUND}`,
    ]);
  });

  it('serves the most recently read track first', () => {
    const recent = track(1, 10, { playhead: 2 });
    const older = track(2, 10, { playhead: 7 });
    expect(planFetch(input({ active: [recent, older] }))).toMatchObject({ track: recent, index: 2 });
    expect(sequence({ active: [recent, older], lookaheadChunks: 1 })).toEqual([
      `1:2 ${LOOKAHEAD}`,
      `1:3 ${LOOKAHEAD}`,
      `2:7 ${LOOKAHEAD}`,
      `2:8 ${LOOKAHEAD}`,
    ]);
  });

  it('names nothing while enough fetches ahead of need are under way', () => {
    const playing = track(1, 10);
    expect(planFetch(input({ active: [playing], aheadUnderway: AHEAD_FETCHES }))).toBeNull();
    expect(planFetch(input({ active: [playing], aheadUnderway: AHEAD_FETCHES - 1 }))).not.toBeNull();
  });

  it('a lookahead of none still fetches the playhead chunk, and a one-chunk file only that', () => {
    expect(sequence({ active: [track(1, 10, { playhead: 3 })], lookaheadChunks: 0 })).toEqual([`1:3 ${LOOKAHEAD}`]);
    expect(sequence({ active: [track(1, 1)], lookaheadChunks: 4, backgroundFill: true })).toEqual([`1:0 ${LOOKAHEAD}`]);
  });
});
