import { clock, type TimerHandle } from '@ambient-audio/core';
import { useCallback, useEffect, useRef } from 'react';
import type { WaveformView } from './useWaveformEngine';

/**
 * A zoom or scroll that comes to rest this long is read; the views passed on the way are not. Short,
 * because the engine aborts a window's reads that a newer window does not need: this only keeps a
 * wheel or a drag from starting a request per frame. 50 ms still joins the steps of a wheel or a pinch
 * (about 16 ms apart) and of a held key (33–40 ms on Windows and Linux); at 80 ms a one-minute window
 * at 50 Mbit/s took 500 ms from the last press, at 50 ms 440 ms (`pnpm bench`, throttled cases).
 */
export const DETAIL_SETTLE_MS = 50;

/**
 * Turns the waveform's view changes into detail reads, once the view comes to rest: holding `+`
 * through six zoom levels reads the last one only, not the half hour on the way.
 */
export function useDetailRequest(
  showDetail: (start: number, end: number, focus?: number) => void,
  /** Where playback is (seconds), read as the view settles: its surroundings are read first. */
  playhead?: () => number,
): (view: WaveformView) => void {
  const playheadRef = useRef(playhead);
  useEffect(() => {
    playheadRef.current = playhead;
  });
  const timerRef = useRef<TimerHandle | null>(null);
  useEffect(() => () => clock.clearTimeout(timerRef.current), []);
  return useCallback(
    (view: WaveformView) => {
      clock.clearTimeout(timerRef.current);
      timerRef.current = null;
      if (!view.zoomed) return;
      timerRef.current = clock.setTimeout(() => {
        timerRef.current = null;
        showDetail(view.start, view.start + view.length, playheadRef.current?.());
      }, DETAIL_SETTLE_MS);
    },
    [showDetail],
  );
}
