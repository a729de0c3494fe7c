import { OverviewStop, type ByteReader, type WaveformReadProblem } from '../byteReader';
import { fileByteReader, type PeakFile } from '../fileByteReader';
import { parseWavHeader } from '../parseWavHeader';
import type { WavHeader } from '../scanWavHeader';
import { urlByteReader, type UrlByteReader } from '../urlByteReader';
import { ColumnQuality } from './columnQuality';
import { DetailCache, type DetailBlock } from './detailCache';
import { LoudnessBins, addLoudness } from './loudness';
import { readWavHeader, type HeaderRead } from './readWavHeader';

/** Where a chunk's samples come from: its presigned URL, read with Range requests, or a file in memory. */
export type WaveformSource = { url: string; expiresAt?: number | null | undefined } | { file: PeakFile };

/** See `WaveformReadProblem`: `expired` waits for `setUrl`; the others end the overview. */
export type WaveformProblem = WaveformReadProblem;

export { ColumnQuality } from './columnQuality';

export interface WaveformColumns {
  /** Largest |sample| per column, linear 0..1. */
  peak: Float32Array;
  /** RMS level per column, linear 0..1. */
  rms: Float32Array;
  /** `ColumnQuality` per column. */
  quality: Uint8Array;
}

/** The whole recording, one column per `duration / columns` seconds. */
export interface WaveformOverview extends WaveformColumns {
  duration: number;
  /** Length of each chunk, seconds. */
  chunkDurations: number[];
  /** Share of the columns measured (sampled or exact), 0..1. */
  coverage: number;
  /** Every column is exact. */
  exact: boolean;
  /** The overview's reads are over: its byte budget is spent or every column is measured. */
  complete: boolean;
  bytesFetched: number;
}

/** The exact loudness of a stretch of the recording the listener looks at (the zoomed window). */
export interface WaveformDetail {
  /** Seconds on the timeline of the first bin. */
  start: number;
  binsPerSecond: number;
  peak: Float32Array;
  rms: Float32Array;
  /** 1 where the bin has been read, 0 where not (yet). */
  known: Uint8Array;
  /** Every bin is known. */
  complete: boolean;
  /** The bins hold every sample (true), or a short window of each (a view too long to read whole). */
  exact: boolean;
  bytesFetched: number;
}

export interface WaveformSettings {
  /** Columns of the overview. Default 480. */
  columns?: number | undefined;
  /** Most bytes the overview reads, in all. Default 2 MiB. */
  budgetBytes?: number | undefined;
  /** ...and never more than this share of the recording. Default 1/8. */
  budgetShare?: number | undefined;
  /** Windows of the first, coarsest pass; each later pass doubles them. Default 24. */
  firstPassWindows?: number | undefined;
  /**
   * Shortest and longest window per measured column, bytes. Default 16 KiB and 32 KiB: each request
   * costs the renderer CPU whatever its size, so 2 MiB goes to ~140 columns of half a second of speech,
   * not 256 of a quarter, and after the first pass (8 KiB windows at most) one request reads two
   * neighbouring columns' windows.
   */
  minWindowBytes?: number | undefined;
  maxWindowBytes?: number | undefined;
  /** Requests in flight at once. Default 5: browsers open 6 per host, and playback needs one. */
  concurrency?: number | undefined;
  /** Resolution of the detail (zoomed) view. Default 100 bins a second. */
  detailBinsPerSecond?: number | undefined;
  /** Bound of the detail cache, bytes. Default 6 MiB (two hours at 100 bins a second). */
  detailCacheBytes?: number | undefined;
  /**
   * Read beyond the window asked for, on each side, as a share of its length: ready for a small pan.
   * Default 0.05 (3 s of a minute), which with the whole seconds the reads are rounded to keeps a
   * minute's window within 1.15× its share of the file.
   */
  detailMargin?: number | undefined;
  /**
   * Windows whose samples take more bytes than this (half an hour of an hour-long visit, say) are
   * not read whole: their detail is sampled, `detailSampledColumns` short windows across the view.
   * Default 12 MiB (six and a half minutes of 16 kHz mono, a minute of 44.1 kHz stereo).
   */
  detailExactMaxBytes?: number | undefined;
  /** Columns of a sampled detail. Default 160. */
  detailSampledColumns?: number | undefined;
  /** Waits before retrying a read that failed midway. Default 0.5 s, 2 s, 5 s. */
  retryDelaysMs?: readonly number[] | undefined;
}

