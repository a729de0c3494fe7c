import { WavFormatError } from './errors';
import { parseWavHeader, type WavHeader } from './parseWavHeader';
import { PeakAccumulator } from './peaks';
import { readBody } from './readBody';
import { isExpiredStorageResponse } from './storageExpiry';

/** What the overview knows so far, handed to `onUpdate` each time it knows more. */
export interface PeakOverviewUpdate {
  header: WavHeader;
  /** One array per channel, values in [0, 1], `buckets` long: ready for wavesurfer's `peaks`. */
  peaks: Float32Array[];
  duration: number;
  /** Share of the buckets holding measured (not borrowed) peaks, 0..1. */
  coverage: number;
  /** True once every sample has been read: the peaks are exact. */
  exact: boolean;
  bytesFetched: number;
}

/**
 * Why the overview stopped early. `no-cors`: the storage answered in a way the page may not read
 * (fetch failed with a bare TypeError), so the player should play without a waveform. `expired`:
 * the URL expired; hand a fresh one to `setUrl` to continue. `no-range`: the storage ignores Range
 * requests. `format`: not a WAV file this library reads. `http`: any other refusal.
 */
export type PeakOverviewProblem = 'no-cors' | 'expired' | 'no-range' | 'format' | 'http';

export interface PeakOverviewOptions {
  url: string;
  /** Peaks per channel. Default 1024. */
  buckets?: number;
  /** Windows read for the first, full-width overview. Default 128 (2 MB at 16 KiB). */
  firstPassWindows?: number;
  /** Bytes per window. Default 16 KiB. */
  windowBytes?: number;
  /** After the sampled passes, read every remaining byte for exact peaks. Default true. */
  exact?: boolean;
  /** Size of the reads of the exact pass. Default 1 MiB. */
  exactBlockBytes?: number;
  /** Files with less sample data than this skip sampling and are read whole, in blocks. Default 8 MiB. */
  readWholeBelowBytes?: number;
  /**
   * Requests in flight at once. Default 5: browsers open 6 connections per host over HTTP/1.1, and
   * playback needs one. The exact pass uses 1, to leave the line to playback.
   */
  concurrency?: number;
  fetch?: typeof fetch;
  onUpdate?: (update: PeakOverviewUpdate) => void;
  onProblem?: (problem: PeakOverviewProblem) => void;
}

export interface PeakOverview {
  /** Resolves when the overview is complete, stopped by a problem, or cancelled. */
  readonly done: Promise<void>;
  /** Continues with a fresh URL after an `expired` problem (or before one). */
  setUrl(url: string): void;
  /** Holds back the exact pass (e.g. while the player is buffering); sampled passes continue. */
  pause(): void;
  resume(): void;
  cancel(): void;
  readonly bytesFetched: number;
}

const HEADER_BYTES = 64 * 1024;

class Stop extends Error {
  constructor(readonly problem: PeakOverviewProblem | 'cancelled') {
    super(problem);
  }
}

/**
 * Draws an hour-long recording's waveform without downloading it: one Range request for the header,
 * then small Range reads spread across the file (a full-width overview after a few MB), then more
 * windows in between, then (optionally) every remaining byte at low priority for exact peaks, with
 * updates after each step. Runs on any thread; `createPeakExtractor` puts it in a Web Worker.
 */
