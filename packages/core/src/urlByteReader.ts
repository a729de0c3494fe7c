import { OverviewStop, type ByteRange, type ByteReader } from './byteReader';
import { readBody } from './readBody';
import { isAtExpiry, isExpiredStorageResponse } from './storageExpiry';
import { urlExpiry } from './urlExpiry';

export interface UrlByteReaderOptions {
  url: string;
  /** The URL's expiry (epoch ms), when known; else read from the URL's own signing parameters. */
  expiresAt?: number | null | undefined;
  fetch?: typeof fetch | undefined;
  /** The storage says the URL expired: reads wait for `setUrl`. Called once per URL. */
  onExpired: () => void;
  /** Waits before each retry of a read that failed midway (network, 5xx). Default 0.5 s, 2 s, 5 s. */
  retryDelaysMs?: readonly number[] | undefined;
  now?: (() => number) | undefined;
}

export interface UrlByteReader extends ByteReader {
  /** Continues with a fresh URL: reads waiting on an expired one go again with it. */
  setUrl(url: string, expiresAt?: number | null): void;
}

const EMPTY = new Uint8Array(0);
/** Retries of a first request that could not be read, before it counts as a storage without CORS. */
const FIRST_ANSWER_RETRIES = 2;

/**
 * Range reads of a presigned URL. Tells "the page may not read this storage" (the very first request
 * fails with a bare TypeError: no CORS) from "the network dropped" (a later one fails: retried a few
 * times) and from "the URL expired" (the storage says so, or the URL is at its known expiry: reads
 * wait for a fresh URL instead of failing). Owns its timers and its requests: `cancel()` ends both.
 */