export interface WaveformEngineOptions extends WaveformSettings {
  /**
   * `sampled` (default for URLs): the budgeted overview, exact only where the listener zooms.
   * `whole`: read every byte for an exact overview (what files in memory always get).
   */
  mode?: 'sampled' | 'whole' | undefined;
  /** The recording's chunks in order. */
  sources: readonly WaveformSource[];
  /** Chunk lengths when already known (the media timeline's); else read from each chunk's header. */
  durations?: readonly number[] | undefined;
  /** Overrides the global fetch (on the calling thread only: functions cannot enter a worker). */
  fetch?: typeof fetch | undefined;
  onOverview?: ((overview: WaveformOverview) => void) | undefined;
  onDetail?: ((detail: WaveformDetail) => void) | undefined;
  /** `chunk` is the index of the chunk the problem is with. */
  onProblem?: ((problem: WaveformProblem, chunk: number) => void) | undefined;
}

export interface WaveformEngine {
  /** Resolves when the overview's reads are over (complete, stopped by a problem, or cancelled). */
  readonly done: Promise<void>;
  /** A fresh URL for a chunk (after `expired`, or before it): reads go on with it. */
  setUrl(chunk: number, url: string, expiresAt?: number | null): void;
  /** The chunk lengths, once the media timeline knows them (needed first for many-chunk recordings). */
  setDurations(durations: readonly number[]): void;
  /**
   * The listener looks at [start, end) seconds: its exact loudness is read by Range for that window
   * only (plus a small margin), kept in a bounded cache, and reported through `onDetail`. Blocks
   * nearest `focus` (seconds; the playhead, or the middle of the window) are read first.
   */
  showDetail(start: number, end: number, focus?: number): void;
  /** Holds back new reads (while playback buffers and needs the connection). */
  pause(): void;
  resume(): void;
  /** Stops every request and timer. */
  cancel(): void;
  readonly bytesFetched: number;
}

/**
 * The overview's default byte budget. Each read costs the renderer memory beyond its bytes (a
 * request's buffers, its garbage until collected): 2 MiB keeps a listening tab within 1.3× the
 * memory of a bare `<audio>` (docs/benchmarks.md) and still measures one column in four of 480.
 */
const DEFAULT_BUDGET_BYTES = 2 * 1024 * 1024;
/** The first pass's windows (see `sampledOverview`). */
const FIRST_PASS_WINDOW_BYTES = 8 * 1024;
/** The overview's refinement passes: reads in flight at once. */
const REFINEMENT_READS = 2;

/** Runs `run` over `items`, at most `width` at a time. */
async function inParallel<T>(items: readonly T[], width: number, run: (item: T) => Promise<void>) {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await run(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane));
}
/** Headers read up front for recordings of up to this many chunks; more wait for `setDurations`. */
const HEADERS_UP_FRONT = 32;
const BLOCK_SECONDS = 1;
/** Detail reads of up to this many blocks each (16 s of 16 kHz mono, 512 KB). */
const PART_BLOCKS = 16;
/** A window whose bytes end this close to the start of its chunk is read with the header, in one request. */
const HEADER_WITH_WINDOW_BYTES = 64 * 1024;

/** Consecutive detail blocks `first`..`last` of chunk `index`: one Range read. */
interface DetailPart {
  index: number;
  first: number;
  last: number;
}

interface ChunkState {
  source: WaveformSource;
  reader: ByteReader | null;
  header: Promise<HeaderRead> | null;
  known: WavHeader | null;
}

/**
 * Draws an hour-long recording's waveform from a few megabytes, and any minute of it exactly. The
 * overview reads short windows spread across the recording, coarse to fine, within a byte budget
 * (2 MiB by default, at most an eighth of the file), then stops: a listener who checks one sentence
 * of an hour-long visit does not download the hour. Exact loudness is read only where the listener
 * looks (`showDetail`), by Range for that window, and kept in a bounded cache; columns of the
 * overview that the detail covers become exact too. A file in memory (a downloaded recording) is read
 * whole, in blocks. Pure and thread-agnostic: `createWaveformExtractor` runs it in a Web Worker.
 */
