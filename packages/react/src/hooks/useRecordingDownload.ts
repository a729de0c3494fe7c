import { useQueryClient } from '@tanstack/react-query';
import {
  clock,
  downloadRecordingFile,
  safeFileName,
  saveRecordingFiles,
  type MediaChunk,
  type RecordingSet,
  type SaveMethod,
  type SaveResult,
} from '@ambient-audio/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { recordingQueryOptions } from './recordingQueryOptions';
import { useRecordingClient } from './RecordingClientProvider';

export interface DownloadedRecording {
  /** One playable chunk per recording, each a blob: URL owned by the hook. */
  chunks: MediaChunk[];
  /** The files' bytes, for exact peaks. */
  files: Blob[];
}

/** What a saved file is named from; the default is `<session>-<YYYY-MM-DD>.wav` (`-part-2-of-3` for chunks). */
export interface DownloadNameContext {
  sessionId: string;
  recordingId: string;
  /** 1-based position of the chunk, and how many there are. */
  part: number;
  parts: number;
  /** When the listener saved it. */
  date: Date;
}

export interface SaveState {
  status: 'idle' | 'saving' | 'saved' | 'cancelled' | 'failed';
  /** The names the files are saved under. */
  fileNames: string[];
  loaded: number;
  total: number | null;
  /** How the browser saved them (`disk`, `memory`, `browser`), once saved. */
  method: SaveMethod | null;
  error: Error | null;
}

export interface UseRecordingDownloadOptions {
  /** Names the saved file(s); the result is made safe for every file system. */
  fileName?: ((context: DownloadNameContext) => string) | undefined;
}

export interface UseRecordingDownloadResult {
  /**
   * Saves the recording with a download URL fresh at the moment of the click: streamed to disk where
   * the browser can, else through memory; the page never navigates. Resolves null when cancelled.
   */
  save: () => Promise<SaveResult | null>;
  saveState: SaveState;
  /** Fetches the whole recording for playback (when it cannot stream), with progress and abort. */
  fetchFile: () => Promise<DownloadedRecording | null>;
  cancel: () => void;
  progress: { loaded: number; total: number | null };
  file: DownloadedRecording | null;
  error: Error | null;
  fetching: boolean;
}

/**
 * A download set that is fresh at the moment of the click: the cached one until its planned refresh
 * (a margin before its URLs expire), else a new one.
 */
async function freshDownloadSet(
  queryClient: ReturnType<typeof useQueryClient>,
  options: ReturnType<typeof recordingQueryOptions>,
  force = false,
): Promise<RecordingSet> {
  const cached = queryClient.getQueryData(options.queryKey);
  if (!force && cached && cached.refreshAt > clock.now()) return cached;
  return queryClient.fetchQuery({ ...options, staleTime: 0 });
}

function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function defaultDownloadName({ sessionId, part, parts, date }: DownloadNameContext): string {
  return `${sessionId}-${isoDate(date)}${parts > 1 ? `-part-${part}-of-${parts}` : ''}.wav`;
}

const idleSave: SaveState = {
  status: 'idle',
  fileNames: [],
  loaded: 0,
  total: null,
  method: null,
  error: null,
};

export function useRecordingDownload(
  sessionId: string,
  options: UseRecordingDownloadOptions = {},
): UseRecordingDownloadResult {
  const client = useRecordingClient();
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<{ loaded: number; total: number | null }>({
    loaded: 0,
    total: null,
  });
  const [file, setFile] = useState<DownloadedRecording | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [fetching, setFetching] = useState(false);
  const [saveState, setSaveState] = useState<SaveState>(idleSave);
  const abortRef = useRef<AbortController | null>(null);
  const saveAbortRef = useRef<AbortController | null>(null);
  const nameRef = useRef(options.fileName);
  useEffect(() => {
    nameRef.current = options.fileName;
  });

  const cancel = useCallback(() => {
    abortRef.current?.abort();
    abortRef.current = null;
    saveAbortRef.current?.abort();
    saveAbortRef.current = null;
  }, []);

  // The object URLs live as long as the file is in use: revoked when replaced or on unmount.
  useEffect(() => {
    if (!file) return;
    return () => file.chunks.forEach((chunk) => URL.revokeObjectURL(chunk.url));
  }, [file]);
  // A real unmount cancels the download; StrictMode's simulated one (cleanup, then the effect again at
  // once) must not, or a download started in an effect would stop before it began. So the cancel waits
  // a tick and is called off when the effect runs again.
  const pendingCancelRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (pendingCancelRef.current !== null) clearTimeout(pendingCancelRef.current);
    pendingCancelRef.current = null;
    return () => {
      pendingCancelRef.current = setTimeout(() => {
        pendingCancelRef.current = null;
        cancel();
      }, 0);
    };
  }, [cancel]);

  const save = useCallback(async () => {
    saveAbortRef.current?.abort();
    const controller = new AbortController();
    saveAbortRef.current = controller;
    const queryOptions = recordingQueryOptions(client, sessionId, 'download');
    try {
      const set = await freshDownloadSet(queryClient, queryOptions);
      const date = new Date(clock.now());
      const name = nameRef.current ?? defaultDownloadName;
      const files = set.recordings.map((recording, index) => ({
        url: recording.url,
        expiresAt: recording.expiresAt,
        fileName: safeFileName(
          name({ sessionId, recordingId: recording.id, part: index + 1, parts: set.recordings.length, date }),
        ),
      }));
      const fileNames = files.map((f) => f.fileName);
      setSaveState({ ...idleSave, status: 'saving', fileNames });
      const result = await saveRecordingFiles(files, {
        signal: controller.signal,
        onProgress: ({ loaded, total }) =>
          setSaveState((current) => ({ ...current, status: 'saving', loaded, total })),
        // The storage said a URL expired midway: a fresh set, and the save goes on where it was.
        refreshUrl: async (index) => {
          const fresh = await freshDownloadSet(queryClient, queryOptions, true);
          const recording = fresh.recordings[index];
          if (!recording) throw new Error('The recording changed while it was being saved');
          return { url: recording.url, expiresAt: recording.expiresAt };
        },
      });
      if (saveAbortRef.current === controller) saveAbortRef.current = null;
      setSaveState(
        result
          ? { ...idleSave, status: 'saved', fileNames: result.fileNames, method: result.method }
          : { ...idleSave, status: 'cancelled', fileNames },
      );
      return result;
    } catch (caught) {
      if (controller.signal.aborted) {
        setSaveState({ ...idleSave, status: 'cancelled' });
        return null;
      }
      setSaveState({
        ...idleSave,
        status: 'failed',
        error: caught instanceof Error ? caught : new Error('Download failed'),
      });
      return null;
    }
  }, [queryClient, client, sessionId]);

  const fetchFile = useCallback(async () => {
    abortRef.current?.abort();
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
          expiresAt: recording.expiresAt,
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
  }, [queryClient, client, sessionId]);

  return { save, saveState, fetchFile, cancel, progress, file, error, fetching };
}
