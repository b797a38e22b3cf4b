// What a scan leaves in the log file: that it ran, on which folders, what it found, and the
// files that failed (the newest few: the full list is Settings → Library's scan errors).
import type { ScanSummary } from '../../../shared/domain.ts';
import type { Catalog } from '../catalog/index.ts';
import { log } from '../log.ts';

const ERRORS_LOGGED = 20;

export function logScanStart(scanId: number, folders: readonly string[]): void {
  log.info(`scan ${scanId} started: ${folders.length ? folders.join(', ') : '(no folders)'}`);
}

export function logScanEnd(scanId: number, summary: ScanSummary, catalog: Catalog, startedAt: number): void {
  const { added, updated, removed, missing, unchanged, failed, moved, tracks, durationMs, cancelled } = summary;
  const offline = summary.offlineRoots.length ? `, offline: ${summary.offlineRoots.join(', ')}` : '';
  const ended = summary.error ? 'stopped' : cancelled ? 'cancelled' : 'finished';
  // A scan that could not go on says why where it is shown (the CLI's line, the UI): the log
  // file keeps that sentence with the summary rather than printing it a second time.
  const why = summary.error ? ` (${summary.error.message})` : '';
  log.info(
    `scan ${scanId} ${ended} in ${durationMs} ms: ${added} added, ${updated} updated, ` +
      `${removed} removed, ${missing} missing, ${unchanged} unchanged, ${moved} moved, ${failed} failed; ` +
      `${tracks} tracks${offline}${why}`,
  );
  if (failed === 0) return;
  const errors = catalog.scanErrors.page(0, ERRORS_LOGGED).rows.filter((error) => error.at >= startedAt);
  const more = failed > errors.length ? ` (and ${failed - errors.length} more)` : '';
  log.warn(
    `scan ${scanId}: ${failed} file(s) could not be read${more}:\n` +
      errors.map((error) => `  ${error.path}: ${error.message}`).join('\n'),
  );
}
