import { useLayoutEffect, useState, type RefObject } from 'react';

/** The rows' left padding (.track-row in views.css), which the columns cannot use. */
const ROW_PADDING = 8;

/**
 * The width the rows have: the list's client width (without its vertical scrollbar, which
 * comes and goes with the row count), or the table's while it has no list; null until measured.
 */
export function useTableWidth(
  table: RefObject<HTMLElement | null>,
  list: () => HTMLElement | null | undefined,
  hasList: boolean,
): number | null {
  const [width, setWidth] = useState<number | null>(null);
  useLayoutEffect(() => {
    const section = table.current;
    if (!section) return;
    const scroller = hasList ? list() : null;
    const measure = () => setWidth(Math.max(0, (scroller ?? section).clientWidth - ROW_PADDING));
    const observer = new ResizeObserver(measure);
    observer.observe(section);
    if (scroller) observer.observe(scroller);
    measure();
    return () => observer.disconnect();
  }, [table, list, hasList]);
  return width;
}
