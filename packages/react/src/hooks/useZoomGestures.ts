import { useEffect, useRef } from 'react';
import type { RefObject } from 'react';
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
 * The waveform's gestures: Ctrl/⌘+wheel (and a trackpad pinch, which browsers send as one) zooms
 * around the pointer, two fingers on a touch screen pinch, and a horizontal scroll (or Shift+wheel)
 * pans a zoomed view. Listeners are attached once per surface; they read the latest handlers.
 */
export function useZoomGestures(
  surfaceRef: RefObject<HTMLElement | null>,
  gestures: ZoomGestures,
  /** Changes when the surface may have been replaced (a waveform shown, a failure view). */
  surfaceKey: unknown,
): void {
  const zoomRef = useRef(gestures);
  useEffect(() => {
    zoomRef.current = gestures;
  });
  useEffect(() => {
    const surface = surfaceRef.current;
    if (!surface) return;
    const timeAtX = (clientX: number) => {
      const rect = surface.getBoundingClientRect();
      const { view: current } = zoomRef.current;
      return current.start + ((clientX - rect.left) / Math.max(1, rect.width)) * current.length;
    };
    const onWheel = (event: WheelEvent) => {
      const { view: current } = zoomRef.current;
      if (!(event.ctrlKey || event.metaKey) && current.zoomed) {
        const delta = event.shiftKey && event.deltaX === 0 ? event.deltaY : event.deltaX;
        if (Math.abs(delta) <= Math.abs(event.deltaY) && !event.shiftKey) return;
        event.preventDefault();
        const width = Math.max(1, surface.getBoundingClientRect().width);
        zoomRef.current.pan(current.start + (delta / width) * current.length);
        return;
      }
      if (!(event.ctrlKey || event.metaKey) || !zoomRef.current.canZoom) return;
      event.preventDefault();
      const factor = Math.exp(Math.min(1, Math.abs(event.deltaY) * 0.01));
      const at = timeAtX(event.clientX);
      zoomRef.current.zoomAround(at, factor, event.deltaY < 0 ? 'in' : 'out');
    };
    const touches = new Map<number, number>();
    let spread = 0;
    const onPointerDown = (event: PointerEvent) => {
      if (event.pointerType !== 'touch') return;
      touches.set(event.pointerId, event.clientX);
      if (touches.size === 2) spread = distance();
    };
    const distance = () => {
      const [a, b] = [...touches.values()];
      return Math.abs((a ?? 0) - (b ?? 0));
    };
    const onPointerMove = (event: PointerEvent) => {
      if (!touches.has(event.pointerId)) return;
      touches.set(event.pointerId, event.clientX);
      if (touches.size !== 2 || spread < 10 || !zoomRef.current.canZoom) return;
      const now = distance();
      const ratio = now / spread;
      if (ratio > 1.15 || ratio < 0.87) {
        const [a, b] = [...touches.values()];
        const at = timeAtX(((a ?? 0) + (b ?? 0)) / 2);
        zoomRef.current.zoomAround(at, ratio > 1 ? ratio : 1 / ratio, ratio > 1 ? 'in' : 'out');
        spread = now;
      }
    };
    const onPointerEnd = (event: PointerEvent) => {
      touches.delete(event.pointerId);
    };
    surface.addEventListener('wheel', onWheel, { passive: false });
    surface.addEventListener('pointerdown', onPointerDown);
    surface.addEventListener('pointermove', onPointerMove);
    surface.addEventListener('pointerup', onPointerEnd);
    surface.addEventListener('pointercancel', onPointerEnd);
    return () => {
      surface.removeEventListener('wheel', onWheel);
      surface.removeEventListener('pointerdown', onPointerDown);
      surface.removeEventListener('pointermove', onPointerMove);
      surface.removeEventListener('pointerup', onPointerEnd);
      surface.removeEventListener('pointercancel', onPointerEnd);
    };
  }, [surfaceRef, surfaceKey]);
}
