import type { QueryClient } from '@tanstack/react-query';
import {
  clock,
  downloadRecordingFile,
  safeFileName,
  saveRecordingFiles,
  type RecordingClient,
  type RecordingSet,
  type SaveResult,
} from '@ambient-audio/core';
import { recordingQueryOptions } from './recordingQueryOptions';
import { failedSave, idleSave } from './saveStates';
import type { DownloadedRecording, DownloadNameContext, SaveState } from './useRecordingDownload';

interface ActionContext {
  queryClient: QueryClient;
  client: RecordingClient;
  sessionId: string;
  controller: AbortController;
}

/**
 * A download set that is fresh at the moment of the click: the cached one until its planned refresh
 * (a margin before its URLs expire), else a new one.
 */
async function freshDownloadSet(
  queryClient: QueryClient,
  options: ReturnType<typeof recordingQueryOptions>,
  force = false,
): Promise<RecordingSet> {
  const cached = queryClient.getQueryData(options.queryKey);
  if (!force && cached && cached.refreshAt > clock.now()) return cached;
  return queryClient.fetchQuery({ ...options, staleTime: 0 });
}

/** `useRecordingDownload`'s `save`: the files saved under their names, with progress, resumable on expiry. */
export async function saveRecording({
  queryClient,
  client,
  sessionId,
  controller,
  name,
  setSaveState,
}: ActionContext & {
  name: (context: DownloadNameContext) => string;
  setSaveState: (next: SaveState | ((current: SaveState) => SaveState)) => void;
}): Promise<SaveResult | null> {
  const queryOptions = recordingQueryOptions(client, sessionId, 'download');
  try {
    const set = await freshDownloadSet(queryClient, queryOptions);
    const date = new Date(clock.now());
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
    setSaveState(
      result
        ? { ...idleSave, status: 'saved', fileNames: result.fileNames, method: result.method }
        : { ...idleSave, status: 'cancelled', fileNames },
    );
    return result;
  } catch (caught) {
    setSaveState(controller.signal.aborted ? { ...idleSave, status: 'cancelled' } : failedSave(caught));
    return null;
  }
}

/** `useRecordingDownload`'s `fetchFile`: every chunk's bytes, for playback from blob: URLs. */
export async function fetchRecordingFiles({
  queryClient,
  client,
  sessionId,
  controller,
  setProgress,
}: ActionContext & {
  setProgress: (progress: { loaded: number; total: number | null }) => void;
}): Promise<DownloadedRecording> {
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
  return {
    files,
    chunks: set.recordings.map((recording, index) => ({
      id: recording.id,
      url: URL.createObjectURL(files[index] ?? new Blob()),
      expiresAt: Number.POSITIVE_INFINITY,
    })),
  };
}
