import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { RefObject } from 'react';
import WaveSurfer from 'wavesurfer.js';
import { ChunkedMediaElement, type ChunkedMediaSnapshot, type MediaChunk } from './ChunkedMediaElement';

/** Waveform data as wavesurfer takes it: one array per channel, values in [-1, 1], over `duration`. */
export interface WaveformPeaks {
  channels: ReadonlyArray<Float32Array | readonly number[]>;
  duration: number;
}

export interface WaveformEngineOptions {
  /** Where wavesurfer draws; null when no waveform is shown (a plain track instead). */
  waveformRef: RefObject<HTMLElement | null>;
  /** Where the hidden `<audio>` elements live. */
  audioHostRef: RefObject<HTMLElement | null>;
  chunks: readonly MediaChunk[];
  peaks: WaveformPeaks | null;
  onUrlExpired?: ((chunkId: string) => void) | undefined;
  onUrlSwapped?: ((chunkId: string) => void) | undefined;
  isUrlExpired?: ((url: string) => Promise<boolean | null>) | undefined;
}

const idle: ChunkedMediaSnapshot = {
  currentTime: 0,
  duration: Number.NaN,
  chunkStarts: [],
  playing: false,
  buffering: false,
  ended: false,
  rate: 1,
  volume: 1,
  muted: false,
  ready: false,
  recovering: false,
  failure: null,
};
const noop = () => () => {};
const idleSnapshot = () => idle;

function cssColor(element: HTMLElement, name: string, fallback: string): string {
  const value = getComputedStyle(element).getPropertyValue(name).trim();
  return value || fallback;
}

/**
 * Owns the player's media timeline and its one wavesurfer.js instance for the component's lifetime:
 * both are created once, driven imperatively as props change (new URLs, more peaks), and destroyed
 * on unmount. wavesurfer only draws: it is given peaks and a duration, never a URL, so it never
 * downloads or decodes the file, and seeking goes through the media timeline.
 */
export function useWaveformEngine(options: WaveformEngineOptions) {
  const { waveformRef, audioHostRef, chunks, peaks } = options;
  const [media, setMedia] = useState<ChunkedMediaElement | null>(null);
  const wavesurferRef = useRef<WaveSurfer | null>(null);
  const drawnRef = useRef(false);
  const callbacks = useRef(options);
  useEffect(() => {
    callbacks.current = options;
  });

  useEffect(() => {
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
      drawnRef.current = false;
      timeline.destroy();
      setMedia(null);
    };
  }, [audioHostRef]);

  useEffect(() => {
    media?.setChunks(chunks);
  }, [media, chunks]);

  const snapshot = useSyncExternalStore(
    media?.subscribe ?? noop,
    media?.getSnapshot ?? idleSnapshot,
    idleSnapshot,
  );

  // The waveform: created when there is somewhere to draw, fed peaks as they arrive.
  const duration = Number.isFinite(snapshot.duration) ? snapshot.duration : (peaks?.duration ?? 0);
  useEffect(() => {
    const container = waveformRef.current;
    if (!media || !container || !peaks || !(duration > 0)) return;
    let ws = wavesurferRef.current;
    const channels = peaks.channels.map((channel) => Array.from(channel));
    if (!ws) {
      ws = WaveSurfer.create({
        container,
        // Duck-typed media, as wavesurfer's own WebAudio player is: see ChunkedMediaElement.
        media: media as unknown as HTMLMediaElement,
        interact: false,
        height: 'auto',
        waveColor: cssColor(container, '--aa-wave', '#9fb3c8'),
        progressColor: cssColor(container, '--aa-progress', '#0b5cad'),
        cursorColor: cssColor(container, '--aa-cursor', '#d1242f'),
        cursorWidth: 2,
        barWidth: 2,
        barGap: 1,
        barRadius: 1,
        normalize: false,
        hideScrollbar: true,
        autoScroll: false,
        autoCenter: false,
      });
      wavesurferRef.current = ws;
      drawnRef.current = true;
      ws.load('', channels, duration).catch(() => {
        // A load superseded by destroy() rejects; nothing to report.
      });
      return;
    }
    // Redraw in place: no new request, playback undisturbed (wavesurfer issue #3552).
    ws.setOptions({ peaks: channels, duration });
    const decoded = ws.getDecodedData();
    if (decoded) void ws.getRenderer().render(decoded);
  }, [media, peaks, duration, waveformRef]);

  return { media, snapshot, duration };
}
