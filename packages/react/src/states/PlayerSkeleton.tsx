import type { Ref } from 'react';

export interface PlayerSkeletonProps {
  label: string;
  className?: string | undefined;
  ref?: Ref<HTMLElement> | undefined;
}

/**
 * The player's final footprint while the recording loads: same waveform height, same control row,
 * so nothing on the note-review screen moves when the real player replaces it.
 */
export function PlayerSkeleton({ label, className, ref }: PlayerSkeletonProps) {
  return (
    <section
      ref={ref}
      className={['aa-player aa-skeleton', className].filter(Boolean).join(' ')}
      aria-label={label}
      aria-busy="true"
    >
      <div className="aa-seek aa-skeleton-wave" />
      {/* The same row as the real controls, slot for slot, so it wraps the same way in a narrow column. */}
      <div className="aa-controls" aria-hidden="true">
        <span className="aa-skeleton-button" />
        <span className="aa-skeleton-button aa-skeleton-play" />
        <span className="aa-skeleton-button" />
        <span className="aa-skeleton-text" />
        <span className="aa-spacer" />
        <span className="aa-skeleton-button aa-skeleton-select" />
        <span className="aa-volume">
          <span className="aa-skeleton-button" />
          <span className="aa-skeleton-button aa-volume-range" />
        </span>
        <span className="aa-skeleton-button" />
      </div>
      <div className="aa-status" role="status" aria-live="polite">
        {label}
      </div>
    </section>
  );
}
