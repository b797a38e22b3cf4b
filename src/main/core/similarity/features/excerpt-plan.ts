// Where a track's snippets lie: `count` snippets of `seconds` each, spread evenly over the track,
// so the vector hears every section of it rather than one (measured: docs/benchmarks.md).

/**
 * 16 snippets of 1.25 s: the 20 s (and CPU) one centred excerpt had, heard all over the track.
 * Shorter and more snippets found a track from its other half more often (docs/benchmarks.md:
 * 4 × 5 s 68 %, 10 × 2 s 87–91 %, 16 × 1.25 s 91–97 %); each costs a byte range and a decoder
 * restart, so not more.
 */
export const SNIPPETS = 16;
export const SNIPPET_S = 1.25;

export interface ExcerptPlan {
  /**
   * Where each snippet is centred within its share of the track (0.5: the middle of each
   * count-th). Two plans of phases 0.25 and 0.75 hear disjoint audio of one track.
   */
  at: number;
  count: number;
  /** The length of one snippet. */
  seconds: number;
  durationS: number | undefined;
}

export interface SnippetWindow {
  startS: number;
  lengthS: number;
}

/**
 * The snippets' windows in a track of known length, in order, each inside the track. A track no
 * longer than the snippets together is heard whole, as one window; a short one gets fewer
 * snippets, a snippet's length apart at least, so that their reads (each with its preroll and
 * a frame or page of slack) do not overlap into reading more than the file.
 */
export function snippetWindows(plan: ExcerptPlan, durationS: number): SnippetWindow[] {
  if (plan.count * plan.seconds >= durationS) return [{ startS: 0, lengthS: durationS }];
  const count = Math.max(1, Math.min(plan.count, Math.floor(durationS / (2 * plan.seconds))));
  return Array.from({ length: count }, (_, i) => {
    const centreS = ((i + plan.at) / count) * durationS;
    return {
      startS: Math.max(0, Math.min(durationS - plan.seconds, centreS - plan.seconds / 2)),
      lengthS: plan.seconds,
    };
  });
}
