// Where the excerpt lies in a track of known length.
export interface ExcerptPlan {
  /** Centre, as a fraction of the track. */
  at: number;
  seconds: number;
  durationS: number | undefined;
}

/** Start and length in seconds: `seconds` long (or the whole track), centred at `at`, inside the track. */
export function excerptWindow(plan: ExcerptPlan, durationS: number): { startS: number; lengthS: number } {
  const lengthS = Math.min(plan.seconds, durationS);
  const startS = Math.max(0, Math.min(durationS - lengthS, durationS * plan.at - lengthS / 2));
  return { startS, lengthS };
}
