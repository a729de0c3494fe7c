import { clock } from './clock';
import { DownloadUrlExpiredError, RecordingNetworkError, RecordingStorageError } from './errors';
import { isAtExpiry, isExpiredStorageResponse } from './storageExpiry';
import { urlExpiry } from './urlExpiry';

export interface DownloadProgress {
  loaded: number;
  /** From Content-Length or Content-Range; null when the storage does not say. */
  total: number | null;
}

/** Where downloaded bytes go: memory, or a file on disk (the File System Access API's writable). */
export interface ByteSink {
  write(bytes: Uint8Array): void | Promise<void>;
  /** The storage ignored a resume's Range and sends the whole file again: drop what was written. */
  reset(): void | Promise<void>;
}

export interface FetchToSinkOptions {
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: DownloadProgress) => void) | undefined;
  fetch?: typeof fetch | undefined;
  /** Times to resume after a dropped connection. Default 3. */
  maxResumes?: number | undefined;
  /** Wait before asking again after a request failed outright, times the attempt number. Default 500 ms. */
  retryDelayMs?: number | undefined;
  /** The URL's expiry (epoch ms, `Recording.expiresAt`); else read from the URL itself. */
  expiresAt?: number | null | undefined;
  /** Continue a download that already has this many bytes in the sink (after a fresh URL). */
  from?: number | undefined;
}

export interface FetchToSinkResult {
  loaded: number;
  total: number | null;
  type: string;
  /** Bytes arrived from this storage at all: false when its very first answer could not be read (no CORS, offline). */
  reachable: boolean;
}

const aborted = () => new DOMException('The download was aborted', 'AbortError');

/**
 * Streams a recording file into a sink as it arrives, chunk by chunk, so a file of any size can go
 * to disk without being held in memory. A connection dropped midway is resumed from the last byte
 * with a Range request (or started over when the storage ignores Range). Throws
 * `DownloadUrlExpiredError` (with `loaded` kept in the sink: call again with a fresh URL and
 * `from`), `RecordingStorageError` for other refusals, `RecordingNetworkError` when it cannot be
 * reached, an `AbortError` on abort. Never a message with the URL in it.
 */
export async function fetchToSink(url: string, sink: ByteSink, options: FetchToSinkOptions = {}) {
  const fetchImpl = options.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));
  const maxResumes = options.maxResumes ?? 3;
  const expiresAt = options.expiresAt ?? urlExpiry(url);
  const { signal } = options;
  let loaded = options.from ?? 0;
  let total: number | null = null;
  let type = 'audio/wav';
  let reachable = false;
  const progress = () => options.onProgress?.({ loaded, total });

  for (let attempt = 0; ; attempt += 1) {
    if (signal?.aborted) throw aborted();
    let response: Response;
    try {
      response = await fetchImpl(url, {
        headers: loaded > 0 ? { Range: `bytes=${loaded}-` } : {},
        signal: signal ?? null,
        credentials: 'omit',
        cache: 'no-store',
        // The storage's answer is read here, never followed as a page would follow it.
        redirect: 'follow',
        referrerPolicy: 'no-referrer',
      });
    } catch {
      // The platform's error is dropped unread: its message may quote the URL.
      if (signal?.aborted) throw aborted();
      if (isAtExpiry(expiresAt)) throw new DownloadUrlExpiredError();
      if (attempt >= maxResumes) {
        const error = new RecordingNetworkError('The recording file could not be downloaded');
        throw Object.assign(error, { reachable });
      }
      await delay((options.retryDelayMs ?? 500) * (attempt + 1), signal);
      continue;
    }
    reachable = true;
    if (!response.ok) {
      const text = await response.text().catch(() => '');
      if (isExpiredStorageResponse(response.status, text, { expiresAt })) {
        throw new DownloadUrlExpiredError(response.status);
      }
      throw new RecordingStorageError(response.status);
    }
    type = response.headers.get('Content-Type') ?? type;
    if (loaded > 0 && response.status !== 206) {
      // The storage ignored the Range: start over with what it sends.
      await sink.reset();
      loaded = 0;
      total = null;
    }
    if (total === null) {
      const range = /\/(\d+)\s*$/.exec(response.headers.get('Content-Range') ?? '')?.[1];
      const length = response.headers.get('Content-Length');
      total = range ? Number(range) : length && /^\d+$/.test(length) ? loaded + Number(length) : null;
    }
    progress();
    let complete = true;
    const reader = response.body?.getReader();
    if (!reader) {
      const bytes = new Uint8Array(await response.arrayBuffer());
      await sink.write(bytes);
      loaded += bytes.byteLength;
    } else {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          await sink.write(value);
          loaded += value.byteLength;
          progress();
        }
      } catch {
        complete = false;
      }
    }
    if (signal?.aborted) throw aborted();
    progress();
    if (!complete || (total !== null && loaded < total)) {
      if (attempt < maxResumes) continue;
      throw new RecordingNetworkError('The connection dropped while downloading the recording file');
    }
    return { loaded, total, type, reachable } satisfies FetchToSinkResult;
  }
}

/** Waits `ms`, or less if `signal` aborts (then rejects with an AbortError); leaves no timer behind. */
function delay(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clock.clearTimeout(timer);
      reject(aborted());
    };
    const timer = clock.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