export function urlByteReader(options: UrlByteReaderOptions): UrlByteReader {
  const fetchImpl = options.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));
  const retryDelays = options.retryDelaysMs ?? [500, 2_000, 5_000];
  const now = options.now ?? Date.now;
  const controller = new AbortController();
  let url = options.url;
  let expiresAt = options.expiresAt ?? urlExpiry(url);
  let reportedExpired: string | null = null;
  // Once the storage has answered a read, CORS is known to work: later TypeErrors are the network.
  let reachable = false;
  // A storage that answered a Range request with the whole file cannot serve scattered reads.
  let ignoresRange = false;
  let cancelled = false;
  let bytesRead = 0;
  let freshUrlWaiters: (() => void)[] = [];
  const timers = new Map<ReturnType<typeof setTimeout>, () => void>();

  const stopIfCancelled = () => {
    if (cancelled) throw new OverviewStop('cancelled');
  };

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const id = setTimeout(() => {
        timers.delete(id);
        resolve();
      }, ms);
      timers.set(id, resolve);
    });

  async function waitForFreshUrl(expired: string): Promise<void> {
    if (reportedExpired !== expired) {
      reportedExpired = expired;
      options.onExpired();
    }
    // The owner may have swapped the URL already (even from inside onExpired).
    if (url !== expired || cancelled) return;
    await new Promise<void>((resolve) => freshUrlWaiters.push(resolve));
  }

  /** One read, ended by its own signal or by `cancel()`; the listener it adds goes with it. */
  async function read(start: number, end: number, signal?: AbortSignal): Promise<ByteRange> {
    if (!signal) return readOnce(start, end, controller.signal);
    const request = new AbortController();
    const abort = () => request.abort();
    signal.addEventListener('abort', abort);
    controller.signal.addEventListener('abort', abort);
    if (signal.aborted || controller.signal.aborted) abort();
    try {
      return await readOnce(start, end, request.signal);
    } finally {
      signal.removeEventListener('abort', abort);
      controller.signal.removeEventListener('abort', abort);
    }
  }

  async function readOnce(start: number, end: number, requestSignal: AbortSignal): Promise<ByteRange> {
    const stopIfAborted = () => {
      stopIfCancelled();
      if (requestSignal.aborted) throw new OverviewStop('cancelled');
    };
    for (let failures = 0; ;) {
      stopIfAborted();
      const current = url;
      let response: Response;
      try {
        response = await fetchImpl(current, {
          headers: { Range: `bytes=${start}-${end - 1}` },
          signal: requestSignal,
          credentials: 'omit',
          // Bypasses the HTTP cache, which lets only one request per URL through at a time (its cache
          // lock): Range reads of one file would otherwise run one after another.
          cache: 'no-store',
        });
      } catch {
        stopIfAborted();
        // The error itself is dropped unread: its message may quote the URL.
        if (current !== url) continue;
        if (isAtExpiry(expiresAt, now())) {
          await waitForFreshUrl(current);
          continue;
        }
        // A storage without CORS fails every time; a dropped connection usually not twice in a row.
        // So an unreadable first answer is asked again before the waveform is given up as "no CORS".
        const delay = retryDelays[failures];
        if (delay === undefined || (!reachable && failures >= FIRST_ANSWER_RETRIES)) {
          throw new OverviewStop(reachable ? 'network' : 'no-cors');
        }
        failures += 1;
        await sleep(delay);
        continue;
      }
      const { status } = response;
      if (status === 206 || (status === 200 && start === 0)) {
        reachable = true;
        const total = totalOf(response, status);
        // Read as it arrives, so a connection dropped midway still yields what came before it. A
        // storage that ignores Range sends the whole file: only the bytes asked for are kept.
        const limit = status === 200 ? end - start : Number.POSITIVE_INFINITY;
        const { bytes } = await readBody(response, (n) => (bytesRead += n), limit);
        stopIfAborted();
        if (status === 200) ignoresRange = true;
        return { bytes, total, ended: false };
      }
      if (status === 200) {
        await response.body?.cancel().catch(() => {});
        throw new OverviewStop('no-range');
      }
      const text = await response.text().catch(() => '');
      stopIfAborted();
      if (status === 416) {
        reachable = true;
        return { bytes: EMPTY, total: totalOf(response, status), ended: true };
      }
      // Refused while a fresh URL arrived: whatever the reason, it is the old URL's.
      if (current !== url && (status === 400 || status === 403)) continue;
      if (isExpiredStorageResponse(status, text, { expiresAt, now: now() })) {
        await waitForFreshUrl(current);
        continue;
      }
      const delay = status >= 500 ? retryDelays[failures] : undefined;
      if (delay === undefined) throw new OverviewStop('http');
      failures += 1;
      await sleep(delay);
    }
  }

  return {
    remote: true,
    get bytesRead() {
      return bytesRead;
    },
    read: (start, end, signal) => {
      if (ignoresRange && start > 0) return Promise.reject(new OverviewStop('no-range'));
      return read(start, end, signal);
    },
    setUrl(fresh, freshExpiresAt) {
      url = fresh;
      expiresAt = freshExpiresAt ?? urlExpiry(fresh);
      reportedExpired = null;
      const waiting = freshUrlWaiters;
      freshUrlWaiters = [];
      waiting.forEach((resolve) => resolve());
    },
    cancel() {
      if (cancelled) return;
      cancelled = true;
      controller.abort();
      for (const [id, resolve] of timers) {
        clearTimeout(id);
        resolve();
      }
      timers.clear();
      const waiting = freshUrlWaiters;
      freshUrlWaiters = [];
      waiting.forEach((resolve) => resolve());
    },
  };
}

/** The file's length from `Content-Range` (readable only if the bucket exposes it) or a 200's length. */
function totalOf(response: Response, status: number): number | null {
  const range = /\/(\d+)\s*$/.exec(response.headers.get('Content-Range') ?? '')?.[1];
  if (range) return Number(range);
  const length = response.headers.get('Content-Length');
  return status === 200 && length && /^\d+$/.test(length) ? Number(length) : null;
}
