import { useEffect, useState } from 'react';

/** A typing pause this long, and the results' covers are fetched. */
export const SETTLE_MS = 150;
const NOT_YET = Symbol('not yet');

/** False from each change of `value` until it has stayed the same for `ms`. */
export function useSettled(value: unknown, ms = SETTLE_MS): boolean {
  const [settled, setSettled] = useState<unknown>(NOT_YET);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(() => value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return Object.is(settled, value);
}
