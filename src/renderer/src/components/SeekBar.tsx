import { useState } from 'react';
import { formatDuration } from './format.ts';

interface SeekBarProps {
  position: number;
  duration: number;
  onSeek(seconds: number): void;
}

/** A range input: click or drag to seek, arrow keys step five seconds. */
export function SeekBar({ position, duration, onSeek }: SeekBarProps) {
  const [dragging, setDragging] = useState<number | null>(null);
  const shown = dragging ?? position;
  return (
    <div className="seek">
      <span className="time">{formatDuration(shown)}</span>
      <input
        type="range"
        aria-label="Seek"
        min={0}
        max={duration || 0}
        step={0.1}
        value={Math.min(shown, duration || 0)}
        disabled={!duration}
        onChange={(event) => setDragging(Number(event.target.value))}
        onPointerUp={() => {
          if (dragging !== null) onSeek(dragging);
          setDragging(null);
        }}
        onKeyUp={() => {
          if (dragging !== null) onSeek(dragging);
          setDragging(null);
        }}
      />
      <span className="time">{formatDuration(duration)}</span>
    </div>
  );
}
