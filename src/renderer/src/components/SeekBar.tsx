import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { formatDuration } from './format.ts';

interface SeekBarProps {
  position: number;
  duration: number;
  onSeek(seconds: number): void;
}

/**
 * Click or drag to seek (the jump happens on release, so a drag does not fire a request per
 * pixel); arrows step 5 s, Page Up/Down 30 s, Home/End the ends.
 */
export function SeekBar({ position, duration, onSeek }: SeekBarProps) {
  const [dragging, setDragging] = useState<number | null>(null);
  const track = useRef<HTMLDivElement>(null);
  const shown = Math.min(dragging ?? position, duration || 0);
  const enabled = duration > 0;
  const fraction = enabled ? shown / duration : 0;

  const at = (event: PointerEvent): number => {
    const rect = track.current!.getBoundingClientRect();
    return Math.min(1, Math.max(0, (event.clientX - rect.left) / rect.width)) * duration;
  };
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (!enabled || event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    event.currentTarget.focus();
    setDragging(at(event));
  };
  const onPointerMove = (event: PointerEvent) => {
    if (dragging !== null) setDragging(at(event));
  };
  const onPointerUp = (event: PointerEvent) => {
    if (dragging === null) return;
    onSeek(at(event));
    setDragging(null);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (!enabled) return;
    const step: Record<string, number> = {
      ArrowLeft: -5,
      ArrowDown: -5,
      ArrowRight: 5,
      ArrowUp: 5,
      PageDown: -30,
      PageUp: 30,
    };
    let target: number | null = null;
    if (event.key in step) target = position + step[event.key]!;
    else if (event.key === 'Home') target = 0;
    else if (event.key === 'End') target = Math.max(0, duration - 1);
    if (target === null) return;
    event.preventDefault();
    onSeek(Math.min(duration, Math.max(0, target)));
  };

  return (
    <div className="seek">
      <span className="time" data-testid="position">
        {formatDuration(shown)}
      </span>
      <div
        ref={track}
        className={dragging !== null ? 'seek-track dragging' : 'seek-track'}
        role="slider"
        tabIndex={enabled ? 0 : -1}
        aria-label="Seek"
        aria-valuemin={0}
        aria-valuemax={Math.round(duration)}
        aria-valuenow={Math.round(shown)}
        aria-valuetext={`${formatDuration(shown)} of ${formatDuration(duration)}`}
        aria-disabled={!enabled}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => setDragging(null)}
        onKeyDown={onKeyDown}
      >
        <div className="seek-rail" />
        <div className="seek-fill" style={{ width: `${fraction * 100}%` }} />
        <div className="seek-thumb" style={{ left: `${fraction * 100}%` }} />
      </div>
      <span className="time" data-testid="duration">
        {formatDuration(duration)}
      </span>
    </div>
  );
}
