import type { ReactNode } from 'react';
import { formatTime } from '../formatTime';
import { useSeekSlider, type UseSeekSliderOptions } from '../useSeekSlider';

export interface SeekSliderProps extends UseSeekSliderOptions {
  /** What the slider draws on: the waveform. Without it, a plain progress track is drawn. */
  children?: ReactNode;
  /** Times (seconds) to mark on the track, e.g. where one recording chunk ends and the next starts. */
  markers?: readonly number[];
  markerLabel?: (index: number) => string;
}

/** The seek slider: the waveform (or a plain track) is the surface you click, drag and arrow along. */
export function SeekSlider({ children, markers = [], markerLabel, ...options }: SeekSliderProps) {
  const { sliderProps, preview, shownTime } = useSeekSlider(options);
  const fraction = options.duration > 0 ? shownTime / options.duration : 0;
  return (
    <div className="aa-seek" data-scrubbing={preview !== null || undefined} {...sliderProps}>
      {children ?? (
        <div className="aa-track">
          <div className="aa-track-fill" style={{ width: `${fraction * 100}%` }} />
        </div>
      )}
      {options.duration > 0 &&
        markers.map((time, index) => (
          <span
            key={index}
            className="aa-marker"
            style={{ left: `${(time / options.duration) * 100}%` }}
            title={markerLabel?.(index + 1)}
          />
        ))}
      {preview !== null && (
        <span className="aa-seek-preview" style={{ left: `${fraction * 100}%` }} aria-hidden="true">
          {formatTime(preview)}
        </span>
      )}
    </div>
  );
}
