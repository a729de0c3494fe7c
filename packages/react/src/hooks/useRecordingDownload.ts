import { useQueryClient } from '@tanstack/react-query';
import { downloadRecordingFile, type RecordingSet } from '@ambient-audio/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MediaChunk } from '../media/ChunkedMediaElement';
import { recordingQueryOptions, setRefreshAt } from './recordingQueryOptions';
import { useRecordingClient } from './RecordingClientProvider';

export interface DownloadedRecording {
  /** One playable chunk per recording, each a blob: URL owned by the hook. */
  chunks: MediaChunk[];
  /** The files' bytes, for exact peaks. */
  files: Blob[];
}

export interface UseRecordingDownloadResult {
  /** Hands the download URL(s) to the browser, which saves the file; nothing is held in memory. */
  save: () => Promise<void>;
  /** Fetches the whole recording for playback (when it cannot stream), with progress and abort. */
  fetchFile: () => Promise<DownloadedRecording | null>;
  cancel: () => void;
  progress: { loaded: number; total: number | null };
  file: DownloadedRecording | null;
  error: Error | null;
  fetching: boolean;
}

/** A fresh download set: the cached one while its URLs have time left, else a new one. */
async function freshDownloadSet(
  queryClient: ReturnType<typeof useQueryClient>,
  options: ReturnType<typeof recordingQueryOptions>,
): Promise<RecordingSet> {
  const cached = queryClient.getQueryData(options.queryKey);
  if (cached && setRefreshAt(cached, Date.now()) > Date.now()) return cached;
  return queryClient.fetchQuery({ ...options, staleTime: 0 });
}

function saveThroughBrowser(url: string): void {
  // The storage answers download URLs with Content-Disposition: attachment, so following the link
  // saves the file without leaving the page.
  const link = document.createElement('a');
  link.href = url;
  link.rel = 'noopener';
  link.download = '';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
}

export function useRecordingDownload(sessionId: string): UseRecordingDownloadResult {
  const client = useRecordingClient();
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<{ loaded: number; total: number | null }>({
    loaded: 0,
    total: null,
  });
  const [file, setFile] = useState<DownloadedRecording | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [fetching, setFetching] = useState(false);
  const abortRef = useRef<AbortController | null>(null);

  const cancel = useCallback(() => {
    abortRef.current?.abort();
    abortRef.current = null;
  }, []);

  // The object URLs live as long as the file is in use: revoked when replaced or on unmount.
  useEffect(() => {
    if (!file) return;
    return () => file.chunks.forEach((chunk) => URL.revokeObjectURL(chunk.url));
  }, [file]);
  useEffect(() => cancel, [cancel]);

  const save = useCallback(async () => {
    setError(null);
    try {
      const set = await freshDownloadSet(queryClient, recordingQueryOptions(client, sessionId, 'download'));
      for (const recording of set.recordings) saveThroughBrowser(recording.url);
    } catch (caught) {
      setError(caught instanceof Error ? caught : new Error('Download failed'));
    }
  }, [queryClient, client, sessionId]);

  const fetchFile = useCallback(async () => {
    cancel();
    const controller = new AbortController();
    abortRef.current = controller;
    setError(null);
    setFetching(true);
    setProgress({ loaded: 0, total: null });
    try {
      const set = await freshDownloadSet(queryClient, recordingQueryOptions(client, sessionId, 'download'));
      const files: Blob[] = [];
      let done = 0;
      for (const recording of set.recordings) {
        const blob = await downloadRecordingFile(recording.url, {
          signal: controller.signal,
          onProgress: ({ loaded, total }) =>
            setProgress({ loaded: done + loaded, total: total === null ? null : done + total }),
        });
        done += blob.size;
        files.push(blob);
      }
      const downloaded: DownloadedRecording = {
        files,
        chunks: set.recordings.map((recording, index) => ({
          id: recording.id,
          url: URL.createObjectURL(files[index] ?? new Blob()),
          expiresAt: Number.POSITIVE_INFINITY,
        })),
      };
      setFile(downloaded);
      return downloaded;
    } catch (caught) {
      if (!controller.signal.aborted)
        setError(caught instanceof Error ? caught : new Error('Download failed'));
      return null;
    } finally {
      if (abortRef.current === controller) abortRef.current = null;
      setFetching(false);
    }
  }, [cancel, queryClient, client, sessionId]);

  return { save, fetchFile, cancel, progress, file, error, fetching };
}
