import {
  createPeakExtractor,
  parseWavHeader,
  peaksFromWav,
  probeStorageUrl,
  type PeakExtractor,
} from '@ambient-audio/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MediaChunk } from './ChunkedMediaElement';
import { combinePeaks, type ChunkPeaks } from './combinePeaks';
import type { WaveformPeaks } from './useWaveformEngine';

export type PeaksStatus = 'loading' | 'partial' | 'complete' | 'unavailable';

/** How far the waveform has come: for a progress hint, or to measure it. */
export interface WaveformProgress {
  /** Share of the waveform measured from real samples (the rest is spread from neighbours), 0..1. */
  coverage: number;
  /** Every sample has been read. */
  exact: boolean;
  /** Bytes fetched for the waveform so far. */
  bytesFetched: number;
}

export interface ProgressivePeaks {
  peaks: WaveformPeaks | null;
  status: PeaksStatus;
  /** Asks the storage whether a URL expired (null: cannot tell, e.g. no CORS). */
  isUrlExpired: (url: string) => Promise<boolean | null>;
  /** Holds back the exact pass while playback needs the connection. */
  setPlaybackBuffering: (buffering: boolean) => void;
}

async function isUrlExpired(url: string): Promise<boolean | null> {
  const answer = await probeStorageUrl(url);
  return answer === 'unreachable' ? null : answer === 'expired';
}

/**
 * Progressive waveform peaks for streamed chunks, from core's overview (Range reads in a Web Worker):
 * a full-width overview first, refined while the user listens. A fresher URL for the same chunks
 * continues the work; an expired one asks the owner for fresh URLs; no CORS means no waveform.
 */
export function useProgressivePeaks(
  chunks: readonly MediaChunk[],
  {
    onExpired,
    onProgress,
    enabled = true,
  }: {
    onExpired: () => void;
    onProgress?: ((progress: WaveformProgress) => void) | undefined;
    /** false: not yet (e.g. until playback can start, so the two do not compete for the line). */
    enabled?: boolean;
  },
): ProgressivePeaks {
  const [state, setState] = useState<{ peaks: WaveformPeaks | null; status: PeaksStatus }>({
    peaks: null,
    status: 'loading',
  });
  const extractorsRef = useRef<PeakExtractor[]>([]);
  const chunksRef = useRef(chunks);
  const onExpiredRef = useRef(onExpired);
  const onProgressRef = useRef(onProgress);
  useEffect(() => {
    onExpiredRef.current = onExpired;
    onProgressRef.current = onProgress;
    chunksRef.current = chunks;
  });

  // The extractors live as long as the chunks (by id); a fresher URL is handed to the running ones.
  const ids = chunks.map((chunk) => chunk.id).join('\n');
  useEffect(() => {
    if (!enabled) return;
    const current = chunksRef.current;
    const partial: (ChunkPeaks | null)[] = current.map(() => null);
    const exact = current.map(() => false);
    const coverage = current.map(() => 0);
    const bytes = current.map(() => 0);
    let unavailable = false;
    const extractors = current.map((chunk, index) =>
      createPeakExtractor({
        url: chunk.url,
        buckets: Math.max(256, Math.round(1024 / current.length)),
        onUpdate: (update) => {
          partial[index] = { peaks: update.peaks, duration: update.duration };
          exact[index] = update.exact;
          coverage[index] = update.coverage;
          bytes[index] = update.bytesFetched;
          const peaks = combinePeaks(partial);
          if (peaks) {
            onProgressRef.current?.({
              coverage: coverage.reduce((sum, c) => sum + c, 0) / coverage.length,
              exact: exact.every(Boolean),
              bytesFetched: bytes.reduce((sum, b) => sum + b, 0),
            });
          }
          if (peaks && !unavailable)
            setState({ peaks, status: exact.every(Boolean) ? 'complete' : 'partial' });
        },
        onProblem: (problem) => {
          if (problem === 'expired') {
            onExpiredRef.current();
            return;
          }
          unavailable = true;
          setState({ peaks: null, status: 'unavailable' });
        },
      }),
    );
    extractorsRef.current = extractors;
    return () => {
      extractors.forEach((extractor) => extractor.cancel());
      extractorsRef.current = [];
      setState({ peaks: null, status: 'loading' });
    };
  }, [ids, enabled]);

  useEffect(() => {
    chunks.forEach((chunk, i) => extractorsRef.current[i]?.setUrl(chunk.url));
  }, [chunks]);

  const setPlaybackBuffering = useCallback((buffering: boolean) => {
    for (const extractor of extractorsRef.current) {
      if (buffering) extractor.pause();
      else extractor.resume();
    }
  }, []);

  return { ...state, isUrlExpired, setPlaybackBuffering };
}

/** Exact peaks of downloaded files (not streamable): every sample is already here. */
export function useExactPeaks(files: readonly Blob[] | null): WaveformPeaks | null {
  const [peaks, setPeaks] = useState<WaveformPeaks | null>(null);
  useEffect(() => {
    if (!files) return;
    let cancelled = false;
    void (async () => {
      const perChunk: (ChunkPeaks | null)[] = [];
      for (const file of files) {
        const bytes = await file.arrayBuffer();
        try {
          const header = parseWavHeader(bytes, bytes.byteLength);
          const { peaks: channels } = peaksFromWav(
            bytes,
            header,
            Math.max(256, Math.round(1024 / files.length)),
          );
          perChunk.push({ peaks: channels, duration: header.durationSeconds });
        } catch {
          perChunk.push(null);
        }
      }
      if (!cancelled) setPeaks(combinePeaks(perChunk));
    })();
    return () => {
      cancelled = true;
    };
  }, [files]);
  return files ? peaks : null;
}
