// The transport's icons as inline SVG in the text colour: glyphs like ⏮ depend on the fonts a
// system happens to have.
import type { ReactNode } from 'react';

export type IconName =
  'play' | 'pause' | 'previous' | 'next' | 'shuffle' | 'repeat' | 'repeat-one' | 'volume' | 'muted' | 'queue';

const stroke = {
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 2,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
} as const;

const SHAPES: Record<IconName, ReactNode> = {
  play: <path d="M8 5v14l11-7z" fill="currentColor" />,
  pause: <path d="M6 5h4v14H6zM14 5h4v14h-4z" fill="currentColor" />,
  previous: <path d="M6 6h2v12H6zM9.5 12 18 6v12z" fill="currentColor" />,
  next: <path d="M16 6h2v12h-2zM6 18l8.5-6L6 6z" fill="currentColor" />,
  shuffle: (
    <g {...stroke}>
      <path d="M3 7h3c5 0 7 10 12 10h3M3 17h3c5 0 7-10 12-10h3" />
      <path d="m18 4 3 3-3 3M18 14l3 3-3 3" />
    </g>
  ),
  repeat: (
    <g {...stroke}>
      <path d="M4 12V9a3 3 0 0 1 3-3h13M20 12v3a3 3 0 0 1-3 3H4" />
      <path d="m17 3 3 3-3 3M7 21l-3-3 3-3" />
    </g>
  ),
  'repeat-one': (
    <g {...stroke}>
      <path d="M4 12V9a3 3 0 0 1 3-3h13M20 12v3a3 3 0 0 1-3 3H4" />
      <path d="m17 3 3 3-3 3M7 21l-3-3 3-3" />
      <path d="M11 10.5 12.5 9.5v5" strokeWidth={1.6} />
    </g>
  ),
  volume: (
    <g>
      <path d="M4 9h4l5-4v14l-5-4H4z" fill="currentColor" />
      <path d="M16 9a4 4 0 0 1 0 6M18.5 6.5a7.5 7.5 0 0 1 0 11" {...stroke} />
    </g>
  ),
  muted: (
    <g>
      <path d="M4 9h4l5-4v14l-5-4H4z" fill="currentColor" />
      <path d="m16 9.5 5 5M21 9.5l-5 5" {...stroke} />
    </g>
  ),
  queue: (
    <g>
      <path d="M4 6h13M4 12h13M4 18h8" {...stroke} />
      <path d="M15 15v6l5-3z" fill="currentColor" />
    </g>
  ),
};

export function Icon({ name, size = 18 }: { name: IconName; size?: number }) {
  return (
    <svg className="icon" width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      {SHAPES[name]}
    </svg>
  );
}
