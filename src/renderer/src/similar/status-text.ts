// The analysis status in words, for Settings → Analysis.
import type { SimilarityStatus } from '../../../shared/similarity.ts';

/** "about 3 h 20 min left", "about 40 s left". */
export function etaText(status: SimilarityStatus): string {
  if (status.pending === 0) return 'done';
  if (!status.running || status.etaS === null) return '—';
  const seconds = Math.max(1, Math.round(status.etaS));
  if (seconds < 60) return `about ${seconds} s left`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `about ${minutes} min left`;
  const hours = Math.floor(minutes / 60);
  return `about ${hours} h${minutes % 60 ? ` ${minutes % 60} min` : ''} left`;
}

/** Analysed out of all, in whole percent, never 100 while some are still to do. */
export function analysedPercent(status: Pick<SimilarityStatus, 'analysed' | 'total'>): number {
  if (status.total === 0) return 0;
  const share = Math.floor((status.analysed / status.total) * 100);
  return status.analysed < status.total ? Math.min(99, share) : 100;
}
