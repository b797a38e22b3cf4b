// The one place that hears whenever the playing track or the one after it changes: the main
// process keeps both in the chunk cache and fetches the next one ahead (network shares).
import type { TrackRow } from '../../../shared/domain.ts';
import { call } from '../bridge/api.ts';

let last: [number | null, number | null] = [null, null];

export function onUpcomingChange(current: TrackRow | null, next: TrackRow | null): void {
  const pair: [number | null, number | null] = [current?.id ?? null, next?.id ?? null];
  if (pair[0] === last[0] && pair[1] === last[1]) return;
  last = pair;
  void call('cache.hint', { playingId: pair[0], upNextId: pair[1] }).catch(() => {});
}
