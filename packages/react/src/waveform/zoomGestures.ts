import type { ZoomGestures } from '../hooks/useZoomGestures';

/**
 * The waveform's gestures on `surface`, reading the latest handlers through `latest`: Ctrl/⌘+wheel
 * (and a trackpad pinch, which browsers send as one) zooms around the pointer, two fingers on a
 * touch screen pinch, and a horizontal scroll (or Shift+wheel) pans a zoomed view. Returns the
 * detach. In the waveform's lazy chunk: there is nothing to zoom until the waveform is drawn.
 */
export function attachZoomGestures(surface: HTMLElement, latest: () => ZoomGestures): () => void {
  const timeAtX = (clientX: number) => {
    const rect = surface.getBoundingClientRect();
    const { view: current } = latest();
    return current.start + ((clientX - rect.left) / Math.max(1, rect.width)) * current.length;
  };
  const onWheel = (event: WheelEvent) => {
    const { view: current } = latest();
    if (!(event.ctrlKey || event.metaKey) && current.zoomed) {
      const delta = event.shiftKey && event.deltaX === 0 ? event.deltaY : event.deltaX;
      if (Math.abs(delta) <= Math.abs(event.deltaY) && !event.shiftKey) return;
      event.preventDefault();
      const width = Math.max(1, surface.getBoundingClientRect().width);
      latest().pan(current.start + (delta / width) * current.length);
      return;
    }
    if (!(event.ctrlKey || event.metaKey) || !latest().canZoom) return;
    event.preventDefault();
    const factor = Math.exp(Math.min(1, Math.abs(event.deltaY) * 0.01));
    const at = timeAtX(event.clientX);
    latest().zoomAround(at, factor, event.deltaY < 0 ? 'in' : 'out');
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
    if (touches.size !== 2 || spread < 10 || !latest().canZoom) return;
    const now = distance();
    const ratio = now / spread;
    if (ratio > 1.15 || ratio < 0.87) {
      const [a, b] = [...touches.values()];
      const at = timeAtX(((a ?? 0) + (b ?? 0)) / 2);
      latest().zoomAround(at, ratio > 1 ? ratio : 1 / ratio, ratio > 1 ? 'in' : 'out');
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
}
