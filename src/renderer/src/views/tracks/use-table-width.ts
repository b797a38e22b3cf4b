import { useLayoutEffect, useState, type RefObject } from 'react';

/** The rows' left padding (.track-row in views.css), which the columns cannot use. */
const ROW_PADDING = 8;

/**
 * The last width measured. A table mounted (a search's first results, after an empty one) is
 * drawn first at that width: the track tables of the views share one, and a first render
 * with no width would draw every row twice, the second time once measured.
 */
let lastMeasured: number | null = null;

/**
 * The width the rows have: the list's client width (without its vertical scrollbar, which
 * comes and goes with the row count), or the table's while it has no list; null until measured.
 */
export function useTableWidth(
  table: RefObject<HTMLElement | null>,
  list: () => HTMLElement | null | undefined,
  hasList: boolean,
): number | null {
  const [width, setWidth] = useState<number | null>(() => lastMeasured);
  useLayoutEffect(() => {
    const section = table.current;
    if (!section) return;
    const scroller = hasList ? list() : null;
    const measure = () => {
      lastMeasured = Math.max(0, (scroller ?? section).clientWidth - ROW_PADDING);
      setWidth(lastMeasured);
    };
    const observer = new ResizeObserver(measure);
    observer.observe(section);
    if (scroller) observer.observe(scroller);
    measure();
    return () => observer.disconnect();
  }, [table, list, hasList]);
  return width;
}
