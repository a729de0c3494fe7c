import { RecordingNetworkError, RecordingResponseError } from './errors';
import { readBody } from './readBody';
import { isExpiredStorageResponse } from './storageExpiry';

export interface DownloadProgress {
  loaded: number;
  /** From Content-Length or Content-Range; null when the storage does not say. */
  total: number | null;
}

export interface DownloadOptions {
  signal?: AbortSignal;
  onProgress?: (progress: DownloadProgress) => void;
  fetch?: typeof fetch;
  /** Times to resume after a dropped connection. Default 3. */
  maxResumes?: number;
}

/** The storage refused the download URL because it expired: fetch a fresh one and call again. */
export class DownloadUrlExpiredError extends RecordingNetworkError {
  constructor() {
    super('The download link expired');
  }
}

/**
 * Fetches a whole recording file into a Blob (for playback when the storage cannot stream), reporting
 * progress. A connection dropped midway is resumed from the last byte received with a Range request
 * when the storage supports it, and restarted when it does not. Abort with `signal`.
 */
export async function downloadRecordingFile(url: string, options: DownloadOptions = {}): Promise<Blob> {
  const fetchImpl = options.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));
  const maxResumes = options.maxResumes ?? 3;
  const parts: Uint8Array[] = [];
  let loaded = 0;
  let total: number | null = null;
  let type = 'audio/wav';

  for (let attempt = 0; ; attempt += 1) {
    const headers: Record<string, string> = loaded > 0 ? { Range: `bytes=${loaded}-` } : {};
    let response: Response;
    try {
      response = await fetchImpl(url, {
        headers,
        signal: options.signal ?? null,
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch {
      if (options.signal?.aborted) throw new DOMException('The download was aborted', 'AbortError');
      if (attempt < maxResumes) continue;
      throw new RecordingNetworkError('The recording file could not be downloaded');
    }
    if (!response.ok) {
      const text = await response.text().catch(() => '');
      if (isExpiredStorageResponse(response.status, text)) throw new DownloadUrlExpiredError();
      throw new RecordingResponseError(`The storage refused the recording file (HTTP ${response.status})`);
    }
    type = response.headers.get('Content-Type') ?? type;
    if (loaded > 0 && response.status !== 206) {
      // The storage ignored the Range: start over with what it sends.
      parts.length = 0;
      loaded = 0;
    }
    if (total === null) {
      const range = /\/(\d+)\s*$/.exec(response.headers.get('Content-Range') ?? '')?.[1];
      const length = response.headers.get('Content-Length');
      total = range ? Number(range) : length ? loaded + Number(length) : null;
    }
    options.onProgress?.({ loaded, total });
    const { bytes, complete } = await readBody(response, (n) => {
      loaded += n;
      options.onProgress?.({ loaded, total });
    });
    parts.push(bytes);
    if (options.signal?.aborted) throw new DOMException('The download was aborted', 'AbortError');
    if (!complete) {
      if (attempt < maxResumes) continue;
      throw new RecordingNetworkError('The connection dropped while downloading the recording file');
    }
    if (total !== null && loaded < total && attempt < maxResumes) continue;
    break;
  }
  return new Blob(parts as BlobPart[], { type });
}
