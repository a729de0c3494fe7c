import type { ChunkedMediaElement } from '@ambient-audio/core';
import { forwardRef, useCallback } from 'react';
import { useMediaTime } from '../hooks/useMediaState';
import { TimeDisplay } from '../TimeDisplay';
import { SeekSlider, type SeekSliderProps } from './SeekSlider';

/** The slider's step over a waveform, while playing: the playhead is drawn on the same grid. */
export const WAVEFORM_SLIDER_STEP_S = 0.5;

export interface LiveSeekSliderProps extends Omit<SeekSliderProps, 'value' | 'readValue'> {
  media: ChunkedMediaElement | null;
  /**
   * Steps (seconds) the slider's value moves in: `WAVEFORM_SLIDER_STEP_S` (0.5) over a waveform (which draws the playhead
   * itself, so the slider only speaks the position: half seconds keep both its whole-second text and
   * its rounded `aria-valuenow` exact), 0 over the plain track, whose fill moves with playback.
   */
  step: number;
}

/**
 * The seek slider bound to the timeline's position: only it re-renders as the recording plays, not
 * the player around it (whose overlay and waveform it is handed unchanged).
 */
export const LiveSeekSlider = forwardRef<HTMLDivElement, LiveSeekSliderProps>(function LiveSeekSlider(
  { media, step, ...props },
  ref,
) {
  const value = useMediaTime(media, step);
  const readValue = useCallback(() => media?.currentTime ?? 0, [media]);
  return <SeekSlider ref={ref} value={value} readValue={readValue} {...props} />;
});

/** The `1:05 / 32:00` clock bound to the timeline: it re-renders once a second while playing. */
export function LiveTimeDisplay({
  media,
  duration,
}: {
  media: ChunkedMediaElement | null;
  duration: number;
}) {
  const time = useMediaTime(media, 1);
  return <TimeDisplay currentTime={time} duration={duration} />;
}
