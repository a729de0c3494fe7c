import type { Cue } from '@ambient-audio/core';
import { memo } from 'react';
import type { PointerEvent } from 'react';

export interface CueLayerProps {
  cues: readonly Cue[];
  activeId: string | null;
  /** The seconds the surface shows: its left edge and its width. */
  viewStart: number;
  viewLength: number;
  /** A click on a cue's band plays from its start. */
  onPlay: (cue: Cue) => void;
}

/**
 * The note's cues on the waveform: a quiet tint over each cue's stretch (the one being heard a
 * little stronger), and a band along the bottom edge that plays a cue from its start when clicked,
 * with its label on hover. Hidden from assistive technology: the keyboard steps through cues with
 * N and P (each announced), and the host's own sentence buttons are the accessible way in.
 */
export const CueLayer = memo(function CueLayer({
  cues,
  activeId,
  viewStart,
  viewLength,
  onPlay,
}: CueLayerProps) {
  if (cues.length === 0 || !(viewLength > 0)) return null;
  const viewEnd = viewStart + viewLength;
  const visible = cues.filter((cue) => cue.end > viewStart && cue.start < viewEnd);
  const place = (cue: Cue) => {
    const left = Math.max(0, (cue.start - viewStart) / viewLength);
    const right = Math.min(1, (cue.end - viewStart) / viewLength);
    return { left: `${left * 100}%`, width: `${Math.max(0.15, (right - left) * 100)}%` };
  };
  const playAt = (event: PointerEvent<HTMLElement>) => {
    const target = (event.target as HTMLElement).closest<HTMLElement>('[data-cue]');
    const cue = target ? cues.find((item) => item.id === target.dataset['cue']) : undefined;
    if (!cue) return;
    // A click on the band plays the cue; it must not also scrub the waveform below it.
    event.stopPropagation();
    event.preventDefault();
    onPlay(cue);
  };
  return (
    <div className="aa-cues" aria-hidden="true">
      {visible.map((cue) => (
        <span
          key={`tint-${cue.id}`}
          className="aa-cue-tint"
          data-active={cue.id === activeId || undefined}
          style={place(cue)}
        />
      ))}
      {/* Pointer-only, like the waveform it lies on; keyboard users have N and P. */}
      <div className="aa-cue-lane" onPointerDown={playAt}>
        {visible.map((cue) => (
          <span
            key={cue.id}
            className="aa-cue"
            data-cue={cue.id}
            data-active={cue.id === activeId || undefined}
            title={cue.label}
            style={place(cue)}
          />
        ))}
      </div>
    </div>
  );
});
