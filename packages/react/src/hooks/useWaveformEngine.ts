import { ChunkedMediaElement, clock, type MediaChunk, type WaveformDetail } from '@ambient-audio/core';
import { useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { RefObject } from 'react';
import type WaveSurfer from 'wavesurfer.js';
import type { WaveformLoudness } from '../waveform/displayColumns';
import { referenceLevel } from '../waveform/loudnessScale';
import { EarlyMediaContext } from './useEarlyMediaTimeline';
import { loadWaveformDrawing } from './loadWaveformDrawing';
import { useBrowserLayoutEffect } from './useBrowserLayoutEffect';
import { useLazyModule } from './useLazyModule';
import { useMediaState } from './useMediaState';
import type { RedrawPacer } from '../waveform/redrawPacing';
import type { ZoomRequest } from './useZoom';

/** Waveform data as wavesurfer takes it: one array per channel, values in [-1, 1], over `duration`. */
export interface WaveformPeaks {
  channels: ReadonlyArray<Float32Array | readonly number[]>;
  duration: number;
}

/** What part of the recording the waveform shows. */
export interface WaveformView {
  /** Seconds at the left edge. */
  start: number;
  /** Seconds across the visible width; the whole recording when not zoomed. */
  length: number;
  zoomed: boolean;
  /** The listener moved it (scrolled the waveform), rather than the player. */
  byUser: boolean;
}

export interface WaveformEngineOptions {
  /** Where wavesurfer draws; null when no waveform is shown (a plain track instead). */
  waveformRef: RefObject<HTMLElement | null>;
  /** Where the hidden `<audio>` elements live. */
  audioHostRef: RefObject<HTMLElement | null>;
  chunks: readonly MediaChunk[];
  loudness: WaveformLoudness | null;
  detail: WaveformDetail | null;
  /** The zoom asked for: seconds across the view (null: the whole recording) and where it starts. */
  zoom: ZoomRequest;
  /** Changes of the theme (the prop); the host page's own theme changes are watched too. */
  theme: string | undefined;
  onUrlExpired?: ((chunkId: string) => void) | undefined;
  onUrlSwapped?: ((chunkId: string) => void) | undefined;
  isUrlExpired?: ((url: string) => Promise<boolean | null>) | undefined;
  /** The view moved (scrolled, zoomed): e.g. to read the exact loudness of what is now visible. */
  onViewChange?: ((view: WaveformView) => void) | undefined;
}

/** Calls `onChange` when the page's theme may have changed: attributes on <html>/<body>, the system scheme. */
function watchTheme(onChange: () => void): () => void {
  if (typeof window === 'undefined') return () => {};
  const observer = new MutationObserver(onChange);
  for (const element of [document.documentElement, document.body]) {
    if (element)
      observer.observe(element, { attributes: true, attributeFilter: ['class', 'data-theme', 'style'] });
  }
  const scheme = window.matchMedia?.('(prefers-color-scheme: dark)');
  scheme?.addEventListener?.('change', onChange);
  return () => {
    observer.disconnect();
    scheme?.removeEventListener?.('change', onChange);
  };
}

/**
 * Owns the player's media timeline and its one wavesurfer.js instance for the component's lifetime:
 * both are created once, driven imperatively as props change (new URLs, more loudness, a zoom), and
 * destroyed on unmount. wavesurfer only draws: it is given columns and a duration, never a URL, so it
 * never downloads or decodes the file, and seeking goes through the media timeline. Colours come
 * from the theme's custom properties and are read again when the theme changes.
 */
export function useWaveformEngine(options: WaveformEngineOptions) {
  const { waveformRef, audioHostRef, chunks, loudness, detail, zoom, theme } = options;
  const zoomWindow = zoom.window;
  const [media, setMedia] = useState<ChunkedMediaElement | null>(null);
  const wavesurferRef = useRef<WaveSurfer | null>(null);
  const referenceRef = useRef<{ loudness: WaveformLoudness | null; level: number }>({
    loudness: null,
    level: 0,
  });
  const initialView: WaveformView = { start: 0, length: 0, zoomed: false, byUser: false };
  const viewRef = useRef<WaveformView>(initialView);
  // Where the player itself last scrolled to: a scroll elsewhere is the listener's.
  const expectedStartRef = useRef(0);
  const appliedZoomRef = useRef<ZoomRequest | null>(null);
  const pacerRef = useRef<RedrawPacer | null>(null);
  const [view, setView] = useState<WaveformView>(initialView);
  const [themeVersion, setThemeVersion] = useState(0);
  const callbacks = useRef(options);
  useEffect(() => {
    callbacks.current = options;
  });

  // A timeline the RecordingPlayer already started (its audio loading since the API answered), or
  // one of our own.
  const early = useContext(EarlyMediaContext);
  // In the commit's own task, and the URLs right after: the first audio waits for no painted frame.
  useBrowserLayoutEffect(() => {
    if (early) {
      const release = early.bind({
        onUrlExpired: (id) => callbacks.current.onUrlExpired?.(id),
        onUrlSwapped: (id) => callbacks.current.onUrlSwapped?.(id),
        isUrlExpired: (url) => callbacks.current.isUrlExpired?.(url) ?? Promise.resolve(null),
      });
      setMedia(early.media);
      return () => {
        wavesurferRef.current?.destroy();
        wavesurferRef.current = null;
        release();
        setMedia(null);
      };
    }
    const timeline = new ChunkedMediaElement({
      container: audioHostRef.current,
      onUrlExpired: (id) => callbacks.current.onUrlExpired?.(id),
      onUrlSwapped: (id) => callbacks.current.onUrlSwapped?.(id),
      isUrlExpired: (url) => callbacks.current.isUrlExpired?.(url) ?? Promise.resolve(null),
    });
    setMedia(timeline);
    return () => {
      wavesurferRef.current?.destroy();
      wavesurferRef.current = null;
      timeline.destroy();
      setMedia(null);
    };
  }, [audioHostRef, early]);

  useBrowserLayoutEffect(() => {
    media?.setChunks(chunks);
  }, [media, chunks]);

  useEffect(() => watchTheme(() => setThemeVersion((v) => v + 1)), []);

  // Loaded once there are columns to draw (by then the data hook has loaded it too); without it there
  // is no waveform, and the data hook says why.
  const drawing = useLazyModule(loadWaveformDrawing, loudness !== null);

  const snapshot = useMediaState(media);

  const duration = Number.isFinite(snapshot.duration) ? snapshot.duration : (loudness?.duration ?? 0);

  const publishView = useCallback((next: WaveformView) => {
    const last = viewRef.current;
    if (
      Math.abs(last.start - next.start) < 0.01 &&
      Math.abs(last.length - next.length) < 0.01 &&
      last.zoomed === next.zoomed &&
      !next.byUser
    ) {
      return;
    }
    viewRef.current = next;
    setView(next);
    callbacks.current.onViewChange?.(next);
  }, []);

  // The waveform: created when there is somewhere to draw, fed columns as they arrive, zoomed as asked.
  useEffect(() => {
    const container = waveformRef.current;
    if (!media || !container || !loudness || !drawing || !(duration > 0)) return;
    const { waveformPicture, redrawInPlace, redrawPacer } = drawing;
    // The recording's speech level, fixed from its first drawing: refinements never rescale it.
    const reference = referenceRef.current;
    if (reference.loudness === null || reference.level <= 0) {
      reference.loudness = loudness;
      reference.level = referenceLevel(loudness.rms ?? loudness.peak, loudness.quality);
    }
    const zoomed = zoomWindow !== null && zoomWindow < duration;
    const picture = () =>
      waveformPicture(container, loudness, detail, zoomed ? zoomWindow : null, reference.level);
    const pacer = (pacerRef.current ??= redrawPacer());
    const shown = { zoom, theme: `${theme}:${themeVersion}`, detail, window: zoomed ? zoomWindow : null };
    const ws = wavesurferRef.current;
    if (!ws) {
      wavesurferRef.current = drawing.createWaveform(
        container,
        media,
        picture(),
        duration,
        (start, end, total) => {
          const length = end - start;
          const byUser = Math.abs(start - expectedStartRef.current) > Math.max(0.05, length * 0.01);
          publishView({ start, length, zoomed: length < total - 0.01, byUser });
        },
      );
      appliedZoomRef.current = zoom;
      pacer.drew(shown, clock.now());
      publishView({ start: 0, length: duration, zoomed: false, byUser: false });
      return;
    }
    // Redraw in place: no new request, playback undisturbed (wavesurfer issue #3552). A new zoom
    // starts where it asked; a redraw at the same zoom keeps the view where it is. The view is the
    // player's at once (the slider, the next zoom's anchor); the canvases follow in a task of their
    // own, so that a key press and the drawing it asks for are not one long task (e2e performance).
    const start = appliedZoomRef.current === zoom ? viewRef.current.start : zoom.start;
    appliedZoomRef.current = zoom;
    const viewStart = zoomed ? Math.max(0, Math.min(duration - zoomWindow, start)) : 0;
    expectedStartRef.current = viewStart;
    const view = { start: viewStart, length: zoomed ? zoomWindow : duration, zoomed, byUser: false };
    publishView(view);
    const created = ws;
    // Refinements are drawn at most every so often; a zoom, and the drawing that makes the view exact, at once.
    const delay = pacer.delay(shown, viewStart, clock.now());
    const task = clock.setTimeout(() => {
      // Where the view is now: the listener may have scrolled it since (the overview strip, a pan).
      const at = zoomed ? Math.max(0, Math.min(duration - zoomWindow, viewRef.current.start)) : 0;
      redrawInPlace(created, picture(), duration);
      pacer.drew(shown, clock.now());
      expectedStartRef.current = at;
      if (zoomed) created.setScrollTime(at);
      // The scroll events of that drawing report the view wavesurfer passed through on the way.
      publishView({ ...view, start: at });
    }, delay);
    // A newer change (the next zoom step, a refinement) replaces a drawing not yet made.
    return () => clock.clearTimeout(task);
  }, [
    media,
    loudness,
    drawing,
    detail,
    duration,
    zoom,
    zoomWindow,
    waveformRef,
    theme,
    themeVersion,
    publishView,
  ]);

  /** Scrolls the zoomed view so it starts at `start` seconds. */
  const scrollTo = useCallback(
    (start: number) => {
      const ws = wavesurferRef.current;
      const length = viewRef.current.length;
      if (!ws || !viewRef.current.zoomed) return;
      const clamped = Math.max(0, Math.min(duration - length, start));
      expectedStartRef.current = clamped;
      ws.setScrollTime(clamped);
      publishView({ start: clamped, length, zoomed: true, byUser: false });
    },
    [duration, publishView],
  );

  // Until wavesurfer reports its first view, the player shows the whole recording: a zoom (a button,
  // a gesture) that comes first is anchored on it, not on an empty view at 0.
  const shownView = useMemo(
    () => (view.length > 0 || !(duration > 0) ? view : { ...view, start: 0, length: duration }),
    [view, duration],
  );
  return { media, snapshot, duration, view: shownView, scrollTo, drawing };
}