export function createPeakOverview(options: PeakOverviewOptions): PeakOverview {
  const fetchImpl = options.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));
  const buckets = options.buckets ?? 1024;
  const windowBytes = options.windowBytes ?? 16 * 1024;
  const concurrency = Math.max(1, options.concurrency ?? 5);
  let url = options.url;
  let bytesFetched = 0;
  let cancelled = false;
  let paused = false;
  const controller = new AbortController();
  // Reads waiting for a fresh URL, and the exact pass waiting to be resumed.
  let urlWaiters: (() => void)[] = [];
  let resumeWaiters: (() => void)[] = [];
  const release = (waiters: (() => void)[]) => waiters.forEach((resolve) => resolve());

  async function rangeRead(start: number, end: number): Promise<{ bytes: Uint8Array; total: number | null }> {
    for (;;) {
      if (cancelled) throw new Stop('cancelled');
      let response: Response;
      try {
        response = await fetchImpl(url, {
          headers: { Range: `bytes=${start}-${end - 1}` },
          signal: controller.signal,
          credentials: 'omit',
          // Bypasses the HTTP cache, which lets only one request per URL through at a time (its cache
          // lock): Range reads of one file would otherwise run one after another.
          cache: 'no-store',
        });
      } catch {
        if (cancelled) throw new Stop('cancelled');
        throw new Stop('no-cors');
      }
      if (response.status === 206) {
        const total = /\/(\d+)\s*$/.exec(response.headers.get('Content-Range') ?? '')?.[1];
        // Read as it arrives, so a connection dropped midway still yields what came before it.
        const { bytes } = await readBody(response, (n) => {
          bytesFetched += n;
        });
        return { bytes, total: total ? Number(total) : null };
      }
      if (response.status === 200) {
        await response.body?.cancel().catch(() => {});
        throw new Stop('no-range');
      }
      const text = await response.text().catch(() => '');
      if (response.status === 416) return { bytes: new Uint8Array(0), total: null };
      if (!isExpiredStorageResponse(response.status, text)) throw new Stop('http');
      // Expired: wait for a fresh URL, then read the same range again. Reported once per URL.
      const expiredUrl = url;
      if (urlWaiters.length === 0) options.onProblem?.('expired');
      await new Promise<void>((resolve) => urlWaiters.push(resolve));
      if (url === expiredUrl && !cancelled) throw new Stop('expired');
    }
  }

  async function runAll(tasks: (() => Promise<void>)[], limit: number): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < tasks.length) {
        const task = tasks[next];
        next += 1;
        if (task) await task();
      }
    };
    await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  }

  async function run(): Promise<void> {
    const head = await rangeRead(0, HEADER_BYTES);
    let header: WavHeader;
    try {
      header = parseWavHeader(head.bytes, head.total ?? undefined);
    } catch (error) {
      if (error instanceof WavFormatError) throw new Stop('format');
      throw error;
    }
    const acc = new PeakAccumulator(header, buckets);
    const dataEnd = header.dataOffset + header.dataBytes;
    const read = new Set<number>();
    const emit = (exact = false) => {
      let filled = 0;
      for (let b = 0; b < buckets; b += 1) if (acc.filled(b)) filled += 1;
      options.onUpdate?.({
        header,
        peaks: acc.toPeaks(),
        duration: header.durationSeconds,
        coverage: filled / buckets,
        exact,
        bytesFetched,
      });
    };
    // Whatever of the data the header read already holds.
    const headData = head.bytes.subarray(Math.min(head.bytes.byteLength, header.dataOffset));
    acc.add(headData, 0);
    if (header.dataOffset + headData.byteLength >= dataEnd) {
      emit(true);
      return;
    }
    emit();

    // Small files: reading them whole takes fewer requests than sampling them.
    const small = header.dataBytes <= (options.readWholeBelowBytes ?? 8 * 1024 * 1024);
    // Sampling reads at most a quarter of the file; past that, reading it all is the better deal.
    const maxWindows = small ? 0 : Math.min(buckets, Math.floor(header.dataBytes / (windowBytes * 4)));
    // Sampled passes: windows centred on bucket positions, coarse first, then the gaps between them.
    const windowAt = (bucket: number) => {
      const frame = acc.frameOf(bucket) + Math.floor((acc.frameOf(bucket + 1) - acc.frameOf(bucket)) / 2);
      const centre = frame * header.blockAlign;
      const start = Math.max(0, Math.min(header.dataBytes - windowBytes, centre - windowBytes / 2));
      return Math.max(0, start - (start % header.blockAlign));
    };
    const first = Math.min(maxWindows, options.firstPassWindows ?? 128);
    for (let stride = buckets / Math.max(1, first); first > 0 && stride >= 1; stride /= 2) {
      if (read.size + buckets / stride > maxWindows * 1.01) break;
      const tasks: (() => Promise<void>)[] = [];
      for (let position = 0; position < buckets; position += stride) {
        const bucket = Math.floor(position);
        if (read.has(bucket) || acc.filled(bucket)) continue;
        read.add(bucket);
        tasks.push(async () => {
          const start = windowAt(bucket);
          const end = Math.min(header.dataBytes, start + windowBytes);
          const { bytes } = await rangeRead(header.dataOffset + start, header.dataOffset + end);
          acc.add(bytes, start);
        });
      }
      await runAll(tasks, concurrency);
      emit();
      if (stride <= 4) break;
    }

    if (options.exact === false) return;
    // Exact pass: every block, one at a time, yielding to playback when asked to. A block cut short by
    // a dropped connection continues from its last byte; one that yields nothing three times stops.
    const block = options.exactBlockBytes ?? 1024 * 1024;
    let blocks = 0;
    for (let start = 0; start < header.dataBytes;) {
      while (paused && !cancelled) {
        await new Promise<void>((resolve) => resumeWaiters.push(resolve));
      }
      const end = Math.min(header.dataBytes, start + block);
      let empty = 0;
      while (start < end) {
        const { bytes } = await rangeRead(header.dataOffset + start, header.dataOffset + end);
        if (bytes.byteLength === 0 && ++empty >= 3) throw new Stop('http');
        acc.add(bytes, start);
        start += bytes.byteLength;
      }
      blocks += 1;
      if (small || blocks % 8 === 0) emit();
    }
    emit(true);
  }

  const done = run().catch((error: unknown) => {
    if (error instanceof Stop) {
      if (error.problem !== 'cancelled') options.onProblem?.(error.problem);
      return;
    }
    throw error;
  });

  return {
    done,
    get bytesFetched() {
      return bytesFetched;
    },
    setUrl(fresh) {
      url = fresh;
      const waiting = urlWaiters;
      urlWaiters = [];
      release(waiting);
    },
    pause() {
      paused = true;
    },
    resume() {
      paused = false;
      const waiting = resumeWaiters;
      resumeWaiters = [];
      release(waiting);
    },
    cancel() {
      cancelled = true;
      controller.abort();
      const waiting = [...urlWaiters, ...resumeWaiters];
      urlWaiters = [];
      resumeWaiters = [];
      release(waiting);
    },
  };
}