export function createWaveformEngine(options: WaveformEngineOptions): WaveformEngine {
  const columns = Math.max(1, Math.floor(options.columns ?? 480));
  const concurrency = Math.max(1, options.concurrency ?? 5);
  const binsPerSecond = Math.max(1, Math.floor(options.detailBinsPerSecond ?? 100));
  const cache = new DetailCache(
    Math.max(16, Math.floor((options.detailCacheBytes ?? 6 * 1024 * 1024) / (binsPerSecond * 8))),
  );
  const chunks: ChunkState[] = options.sources.map((source) => ({
    source,
    reader: null,
    header: null,
    known: null,
  }));
  let durations: number[] | null = options.durations ? [...options.durations] : null;
  let durationsArrived: (() => void) | null = null;
  let cancelled = false;
  let paused = false;
  let resumeWaiters: (() => void)[] = [];
  let active = 0;
  const slotWaiters: (() => void)[] = [];

  // The overview: measured columns and where their samples came from.
  const peak = new Float32Array(columns);
  const rms = new Float32Array(columns);
  const quality = new Uint8Array(columns);
  let duration = 0;
  let overviewComplete = false;

  // The detail window being read, and a generation that makes older windows' queued reads stop.
  // The window with its margin (`from`, `to`) and without it (`viewFrom`, `viewTo`).
  let detailWindow: { from: number; to: number; viewFrom: number; viewTo: number; focus: number } | null =
    null;
  let detailGeneration = 0;
  let detailRunning = false;

  const readerOf = (index: number): ByteReader => {
    const chunk = chunks[index] as ChunkState;
    if (!chunk.reader) {
      const { source } = chunk;
      chunk.reader =
        'file' in source
          ? fileByteReader(source.file)
          : urlByteReader({
              url: source.url,
              expiresAt: source.expiresAt,
              fetch: options.fetch,
              retryDelaysMs: options.retryDelaysMs,
              onExpired: () => options.onProblem?.('expired', index),
            });
    }
    return chunk.reader;
  };

  const bytesFetched = () =>
    chunks.reduce((sum, chunk) => sum + (chunk.reader ? chunk.reader.bytesRead : 0), 0);

  /** Runs `task` when fewer than `concurrency` reads are in flight and the engine is not paused. */
  async function slot<T>(task: () => Promise<T>): Promise<T> {
    while (!cancelled && (paused || active >= concurrency)) {
      await new Promise<void>((resolve) => (paused ? resumeWaiters : slotWaiters).push(resolve));
    }
    if (cancelled) throw new OverviewStop('cancelled');
    active += 1;
    try {
      return await task();
    } finally {
      active -= 1;
      slotWaiters.shift()?.();
    }
  }

  const headerOf = (index: number, prefetch?: Promise<HeaderRead>): Promise<HeaderRead> => {
    const chunk = chunks[index] as ChunkState;
    chunk.header ??=
      prefetch ??
      slot(() => readWavHeader(readerOf(index))).then((read) => {
        chunk.known = read.header;
        return read;
      });
    return chunk.header;
  };

  const starts = () => {
    const out: number[] = [];
    let at = 0;
    for (const length of durations ?? []) {
      out.push(at);
      at += length;
    }
    return out;
  };

  /** The chunk a timeline time falls in, and the time within it. */
  const locate = (time: number, offsets: readonly number[]) => {
    let index = 0;
    while (index < offsets.length - 1 && time >= (offsets[index + 1] as number)) index += 1;
    return { index, local: time - (offsets[index] ?? 0) };
  };

  const byteRate = (header: WavHeader) => header.sampleRate * header.blockAlign;

  // --- the overview -------------------------------------------------------------------------------

  async function layout(): Promise<void> {
    if (durations) return;
    const fileOnly = chunks.some((chunk) => 'file' in chunk.source);
    if (chunks.length <= HEADERS_UP_FRONT || fileOnly) {
      const reads = await Promise.all(chunks.map((_, index) => headerOf(index)));
      durations = reads.map((read) => read.header.durationSeconds);
      return;
    }
    // Thousands of chunks: the media timeline learns their lengths; the overview waits for them.
    await new Promise<void>((resolve) => {
      durationsArrived = resolve;
    });
  }

  function emitOverview(): void {
    if (cancelled) return;
    const out = { peak: new Float32Array(columns), rms: new Float32Array(columns), quality: quality.slice() };
    fillEstimates(peak, rms, quality, out.peak, out.rms);
    let measured = 0;
    let exact = 0;
    for (let c = 0; c < columns; c += 1) {
      if ((quality[c] as number) > ColumnQuality.estimated) measured += 1;
      if (quality[c] === ColumnQuality.exact) exact += 1;
    }
    options.onOverview?.({
      ...out,
      duration,
      chunkDurations: [...(durations ?? [])],
      coverage: measured / columns,
      exact: exact === columns,
      complete: overviewComplete,
      bytesFetched: bytesFetched(),
    });
  }

  /** Columns of the overview whose every detail block is cached become exact. */
  function refineOverviewFromDetail(from: number, to: number): boolean {
    const offsets = starts();
    const columnSeconds = duration / columns;
    let changed = false;
    for (
      let c = Math.max(0, Math.floor(from / columnSeconds));
      c < Math.min(columns, Math.ceil(to / columnSeconds));
      c += 1
    ) {
      if (quality[c] === ColumnQuality.exact) continue;
      const stats = detailStats(c * columnSeconds, (c + 1) * columnSeconds, offsets);
      if (!stats) continue;
      peak[c] = stats.peak;
      rms[c] = stats.rms;
      quality[c] = ColumnQuality.exact;
      changed = true;
    }
    return changed;
  }

  /** Loudness of [from, to) from cached detail blocks; null unless every bin in it is cached. */
  function detailStats(from: number, to: number, offsets: readonly number[]) {
    let top = 0;
    let energy = 0;
    let count = 0;
    const first = Math.floor(from * binsPerSecond);
    const last = Math.max(first + 1, Math.ceil(to * binsPerSecond));
    for (let bin = first; bin < last; bin += 1) {
      const value = detailBin((bin + 0.5) / binsPerSecond, offsets);
      if (!value) return null;
      if (value.peak > top) top = value.peak;
      energy += value.rms * value.rms;
      count += 1;
    }
    return { peak: top, rms: Math.sqrt(energy / count) };
  }

  function detailBin(time: number, offsets: readonly number[]): { peak: number; rms: number } | null {
    const { index, local } = locate(time, offsets);
    const block = Math.floor(local / BLOCK_SECONDS);
    const cached = cache.get(index, block);
    if (!cached) return null;
    const bin = Math.min(cached.peak.length - 1, Math.floor((local - block * BLOCK_SECONDS) * binsPerSecond));
    return { peak: cached.peak[bin] ?? 0, rms: cached.rms[bin] ?? 0 };
  }

  /**
   * Reads a window of chunk `index` (local seconds) and measures it: a column's sample. With `split`,
   * two bins, before and after it: the samples of two neighbouring columns in one request.
   */
  async function sampleWindow(
    index: number,
    localFrom: number,
    localTo: number,
    split?: number,
  ): Promise<LoudnessBins> {
    const bins = new LoudnessBins(split === undefined ? 1 : 2);
    const chunk = chunks[index] as ChunkState;
    const model = chunk.known ?? firstKnownHeader();
    if (!chunk.known && !chunk.header && model) {
      // A chunk not opened yet whose window lies near its start: header and window in one request.
      const end = model.dataOffset + Math.ceil(localTo * model.sampleRate) * model.blockAlign;
      if (end <= HEADER_WITH_WINDOW_BYTES) {
        const range = await slot(() => readerOf(index).read(0, end + 1024));
        const header = headerIn(range.bytes, range.total);
        if (header && !chunk.known) {
          chunk.known = header;
          chunk.header ??= Promise.resolve({ header, total: range.total, segments: [] });
        }
        if (header) {
          measureSegments(bins, header, [{ start: 0, bytes: range.bytes }], localFrom, localTo, split);
          if (bins.has(0)) return bins;
        }
      }
    }
    const header = chunk.known ?? (await headerOf(index)).header;
    const from = Math.max(0, Math.floor(localFrom * header.sampleRate) * header.blockAlign);
    const to = Math.min(header.dataBytes, Math.ceil(localTo * header.sampleRate) * header.blockAlign);
    if (to <= from) return bins;
    const { bytes } = await slot(() =>
      readerOf(index).read(header.dataOffset + from, header.dataOffset + to),
    );
    const { firstFrame, framesPerBin } = binsOf(header, localFrom, split);
    addLoudness(bins, header, bytes, from, firstFrame, framesPerBin);
    return bins;
  }

  /** Where bin 0 starts and how long a bin is, in frames: all in one, or split at `split`. */
  function binsOf(header: WavHeader, localFrom: number, split: number | undefined) {
    const firstFrame = Math.floor(localFrom * header.sampleRate);
    if (split === undefined) return { firstFrame, framesPerBin: Number.MAX_SAFE_INTEGER };
    return { firstFrame, framesPerBin: Math.max(1, Math.round(split * header.sampleRate) - firstFrame) };
  }

  function measureSegments(
    bins: LoudnessBins,
    header: WavHeader,
    segments: readonly { start: number; bytes: Uint8Array }[],
    localFrom: number,
    localTo: number,
    split?: number,
  ): void {
    const from = Math.floor(localFrom * header.sampleRate) * header.blockAlign;
    const to = Math.min(header.dataBytes, Math.ceil(localTo * header.sampleRate) * header.blockAlign);
    const { firstFrame, framesPerBin } = binsOf(header, localFrom, split);
    for (const { start, bytes } of segments) {
      const a = Math.max(header.dataOffset + from, start);
      const b = Math.min(header.dataOffset + to, start + bytes.byteLength);
      if (b <= a) continue;
      addLoudness(
        bins,
        header,
        bytes.subarray(a - start, b - start),
        a - header.dataOffset,
        firstFrame,
        framesPerBin,
      );
    }
  }

  function firstKnownHeader(): WavHeader | null {
    for (const chunk of chunks) if (chunk.known) return chunk.known;
    return null;
  }

  async function sampledOverview(): Promise<void> {
    const offsets = starts();
    const model = firstKnownHeader() ?? (await headerOf(0)).header;
    const totalBytes = (durations ?? []).reduce((sum, length) => sum + length * byteRate(model), 0);
    const budget = Math.min(
      options.budgetBytes ?? DEFAULT_BUDGET_BYTES,
      totalBytes * (options.budgetShare ?? 1 / 8),
    );
    const minWindow = options.minWindowBytes ?? 16 * 1024;
    const maxWindow = options.maxWindowBytes ?? 32 * 1024;
    // The first pass is the one the listener waits for, on a link the audio is filling: its windows
    // are half the size (a full-width drawing ~200 ms sooner at 50 Mbit/s), the later ones are not.
    const firstWindow = Math.min(minWindow, FIRST_PASS_WINDOW_BYTES);
    const first = Math.max(
      1,
      Math.min(columns, options.firstPassWindows ?? 24, Math.floor(budget / firstWindow)),
    );
    const laterBudget = budget - first * firstWindow;
    const later = Math.max(0, Math.min(columns - first, Math.floor(laterBudget / minWindow)));
    const windows = first + later;
    const windowBytes =
      later > 0 ? Math.max(minWindow, Math.min(maxWindow, laterBudget / later)) : firstWindow;
    const columnSeconds = duration / columns;
    const read = new Set<number>();
    const measured = (column: number, bins: LoudnessBins, bin: number) => {
      if (!bins.has(bin) || quality[column] === ColumnQuality.exact) return;
      peak[column] = bins.peak[bin] ?? 0;
      rms[column] = bins.rms(bin);
      quality[column] = ColumnQuality.sampled;
    };
    for (let stride = columns / first; stride >= 1 / 2 && read.size < windows; stride /= 2) {
      const firstPass = read.size === 0;
      const windowSeconds = (firstPass ? firstWindow : windowBytes) / byteRate(model);
      const positions: number[] = [];
      for (let position = stride / 2; position < columns; position += stride) {
        const column = Math.floor(position);
        if (!read.has(column) && quality[column] === ColumnQuality.estimated) positions.push(column);
      }
      const room = windows - read.size;
      // After the first pass a request measures two neighbouring columns, one window each side of
      // their boundary: the same bytes and columns in half the requests, and each request costs the
      // renderer CPU whatever its size.
      const wanted = firstPass ? room : Math.ceil(room / 2);
      const picked = positions.length > wanted ? spread(positions, wanted) : positions;
      const pass: { column: number; pair: boolean }[] = [];
      for (const column of picked) {
        if (read.size >= windows) break;
        if (read.has(column)) continue;
        const pair =
          !firstPass &&
          windows - read.size >= 2 &&
          column + 1 < columns &&
          !read.has(column + 1) &&
          quality[column + 1] === ColumnQuality.estimated;
        read.add(column);
        if (pair) read.add(column + 1);
        pass.push({ column, pair });
      }
      if (pass.length === 0) continue;
      // The first pass at full concurrency: the listener waits for it. The refinements two reads at a
      // time, leaving the rest of a shared link to the audio that is starting (at 50 Mbit/s and 20 ms,
      // five 16 KiB reads in flight took two thirds of it) and slots to a zoom's reads.
      await inParallel(pass, firstPass ? concurrency : REFINEMENT_READS, async ({ column, pair }) => {
        const half = Math.min(windowSeconds, columnSeconds) / 2;
        if (pair) {
          const boundary = locate((column + 1) * columnSeconds, offsets);
          const length = durations?.[boundary.index] ?? 0;
          const { local } = boundary;
          if (local - 2 * half >= 0 && local + 2 * half <= length) {
            const bins = await sampleWindow(boundary.index, local - 2 * half, local + 2 * half, local);
            measured(column, bins, 0);
            measured(column + 1, bins, 1);
            return;
          }
        }
        // A single column, or a pair whose boundary lies too near a chunk's edge: each at its centre.
        for (const one of pair ? [column, column + 1] : [column]) {
          const { index, local } = locate((one + 0.5) * columnSeconds, offsets);
          const length = durations?.[index] ?? 0;
          const own = Math.min(half, length / 2);
          const from = Math.max(0, Math.min(local - own, length - 2 * own));
          measured(one, await sampleWindow(index, from, from + 2 * own), 0);
        }
      });
      emitOverview();
    }
  }

  /** Every sample of every chunk (a file in memory): the exact overview, and the detail with it. */
  async function wholeOverview(): Promise<void> {
    const offsets = starts();
    const totals = new LoudnessBins(columns);
    const columnSeconds = duration / columns;
    for (let index = 0; index < chunks.length; index += 1) {
      const { header } = await headerOf(index);
      const rate = byteRate(header);
      const blockBytes = Math.max(header.blockAlign, Math.floor((8 * 1024 * 1024) / rate) * rate);
      for (let at = 0; at < header.dataBytes; at += blockBytes) {
        const end = Math.min(header.dataBytes, at + blockBytes);
        const { bytes } = await slot(() =>
          readerOf(index).read(header.dataOffset + at, header.dataOffset + end),
        );
        const firstFrameOfChunk = -((offsets[index] ?? 0) * header.sampleRate);
        addLoudness(totals, header, bytes, at, firstFrameOfChunk, columnSeconds * header.sampleRate);
        storeBlocks(index, header, bytes, at);
      }
    }
    for (let c = 0; c < columns; c += 1) {
      if (!totals.has(c)) continue;
      peak[c] = totals.peak[c] ?? 0;
      rms[c] = totals.rms(c);
      quality[c] = ColumnQuality.exact;
    }
  }

  async function run(): Promise<void> {
    await layout();
    if (cancelled) return;
    duration = (durations ?? []).reduce((sum, length) => sum + length, 0);
    if (!(duration > 0)) throw new OverviewStop('format');
    const remote = chunks.every((chunk) => !('file' in chunk.source));
    // A window asked for before the chunks' lengths were known can be read now.
    startDetail();
    if (remote && options.mode !== 'whole') await sampledOverview();
    else await wholeOverview();
    overviewComplete = true;
    emitOverview();
  }

  // --- the detail --------------------------------------------------------------------------------

  /** Measures whole detail blocks of `bytes` (starting `at` bytes into the data) into the cache. */
  function storeBlocks(index: number, header: WavHeader, bytes: Uint8Array, at: number): number[] {
    const rate = byteRate(header);
    const blockBytes = rate * BLOCK_SECONDS;
    const stored: number[] = [];
    const binsPerBlock = binsPerSecond * BLOCK_SECONDS;
    for (let block = Math.ceil(at / blockBytes); ; block += 1) {
      const start = block * blockBytes;
      const end = Math.min(header.dataBytes, start + blockBytes);
      if (start >= header.dataBytes || end > at + bytes.byteLength) break;
      const bins = new LoudnessBins(binsPerBlock);
      addLoudness(
        bins,
        header,
        bytes.subarray(start - at, end - at),
        start,
        Math.round(start / header.blockAlign),
        header.sampleRate / binsPerSecond,
      );
      const value: DetailBlock = { peak: bins.peak, rms: new Float32Array(binsPerBlock) };
      for (let i = 0; i < binsPerBlock; i += 1) value.rms[i] = bins.rms(i);
      cache.set(index, block, value);
      stored.push(block);
    }
    return stored;
  }

  function emitDetail(): void {
    if (cancelled || !detailWindow || !durations) return;
    const { from, to } = detailWindow;
    const offsets = starts();
    const first = Math.floor(from * binsPerSecond);
    const count = Math.max(0, Math.ceil(to * binsPerSecond) - first);
    const out: WaveformDetail = {
      start: first / binsPerSecond,
      binsPerSecond,
      peak: new Float32Array(count),
      rms: new Float32Array(count),
      known: new Uint8Array(count),
      complete: true,
      exact: true,
      bytesFetched: bytesFetched(),
    };
    for (let i = 0; i < count; i += 1) {
      const value = detailBin((first + i + 0.5) / binsPerSecond, offsets);
      if (!value) {
        out.complete = false;
        continue;
      }
      out.peak[i] = value.peak;
      out.rms[i] = value.rms;
      out.known[i] = 1;
    }
    options.onDetail?.(out);
  }

  /** Detail reads under way: a newer window that does not need one aborts it. */
  const detailReads = new Set<{ from: number; to: number; controller: AbortController }>();

  /** The uncached blocks of [from, to), as runs of consecutive blocks per chunk, skipping `taken`. */
  function missingParts(from: number, to: number, offsets: readonly number[], taken: Set<string>) {
    const parts: DetailPart[] = [];
    if (!durations || !(to > from)) return parts;
    const firstChunk = locate(from, offsets).index;
    const lastChunk = locate(Math.max(from, to - 1e-6), offsets).index;
    for (let index = firstChunk; index <= lastChunk; index += 1) {
      const chunkStart = offsets[index] ?? 0;
      const length = durations[index] ?? 0;
      const a = Math.max(0, Math.floor((from - chunkStart) / BLOCK_SECONDS));
      const b = Math.min(Math.ceil(length / BLOCK_SECONDS), Math.ceil((to - chunkStart) / BLOCK_SECONDS));
      let run: DetailPart | null = null;
      for (let block = a; block < b; block += 1) {
        const key = `${index}:${block}`;
        const missing = !cache.has(index, block) && !taken.has(key);
        taken.add(key);
        if (missing && run && block === run.last + 1 && block - run.first < PART_BLOCKS) run.last = block;
        else if (missing) {
          run = { index, first: block, last: block };
          parts.push(run);
        } else run = null;
      }
    }
    return parts;
  }

  async function readDetail(generation: number): Promise<void> {
    if (!durations || !detailWindow) return;
    const { from, to, viewFrom, viewTo, focus } = detailWindow;
    const offsets = starts();
    // What the listener sees first, the margin (read ahead for a pan) after it: the visible window
    // is exact one margin's transfer sooner. Within each, outward from the focus: the playhead's
    // surroundings are exact first, and a zoom further in (which keeps the playhead on screen) finds
    // them read rather than paying for the edges of a window it has already left.
    const taken = new Set<string>();
    const distance = (part: DetailPart) =>
      Math.abs((offsets[part.index] ?? 0) + ((part.first + part.last + 1) / 2) * BLOCK_SECONDS - focus);
    const byDistance = (a: DetailPart, b: DetailPart) => distance(a) - distance(b);
    const visible = missingParts(viewFrom, viewTo, offsets, taken).sort(byDistance);
    const margin = missingParts(from, to, offsets, taken).sort(byDistance);
    const readPart = async ({ index, first, last }: DetailPart) => {
      if (generation !== detailGeneration) return;
      const { header } = await headerOf(index);
      if (generation !== detailGeneration) return;
      const blockBytes = byteRate(header) * BLOCK_SECONDS;
      const start = first * blockBytes;
      const end = Math.min(header.dataBytes, (last + 1) * blockBytes);
      const chunkStart = offsets[index] ?? 0;
      const read = {
        from: chunkStart + first * BLOCK_SECONDS,
        to: chunkStart + (last + 1) * BLOCK_SECONDS,
        controller: new AbortController(),
      };
      detailReads.add(read);
      let bytes: Uint8Array;
      try {
        ({ bytes } = await slot(() => {
          if (read.controller.signal.aborted) throw new OverviewStop('cancelled');
          return readerOf(index).read(
            header.dataOffset + start,
            header.dataOffset + end,
            read.controller.signal,
          );
        }));
      } catch (error) {
        // Aborted for a newer window that does not need it: not a failure.
        if (read.controller.signal.aborted && !cancelled) return;
        throw error;
      } finally {
        detailReads.delete(read);
      }
      storeBlocks(index, header, bytes, start);
      refineOverviewFromDetail(read.from, read.to);
      emitDetail();
    };
    await Promise.all(visible.map(readPart));
    await Promise.all(margin.map(readPart));
  }

  /** Samples of long views, by chunk and window start, kept for pans back and forth (bounded). */
  const sampledCache = new Map<string, { peak: number; rms: number }>();

  /** A view too long to read whole: short windows across it, like the overview but denser. */
  async function readSampledDetail(generation: number): Promise<void> {
    if (!durations || !detailWindow) return;
    const { from, to } = detailWindow;
    const offsets = starts();
    const count = Math.max(1, Math.floor(options.detailSampledColumns ?? 160));
    const perColumn = (to - from) / count;
    const model = firstKnownHeader() ?? (await headerOf(0)).header;
    const windowSeconds = Math.min(perColumn, (8 * 1024) / byteRate(model));
    const peaks = new Float32Array(count);
    const levels = new Float32Array(count);
    const known = new Uint8Array(count);
    const emit = () => {
      if (cancelled || generation !== detailGeneration) return;
      options.onDetail?.({
        start: from,
        binsPerSecond: count / (to - from),
        peak: peaks.slice(),
        rms: levels.slice(),
        known: known.slice(),
        complete: known.every(Boolean),
        exact: false,
        bytesFetched: bytesFetched(),
      });
    };
    // Columns coarse to fine, so the view fills in evenly rather than left to right.
    const order = Array.from({ length: count }, (_, i) => i).sort(
      (a, b) => trailingZeros(b + 1) - trailingZeros(a + 1) || a - b,
    );
    let sinceEmit = 0;
    await Promise.all(
      order.map(async (column) => {
        if (generation !== detailGeneration) return;
        const centre = from + (column + 0.5) * perColumn;
        const { index, local } = locate(centre, offsets);
        const length = durations?.[index] ?? 0;
        const start = Math.max(0, Math.min(local - windowSeconds / 2, length - windowSeconds));
        const key = `${index}:${Math.round(start * 10)}`;
        let value = sampledCache.get(key);
        if (!value) {
          const bins = await sampleWindow(index, start, start + windowSeconds);
          if (!bins.has(0)) return;
          value = { peak: bins.peak[0] ?? 0, rms: bins.rms(0) };
          sampledCache.set(key, value);
          if (sampledCache.size > 20_000) sampledCache.delete(sampledCache.keys().next().value as string);
        }
        peaks[column] = value.peak;
        levels[column] = value.rms;
        known[column] = 1;
        if (++sinceEmit >= 20) {
          sinceEmit = 0;
          emit();
        }
      }),
    );
    emit();
  }

  function startDetail(): void {
    if (detailRunning || !durations || !detailWindow) return;
    detailRunning = true;
    const generation = detailGeneration;
    const model = firstKnownHeader();
    const windowBytes = detailWindow && model ? (detailWindow.to - detailWindow.from) * byteRate(model) : 0;
    const read =
      windowBytes > (options.detailExactMaxBytes ?? 12 * 1024 * 1024) ? readSampledDetail : readDetail;
    read(generation)
      .catch((error: unknown) => {
        // A failed detail read leaves the overview as it is; the problem is the overview's to report.
        if (!(error instanceof OverviewStop)) throw error;
      })
      .finally(() => {
        detailRunning = false;
        emitOverview();
        // A newer window was asked for meanwhile.
        if (!cancelled && generation !== detailGeneration) startDetail();
      });
  }

  const done = run()
    .catch((error: unknown) => {
      if (!(error instanceof OverviewStop)) throw error;
      if (error.problem !== 'cancelled' && !cancelled) options.onProblem?.(error.problem, 0);
    })
    .finally(() => {
      // The detail keeps its readers for later windows; everything stops on cancel().
      if (cancelled) for (const chunk of chunks) chunk.reader?.cancel();
    });

  const wake = () => {
    const waiting = [...resumeWaiters, ...slotWaiters.splice(0)];
    resumeWaiters = [];
    waiting.forEach((resolve) => resolve());
  };

  return {
    done,
    get bytesFetched() {
      return bytesFetched();
    },
    setUrl(index, url, expiresAt) {
      const chunk = chunks[index];
      if (!chunk || 'file' in chunk.source) return;
      chunk.source = { url, expiresAt };
      (chunk.reader as UrlByteReader | null)?.setUrl(url, expiresAt);
    },
    setDurations(next) {
      if (durations || next.length !== chunks.length || !next.every((length) => length > 0)) return;
      durations = [...next];
      durationsArrived?.();
      startDetail();
    },
    showDetail(start, end, focus) {
      if (!(end > start)) return;
      const margin = (end - start) * (options.detailMargin ?? 0.05);
      const total = duration || Number.POSITIVE_INFINITY;
      const from = Math.max(0, start - margin);
      const to = Math.min(total, end + margin);
      const viewFrom = Math.max(from, start);
      const viewTo = Math.min(to, end);
      const inView = focus !== undefined && Number.isFinite(focus) && focus >= viewFrom && focus <= viewTo;
      detailWindow = { from, to, viewFrom, viewTo, focus: inView ? focus : (viewFrom + viewTo) / 2 };
      detailGeneration += 1;
      // Zooming on while a window is read: what the new one does not need stops taking the line.
      for (const read of detailReads) {
        if (read.to <= from || read.from >= to) read.controller.abort();
      }
      // What the cache already holds, at once (an exact window only: a sampled one reports as it reads).
      const model = firstKnownHeader();
      const bytes = model ? (detailWindow.to - detailWindow.from) * byteRate(model) : 0;
      if (bytes <= (options.detailExactMaxBytes ?? 12 * 1024 * 1024)) emitDetail();
      startDetail();
    },
    pause() {
      paused = true;
    },
    resume() {
      paused = false;
      wake();
    },
    cancel() {
      if (cancelled) return;
      cancelled = true;
      for (const chunk of chunks) chunk.reader?.cancel();
      durationsArrived?.();
      wake();
    },
  };
}

