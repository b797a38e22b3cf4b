import { useCallback, useEffect, useState } from 'react';
import type { ScanError } from '../../../../shared/domain.ts';
import { call, onEvent } from '../../bridge/api.ts';

const PAGE = 50;

/** Files a scan could not read, with why; they are still listed in the library by file name. */
export function ScanErrors() {
  const [page, setPage] = useState(0);
  const [data, setData] = useState<{ total: number; rows: ScanError[] }>({ total: 0, rows: [] });
  const load = useCallback(() => {
    void call('scan.errors', { offset: page * PAGE, limit: PAGE }).then(setData);
  }, [page]);
  useEffect(() => {
    load();
    return onEvent('scan.finished', load);
  }, [load]);

  return (
    <section className="settings-section" aria-label="Scan errors">
      <h2>Scan errors {data.total > 0 && <span className="badge">{data.total.toLocaleString()}</span>}</h2>
      {data.total === 0 ? (
        <p className="setting-help">Every file of the library was read.</p>
      ) : (
        <>
          <table className="scan-errors">
            <tbody>
              {data.rows.map((row) => (
                <tr key={row.path}>
                  <td className="root-path">{row.path}</td>
                  <td title={row.detail}>{row.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {data.total > PAGE && (
            <div className="pager">
              <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
                Previous
              </button>
              <span>
                {page * PAGE + 1}–{Math.min(data.total, (page + 1) * PAGE)} of {data.total.toLocaleString()}
              </span>
              <button type="button" disabled={(page + 1) * PAGE >= data.total} onClick={() => setPage(page + 1)}>
                Next
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
