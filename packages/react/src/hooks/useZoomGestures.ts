import { useEffect, useRef } from 'react';
import type { RefObject } from 'react';
import type { WaveformDrawing } from './loadWaveformDrawing';
import type { WaveformView } from './useWaveformEngine';

export interface ZoomGestures {
  /** Zoom by `factor` around `at` seconds. */
  zoomAround: (at: number, factor: number, direction: 'in' | 'out') => void;
  /** Scroll a zoomed view so that it starts at `start` seconds. */
  pan: (start: number) => void;
  view: WaveformView;
  canZoom: boolean;
}

/**
 * The waveform's gestures (see `waveform/zoomGestures.ts`), once the waveform's drawing module has
 * loaded. Listeners are attached once per surface; they read the latest handlers.
 */
export function useZoomGestures(
  surfaceRef: RefObject<HTMLElement | null>,
  gestures: ZoomGestures,
  /** Changes when the surface may have been replaced (a waveform shown, a failure view). */
  surfaceKey: unknown,
  drawing: Pick<WaveformDrawing, 'attachZoomGestures'> | null,
): void {
  const zoomRef = useRef(gestures);
  useEffect(() => {
    zoomRef.current = gestures;
  });
  const attach = drawing?.attachZoomGestures;
  useEffect(() => {
    const surface = surfaceRef.current;
    if (!surface || !attach) return;
    return attach(surface, () => zoomRef.current);
  }, [surfaceRef, surfaceKey, attach]);
}
