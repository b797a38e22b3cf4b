import { useState } from 'react';
import { bridge } from '../../bridge/api.ts';

/** An album's cover (the grid thumbnail), or its initial on a tinted square when it has none. */
export function Cover({
  hash,
  title,
  size = 'thumb',
}: {
  hash: string | null;
  title: string;
  size?: 'thumb' | 'full';
}) {
  const [failed, setFailed] = useState(false);
  if (hash && !failed) {
    return (
      <img className="cover" src={bridge.coverUrl(hash, size)} alt="" loading="lazy" onError={() => setFailed(true)} />
    );
  }
  const hue = [...title].reduce((sum, c) => sum + c.charCodeAt(0), 0) % 360;
  return (
    <div className="cover cover-none" style={{ background: `hsl(${hue} 25% 50% / 0.35)` }} aria-hidden="true">
      {[...title.trim()][0]?.toUpperCase() ?? '♪'}
    </div>
  );
}
