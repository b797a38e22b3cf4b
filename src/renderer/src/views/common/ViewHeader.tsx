import type { ReactNode } from 'react';
import { useNavigation } from '../../stores/navigation.ts';

/** A view's title line: Back (from a page), the title, a count, and the view's own controls. */
export function ViewHeader({
  title,
  detail,
  children,
}: {
  title: ReactNode;
  detail?: ReactNode;
  children?: ReactNode;
}) {
  const canGoBack = useNavigation((state) => state.page !== null && state.history.length > 0);
  const back = useNavigation((state) => state.back);
  return (
    <header className="view-header">
      {canGoBack && (
        <button type="button" className="back-button" onClick={back} aria-label="Back" title="Back (Alt+←)">
          ←
        </button>
      )}
      <h1 className="view-title">{title}</h1>
      {detail !== undefined && <span className="view-detail">{detail}</span>}
      <div className="view-tools">{children}</div>
    </header>
  );
}

// One formatter: toLocaleString makes a new one on every call, on every render of a count.
const numbers = new Intl.NumberFormat();
export const formatCount = (n: number): string => numbers.format(n);

export const count = (n: number, one: string, many = `${one}s`): string => `${formatCount(n)} ${n === 1 ? one : many}`;

/** A track list's count for the header, once the list knows it. */
export const trackCount = (list: { status: string; total: number }): string =>
  list.status === 'ready' ? count(list.total, 'track') : '';
