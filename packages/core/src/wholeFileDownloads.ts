import type { DownloadOptions } from './downloadRecordingFile';
import type { ByteSink, FetchToSinkOptions, FetchToSinkResult } from './fetchToSink';
import type { SaveFile, SaveOptions, SaveResult } from './saveRecordingFiles';

/*
 * Fetching and saving whole files is the rare path: a click on Download, or a recording that cannot
 * stream. Its code (the file picker, the resumable fetch, the sandboxed-frame fallback) is a chunk of
 * its own, loaded on first use, instead of a part of every host's first bundle.
 */
const load = () => import('./wholeFileDownloadsNow');

/**
 * Fetches a whole recording file into a Blob (for playback when the storage cannot stream, or to save
 * it where the browser cannot write to disk), reporting progress. A connection dropped midway is
 * resumed from the last byte received with a Range request when the storage supports it, and
 * restarted when it does not. Abort with `signal`. Throws `DownloadUrlExpiredError` when the storage
 * refuses an expired URL (fetch a fresh one and call again), `RecordingStorageError` for other
 * refusals, `RecordingNetworkError` when it cannot be reached.
 */
export async function downloadRecordingFile(url: string, options: DownloadOptions = {}): Promise<Blob> {
  const now = await load();
  return now.downloadRecordingFile(url, options);
}

/**
 * Saves recording files without ever navigating the host page: the URL is fetched by the page and
 * written to disk or saved from the page's own `blob:` URL, so whatever the storage answers (an
 * error page, a file without `Content-Disposition: attachment`), the listener's page stays where it
 * is and the signed URL never reaches the address bar, the history or a `Referer`. Resolves `null`
 * when the listener cancelled the file picker.
 */
export async function saveRecordingFiles(
  files: readonly SaveFile[],
  options: SaveOptions = {},
): Promise<SaveResult | null> {
  const now = await load();
  return now.saveRecordingFiles(files, options);
}

/**
 * Streams a recording file into a sink as it arrives, chunk by chunk, so a file of any size can go
 * to disk without being held in memory. A connection dropped midway is resumed from the last byte
 * with a Range request (or started over when the storage ignores Range). Throws
 * `DownloadUrlExpiredError` (with `loaded` kept in the sink: call again with a fresh URL and
 * `from`), `RecordingStorageError` for other refusals, `RecordingNetworkError` when it cannot be
 * reached, an `AbortError` on abort. Never a message with the URL in it.
 */
export async function fetchToSink(
  url: string,
  sink: ByteSink,
  options: FetchToSinkOptions = {},
): Promise<FetchToSinkResult> {
  const now = await load();
  return now.fetchToSink(url, sink, options);
}

/** Starts loading the code of the functions above, so that a click finds it there. */
export function preloadWholeFileDownloads(): void {
  void load().catch(() => {});
}
