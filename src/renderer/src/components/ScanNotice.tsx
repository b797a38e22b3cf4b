import { useEffect, useState } from 'react';
import type { ScanSummary } from '../../../shared/domain.ts';
import { useScan } from '../stores/scan.ts';
import { ScanErrors } from '../views/settings/ScanErrors.tsx';
import { Dialog } from './Dialog.tsx';

/** Long enough to read a line; a notice with errors stays until dismissed. */
const QUIET_NOTICE_MS = 6000;

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`;
}

export function noticeText(summary: ScanSummary): string {
  const counts = [
    `${summary.added.toLocaleString()} added`,
    `${summary.updated.toLocaleString()} updated`,
    ...(summary.removed > 0 ? [`${summary.removed.toLocaleString()} removed`] : []),
    plural(summary.failed, 'error', 'errors'),
  ];
  return `${summary.cancelled ? 'Scan cancelled' : 'Scan finished'}: ${counts.join(', ')}`;
}

/**
 * How the last scan went, as a toast beside the progress bar (which keeps the sentence of a
 * scan that stopped early), with the files it could not read a click away.
 */
export function ScanNotice() {
  const notice = useScan((state) => state.notice);
  const dismiss = useScan((state) => state.dismissNotice);
  const [showErrors, setShowErrors] = useState(false);

  useEffect(() => {
    if (!notice || notice.failed > 0) return;
    const timer = setTimeout(dismiss, QUIET_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice, dismiss]);

  return (
    <>
      {notice && (
        <div
          className="scan-progress scan-notice"
          role="status"
          aria-label={notice.cancelled ? 'Scan cancelled' : 'Scan finished'}
        >
          <span>{noticeText(notice)}</span>
          {notice.failed > 0 && (
            <button type="button" className="link-button" onClick={() => setShowErrors(true)}>
              Show the errors
            </button>
          )}
          <button type="button" onClick={dismiss}>
            Dismiss
          </button>
        </div>
      )}
      {showErrors && (
        <Dialog label="Scan errors" className="scan-errors-dialog" onClose={() => setShowErrors(false)}>
          <ScanErrors />
          <div className="dialog-buttons">
            <button type="button" onClick={() => setShowErrors(false)}>
              Close
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}
