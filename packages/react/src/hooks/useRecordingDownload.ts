import { useQueryClient } from '@tanstack/react-query';
import type { MediaChunk, SaveMethod, SaveResult } from '@ambient-audio/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { loadDownloadActions } from './loadDownloadActions';
import { failedSave, idleSave } from './saveStates';
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

function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function defaultDownloadName({ sessionId, part, parts, date }: DownloadNameContext): string {
  return `${sessionId}-${isoDate(date)}${parts > 1 ? `-part-${part}-of-${parts}` : ''}.wav`;
}

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
    const name = nameRef.current ?? defaultDownloadName;
    try {
      const { saveRecording } = await loadDownloadActions();
      const result = await saveRecording({ queryClient, client, sessionId, name, controller, setSaveState });
      if (saveAbortRef.current === controller) saveAbortRef.current = null;
      return result;
    } catch (caught) {
      // (Here only when the actions' chunk could not be loaded: the actions report their own failures.)
      setSaveState(failedSave(caught));
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
      const { fetchRecordingFiles } = await loadDownloadActions();
      const downloaded = await fetchRecordingFiles({
        queryClient,
        client,
        sessionId,
        controller,
        setProgress,
      });
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
