import { preloadWholeFileDownloads } from '@ambient-audio/core';
import type * as Actions from './downloadActions';
import { loadOnce } from './loadOnce';

/**
 * Saving and whole-file fetching are the rare path (a click on Download, a recording that cannot
 * stream): their code is a chunk of its own, as core's is. A failed load is tried again at the next
 * click.
 */
export const loadDownloadActions: () => Promise<typeof Actions> = loadOnce(() => import('./downloadActions'));

/**
 * Fetches the download code (this package's and core's) ahead of a click, once playback runs: Download
 * then works even after the network went away, and the first audio did not wait for it.
 */
export function preloadDownloads(): void {
  loadDownloadActions().catch(() => {});
  preloadWholeFileDownloads();
}
