import {
  loadWaveformExtractor,
  probeStorageUrl,
  type MediaChunk,
  type WaveformDetail,
  type WaveformExtractor,
  type WaveformOverview,
  type WaveformSource,
} from '@ambient-audio/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { loadWaveformDrawing } from './loadWaveformDrawing';

/** How far the waveform has come: for a progress hint, or to measure it. */
export interface WaveformProgress {
  /** Share of the overview's columns measured from real samples (the rest is spread from neighbours), 0..1. */
  coverage: number;
  /** Every sample has been read (a downloaded file). */
  exact: boolean;
  /** The overview's reads are over: its byte budget is spent (or the file is read). */
  complete: boolean;
  /** Bytes read for the waveform so far, overview and zoomed detail. */
  bytesFetched: number;
  /**
   * Where the waveform is computed: `worker` (a Web Worker), or `main` when the worker could not start
   * (no Worker, a CSP without `worker-src 'self'`, a bundler that left the file behind).
   */
  thread: 'worker' | 'main';
}

/** Why there is no waveform: the storage does not let the page read it (CORS), or its reads failed. */
export type WaveformUnavailable = 'no-cors' | 'failed';

export interface WaveformData {
  overview: WaveformOverview | null;
  /** The exact loudness of the window last asked for with `showDetail`. */
  detail: WaveformDetail | null;
  unavailable: WaveformUnavailable | null;
  /** The listener looks at [start, end) seconds: read its exact loudness, nearest `focus` first. */
  showDetail: (start: number, end: number, focus?: number) => void;
  /** Holds back the waveform's reads while playback waits for data. */
  setPlaybackBuffering: (buffering: boolean) => void;
  /** The media timeline's chunk lengths, once known (a recording of many chunks waits for them). */
  setDurations: (durations: readonly number[]) => void;
  /** Asks the storage whether a URL expired (null: cannot tell, e.g. no CORS). */
  isUrlExpired: (url: string) => Promise<boolean | null>;
}

/** What to draw from: the streamed chunks' URLs, or downloaded files. */
export type WaveformInput = { chunks: readonly MediaChunk[] } | { files: readonly Blob[] };

export interface UseWaveformDataOptions {
  /** A chunk's URL expired while the waveform read it: fetch fresh URLs. */
  onExpired?: (() => void) | undefined;
  onProgress?: ((progress: WaveformProgress) => void) | undefined;
  /** false: not yet (e.g. until playback can start, so the two do not compete for the line). */
  enabled?: boolean | undefined;
  /** The host's own worker factory (see `RecordingClientProvider`'s `createPeakWorker`). */
  createWorker?: (() => Worker) | undefined;
  /**
   * What the streamed overview may read: at most this many bytes (default 2 MiB), never more than an
   * eighth of the recording; or `'whole-file'`, every byte, for an exact overview (an hour of 16 kHz
   * mono is 115 MB). Read when the recording's waveform starts. Downloaded files are always exact.
   */
  budget?: WaveformBudget | undefined;
}

/** The overview's byte budget, or every byte. */
export type WaveformBudget = number | 'whole-file';

/** The engine settings for a budget; anything but a positive number of bytes keeps the default. */
function budgetSettings(budget: WaveformBudget | undefined): { mode?: 'whole'; budgetBytes?: number } {
  if (budget === 'whole-file') return { mode: 'whole' };
  if (typeof budget === 'number' && Number.isFinite(budget) && budget > 0) return { budgetBytes: budget };
  return {};
}

async function isUrlExpired(url: string): Promise<boolean | null> {
  const answer = await probeStorageUrl(url);
  return answer === 'unreachable' ? null : answer === 'expired';
}

const identity = (input: WaveformInput | null) =>
  input === null
    ? ''
    : 'files' in input
      ? `files:${input.files.length}`
      : input.chunks.map((c) => c.id).join('\n');

/**
 * The waveform of a recording, from core's waveform engine in a Web Worker: a full-width overview
 * from sampled Range reads within a byte budget, and the exact loudness of whatever window the
 * listener zooms into. One engine per recording (by chunk ids); a fresher URL continues its work, an
 * expired one asks the owner for fresh URLs, and no CORS means no waveform (playback unaffected).
 */
