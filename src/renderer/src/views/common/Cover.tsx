import { useState } from 'react';
import { bridge } from '../../bridge/api.ts';

/**
 * Covers this page has drawn already (their URLs): the browser holds them, so showing one again
 * costs no request. Bounded: past it, the oldest are forgotten (and merely wait for a pause again).
 */
const shown = new Set<string>();
const SHOWN_MAX = 2000;
function noteShown(url: string): void {
  shown.add(url);
  if (shown.size > SHOWN_MAX) shown.delete(shown.values().next().value!);
}

/**
 * An album's cover (the grid thumbnail), or its initial on a tinted square when it has none.
 * `later`: while the user types, a cover not shown before stays an empty square, so that a
 * keystroke's results do not wait on requests and decodes for covers the next keystroke replaces.
 */
export function Cover({
  hash,
  title,
  size = 'thumb',
  later = false,
}: {
  hash: string | null;
  title: string;
  size?: 'thumb' | 'full';
  later?: boolean;
}) {
  const [failed, setFailed] = useState(false);
  if (hash && !failed) {
    const url = bridge.coverUrl(hash, size);
    if (later && !shown.has(url)) return <div className="cover" aria-hidden="true" />;
    return (
      <img
        className="cover"
        src={url}
        alt=""
        loading="lazy"
        onLoad={() => noteShown(url)}
        onError={() => setFailed(true)}
      />
    );
  }
  const hue = [...title].reduce((sum, c) => sum + c.charCodeAt(0), 0) % 360;
  return (
    <div className="cover cover-none" style={{ background: `hsl(${hue} 25% 50% / 0.35)` }} aria-hidden="true">
      {[...title.trim()][0]?.toUpperCase() ?? '♪'}
    </div>
  );
}
