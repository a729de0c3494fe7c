import { useCallback, useState } from 'react';

/** Closest zoom: about ten seconds across, where single words show. */
export const MIN_ZOOM_WINDOW = 10;

export interface ZoomRequest {
  /** Seconds across the view; null for the whole recording. */
  window: number | null;
  /** Seconds at the view's left edge, as the zoom that set `window` asked. */
  start: number;
}

export interface Zoom {
  /** The zoom asked for; the same object until the zoom changes (a redraw keeps the view where it is). */
  request: ZoomRequest;
  /** Seconds across the view; null for the whole recording. */
  window: number | null;
  canZoomIn: boolean;
  canZoomOut: boolean;
  /** Halves the window (or by `factor`), keeping `anchor` (seconds) where it is on screen. */
  zoomIn: (anchor: number, factor?: number) => void;
  /** Doubles the window (or by `factor`), back to the whole recording. */
  zoomOut: (anchor: number, factor?: number) => void;
}

/**
 * The zoom of a waveform: from the whole recording down to about ten seconds across, in halvings
 * for buttons and keys, continuously for a pinch or Ctrl/⌘+wheel. A zoom keeps its anchor (the
 * playhead, or the point under the pointer) at the same place on screen.
 */
export function useZoom(duration: number, view: { start: number; length: number }): Zoom {
  const [request, setRequest] = useState<ZoomRequest>({ window: null, start: 0 });
  const current = request.window !== null && request.window < duration ? request.window : duration;
  const minimum = Math.min(MIN_ZOOM_WINDOW, duration);

  const zoomTo = useCallback(
    (next: number, anchor: number) => {
      if (!(duration > 0)) return;
      const window = Math.max(minimum, Math.min(duration, next));
      if (window >= duration - 1e-6) {
        setRequest({ window: null, start: 0 });
        return;
      }
      const length = view.length > 0 ? view.length : duration;
      const from = view.start;
      // The anchor keeps its place on screen: the same share of the view lies left of it.
      const share = length > 0 ? Math.min(1, Math.max(0, (anchor - from) / length)) : 0.5;
      const start = Math.max(0, Math.min(duration - window, anchor - share * window));
      setRequest({ window, start });
    },
    [duration, minimum, view.start, view.length],
  );

  return {
    request,
    window: request.window !== null && request.window < duration ? request.window : null,
    canZoomIn: duration > 0 && current > minimum + 1e-6,
    canZoomOut: request.window !== null && request.window < duration,
    zoomIn: useCallback((anchor, factor = 2) => zoomTo(current / factor, anchor), [zoomTo, current]),
    zoomOut: useCallback((anchor, factor = 2) => zoomTo(current * factor, anchor), [zoomTo, current]),
  };
}
