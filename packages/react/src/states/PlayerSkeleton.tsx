export interface PlayerSkeletonProps {
  label: string;
  className?: string | undefined;
  /** Receives the skeleton's element (e.g. to watch it scroll into view); a plain callback prop, not `ref`, so React 18 passes it too. */
  observe?: ((element: HTMLElement | null) => void) | undefined;
  theme?: 'light' | 'dark' | undefined;
}

/**
 * The player's final footprint while the recording loads: same waveform height, same control row,
 * so nothing on the note-review screen moves when the real player replaces it.
 */
export function PlayerSkeleton({ label, className, observe, theme }: PlayerSkeletonProps) {
  return (
    <section
      ref={observe}
      className={['aa-player aa-skeleton', className].filter(Boolean).join(' ')}
      aria-label={label}
      aria-busy="true"
      data-theme={theme}
    >
      <div className="aa-seek aa-skeleton-wave" />
      {/* The same groups as the real controls, slot for slot, so it wraps the same way in a narrow column. */}
      <div className="aa-controls" aria-hidden="true">
        <div className="aa-transport">
          <span className="aa-skeleton-button" />
          <span className="aa-skeleton-button aa-skeleton-play" />
          <span className="aa-skeleton-button" />
          <span className="aa-skeleton-text" />
        </div>
        <div className="aa-tools">
          <span className="aa-zoom">
            <span className="aa-skeleton-button" />
            <span className="aa-skeleton-button" />
          </span>
          <span className="aa-skeleton-button aa-skeleton-select" />
          <span className="aa-volume">
            <span className="aa-skeleton-button" />
            <span className="aa-skeleton-button aa-volume-range" />
          </span>
          <span className="aa-skeleton-button" />
        </div>
      </div>
      <div className="aa-visually-hidden" role="status" aria-live="polite">
        {label}
      </div>
    </section>
  );
}
