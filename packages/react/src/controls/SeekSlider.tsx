import { forwardRef, useCallback } from 'react';
import type { ReactNode } from 'react';
import { formatTime } from '../formatTime';
import { useSeekSlider, type UseSeekSliderOptions } from '../hooks/useSeekSlider';

export interface SeekSliderProps extends UseSeekSliderOptions {
  /** What the slider draws on: the waveform. Without it, a plain progress track is drawn. */
  children?: ReactNode;
  /** Times (seconds) to mark on the track, e.g. where one recording chunk ends and the next starts. */
  markers?: readonly number[];
  markerLabel?: (index: number) => string;
  /** Drawn over the surface (e.g. the note's cues), waveform or plain track alike. */
  overlay?: ReactNode;
  /** A zoomed waveform's detail: `exact`, `sampled`, or still `reading` (as `data-detail`). */
  detailState?: 'exact' | 'sampled' | 'reading' | undefined;
}

/** The seek slider: the waveform (or a plain track) is the surface you click, drag and arrow along. */
export const SeekSlider = forwardRef<HTMLDivElement, SeekSliderProps>(function SeekSlider(
  { children, markers = [], markerLabel, overlay, detailState, ...options },
  forwarded,
) {
  const { sliderProps, preview, shownTime } = useSeekSlider(options);
  const { ref: sliderRef, ...surface } = sliderProps;
  const ref = useCallback(
    (element: HTMLDivElement | null) => {
      sliderRef(element);
      if (typeof forwarded === 'function') forwarded(element);
      else if (forwarded) forwarded.current = element;
    },
    [sliderRef, forwarded],
  );
  const viewStart = options.viewStart ?? 0;
  const viewLength = options.viewLength && options.viewLength > 0 ? options.viewLength : options.duration;
  // Positions on the surface, which shows [viewStart, viewStart + viewLength) when zoomed.
  const at = (time: number) => (viewLength > 0 ? ((time - viewStart) / viewLength) * 100 : 0);
  const fraction = options.duration > 0 ? shownTime / options.duration : 0;
  return (
    <div
      className="aa-seek"
      data-scrubbing={preview !== null || undefined}
      data-detail={detailState}
      ref={ref}
      {...surface}
    >
      {children ?? (
        <div className="aa-track">
          <div className="aa-track-fill" style={{ width: `${fraction * 100}%` }} />
        </div>
      )}
      {overlay}
      {options.duration > 0 &&
        markers.map((time, index) =>
          time < viewStart || time > viewStart + viewLength ? null : (
            <span
              key={index}
              className="aa-marker"
              style={{ left: `${at(time)}%` }}
              title={markerLabel?.(index + 1)}
            />
          ),
        )}
      {preview !== null && (
        <span
          className="aa-seek-preview"
          style={{ left: `${Math.min(100, Math.max(0, at(preview)))}%` }}
          aria-hidden="true"
        >
          {formatTime(preview)}
        </span>
      )}
    </div>
  );
});
