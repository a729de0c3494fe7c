import type { WaveformDetail } from '@ambient-audio/core';

/**
 * Refinements (more of the overview, more of a zoomed window) are drawn at most this often. A
 * window's exact loudness arrives part by part, a few dozen milliseconds apart, and each drawing of a
 * zoomed two-hour waveform costs the main thread 10–30 ms and leaves a set of canvases for the
 * garbage collector: drawn on every part, zooming through a two-hour recording drew a hundred times
 * and a collection landed inside one drawing often enough to make it a long task (e2e performance).
 */
export const REFINEMENT_REDRAW_MS = 200;

/** What a drawing shows: the zoom asked for, the theme's colours, the loudness detail. */
export interface DrawingRequest {
  /** The zoom asked for (an object that changes only when the zoom does). */
  zoom: unknown;
  /** Changes when the colours may have. */
  theme: string;
  detail: WaveformDetail | null;
  /** Seconds across the view, when zoomed; null for the whole recording. */
  window: number | null;
}

/** The seconds in view. */
export interface ViewSpan {
  start: number;
  end: number;
}

export interface RedrawPacer {
  /**
   * How long to wait before drawing `request` with the view beginning at `start` (s), `now` being
   * the clock's time (ms).
   */
  delay(request: DrawingRequest, start: number, now: number): number;
  /** A drawing of `request` was made at `now`. */
  drew(request: DrawingRequest, now: number): void;
}

/** Every bin in view is known: the drawing that makes the window the listener looks at exact. */
export function detailCoversView(detail: WaveformDetail | null, view: ViewSpan | null): boolean {
  if (!detail || !view) return false;
  const { binsPerSecond, known } = detail;
  // The last window of a recording is shorter than the view; its bins end with the recording.
  const first = Math.max(0, Math.floor((view.start - detail.start) * binsPerSecond + 1e-6));
  const last = Math.min(known.length, Math.ceil((view.end - detail.start) * binsPerSecond - 1e-6));
  if (view.start < detail.start - 1 / binsPerSecond || last <= first) return false;
  for (let i = first; i < last; i += 1) if (known[i] !== 1) return false;
  return true;
}

/**
 * When to draw: a new zoom, new colours, and the drawing that completes the visible window at once
 * (the listener is waiting for them); other refinements at most every `REFINEMENT_REDRAW_MS`, the
 * latest data each time, so the last one is never lost, only held back.
 */
export function redrawPacer(intervalMs = REFINEMENT_REDRAW_MS): RedrawPacer {
  let last: { zoom: unknown; theme: string; detail: WaveformDetail | null; at: number } | null = null;
  return {
    delay(request, start, now) {
      if (!last || request.zoom !== last.zoom || request.theme !== last.theme) return 0;
      const view = request.window === null ? null : { start, end: start + request.window };
      // (The view may have moved since: what matters is whether the last drawing covered this one.)
      const waiting = !detailCoversView(last.detail, view);
      if (waiting && detailCoversView(request.detail, view)) return 0;
      return Math.max(0, last.at + intervalMs - now);
    },
    drew(request, now) {
      last = { zoom: request.zoom, theme: request.theme, detail: request.detail, at: now };
    },
  };
}