export function useWaveformData(
  input: WaveformInput | null,
  options: UseWaveformDataOptions = {},
): WaveformData {
  const { enabled = true } = options;
  const [overview, setOverview] = useState<WaveformOverview | null>(null);
  const [detail, setDetail] = useState<WaveformDetail | null>(null);
  const [unavailable, setUnavailable] = useState<WaveformUnavailable | null>(null);
  const extractorRef = useRef<WaveformExtractor | null>(null);
  const inputRef = useRef(input);
  const optionsRef = useRef(options);
  const pendingRef = useRef<{
    detail: [number, number, number | undefined] | null;
    durations: readonly number[] | null;
    buffering: boolean;
  }>({
    detail: null,
    durations: null,
    buffering: false,
  });
  useEffect(() => {
    inputRef.current = input;
    optionsRef.current = options;
  });

  const key = identity(input);
  const files = input && 'files' in input ? input.files : null;
  useEffect(() => {
    // Loaded once playback can start (`enabled`): parsed earlier, these chunks would compete with
    // the first audio for the main thread. (The drawing module too, which the columns need.)
    const current = inputRef.current;
    if (!enabled || !current) return;
    const loading = Promise.all([loadWaveformExtractor(), loadWaveformDrawing()]).then(
      ([extractor]) => extractor,
    );
    let live = true;
    let extractor: WaveformExtractor | null = null;
    const start = ({ createWaveformExtractor }: Awaited<typeof loading>) => {
      // The latest input: URLs refreshed while the module loaded are already the ones to read.
      const current = inputRef.current;
      if (!live || !current) return;
      const sources: WaveformSource[] =
        'files' in current
          ? current.files.map((file) => ({ file }))
          : current.chunks.map((chunk) => ({ url: chunk.url, expiresAt: chunk.expiresAt }));
      let bytes = 0;
      const created = createWaveformExtractor({
        ...budgetSettings(optionsRef.current.budget),
        sources,
        durations: pendingRef.current.durations ?? undefined,
        createWorker: optionsRef.current.createWorker,
        onOverview: (next) => {
          bytes = Math.max(bytes, next.bytesFetched);
          setOverview(next);
          optionsRef.current.onProgress?.({
            coverage: next.coverage,
            exact: next.exact,
            complete: next.complete,
            bytesFetched: bytes,
            thread: created.thread,
          });
        },
        onDetail: (next) => {
          bytes = Math.max(bytes, next.bytesFetched);
          setDetail(next);
        },
        onProblem: (problem) => {
          if (problem === 'expired') {
            optionsRef.current.onExpired?.();
            return;
          }
          setUnavailable(problem === 'no-cors' ? 'no-cors' : 'failed');
        },
      });
      extractor = created;
      extractorRef.current = created;
      const pending = pendingRef.current;
      if (pending.detail) created.showDetail(...pending.detail);
      if (pending.buffering) created.pause();
    };
    // Without the engine's module there is no waveform; playback is not affected.
    loading.then(start, () => {
      if (live) setUnavailable('failed');
    });
    return () => {
      live = false;
      extractor?.cancel();
      extractorRef.current = null;
      setOverview(null);
      setDetail(null);
      setUnavailable(null);
    };
    // The engine lives as long as the recording (by chunk ids, or the same files), not its URLs.
  }, [key, files, enabled]);

  // A fresher URL for the same chunks goes to the running engine.
  const chunks = input && 'chunks' in input ? input.chunks : null;
  useEffect(() => {
    chunks?.forEach((chunk, index) => extractorRef.current?.setUrl(index, chunk.url, chunk.expiresAt));
  }, [chunks]);

  const showDetail = useCallback((start: number, end: number, focus?: number) => {
    pendingRef.current.detail = [start, end, focus];
    extractorRef.current?.showDetail(start, end, focus);
  }, []);
  const setPlaybackBuffering = useCallback((buffering: boolean) => {
    pendingRef.current.buffering = buffering;
    if (buffering) extractorRef.current?.pause();
    else extractorRef.current?.resume();
  }, []);
  const setDurations = useCallback((durations: readonly number[]) => {
    pendingRef.current.durations = durations;
    extractorRef.current?.setDurations(durations);
  }, []);

  return { overview, detail, unavailable, showDetail, setPlaybackBuffering, setDurations, isUrlExpired };
}
