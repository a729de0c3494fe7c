import { fetchToSink, type FetchToSinkOptions } from './fetchToSink';

export type { DownloadProgress } from './fetchToSink';

export type DownloadOptions = Omit<FetchToSinkOptions, 'from'>;

/**
 * Fetches a whole recording file into a Blob (for playback when the storage cannot stream, or to save
 * it where the browser cannot write to disk), reporting progress. A connection dropped midway is
 * resumed from the last byte received with a Range request when the storage supports it, and
 * restarted when it does not. Abort with `signal`. Throws `DownloadUrlExpiredError` when the storage
 * refuses an expired URL (fetch a fresh one and call again), `RecordingStorageError` for other
 * refusals, `RecordingNetworkError` when it cannot be reached.
 */
export async function downloadRecordingFile(url: string, options: DownloadOptions = {}): Promise<Blob> {
  const parts: Uint8Array[] = [];
  const { type } = await fetchToSink(
    url,
    {
      write: (bytes) => void parts.push(bytes),
      reset: () => void parts.splice(0),
    },
    options,
  );
  return new Blob(parts as BlobPart[], { type });
}