function trailingZeros(n: number): number {
  let count = 0;
  while (n > 0 && n % 2 === 0) {
    n /= 2;
    count += 1;
  }
  return count;
}

/** The header in the first bytes of a file, or null when they do not hold all of it. */
function headerIn(bytes: Uint8Array, total: number | null): WavHeader | null {
  try {
    return parseWavHeader(bytes, total ?? undefined);
  } catch {
    return null;
  }
}

/** `count` items of `items`, evenly spread. */
function spread<T>(items: readonly T[], count: number): T[] {
  const out: T[] = [];
  for (let i = 0; i < count; i += 1) out.push(items[Math.floor(((i + 0.5) * items.length) / count)] as T);
  return out;
}

/**
 * Values for the columns not measured, spread from the measured ones either side (geometric, so a
 * quiet column between loud ones stays quiet): the overview spans the full width from the first pass.
 */
export function fillEstimates(
  peak: Float32Array,
  rms: Float32Array,
  quality: Uint8Array,
  outPeak: Float32Array,
  outRms: Float32Array,
): void {
  const length = quality.length;
  let previous = -1;
  for (let c = 0; c <= length; c += 1) {
    if (c < length && quality[c] === ColumnQuality.estimated) continue;
    if (c < length) {
      outPeak[c] = peak[c] ?? 0;
      outRms[c] = rms[c] ?? 0;
    }
    const left = previous;
    const right = c < length ? c : -1;
    for (let g = left + 1; g < (right >= 0 ? right : length); g += 1) {
      if (left < 0 && right < 0) break;
      const from = left >= 0 ? left : right;
      const to = right >= 0 ? right : left;
      const t = from === to ? 0 : (g - from) / (to - from);
      outPeak[g] = geometric(peak[from] ?? 0, peak[to] ?? 0, t);
      outRms[g] = geometric(rms[from] ?? 0, rms[to] ?? 0, t);
    }
    previous = c;
  }
}

function geometric(a: number, b: number, t: number): number {
  const floor = 1e-5;
  return Math.exp(Math.log(Math.max(a, floor)) * (1 - t) + Math.log(Math.max(b, floor)) * t);
}
