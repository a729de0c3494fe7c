import { useQuery } from '@tanstack/react-query';
import {
  RecordingAuthError,
  RecordingGoneError,
  RecordingProcessingError,
  type RecordingError,
  type RecordingMode,
  type RecordingSet,
} from '@ambient-audio/core';
import { useCallback, useEffect, useState } from 'react';
import { isFinal, recordingQueryOptions, type RecordingQueryConfig } from './recordingQueryOptions';
import { useRecordingClient } from './RecordingClientProvider';
import { nextRetryAt } from './retrySchedule';

export type RecordingState =
  | { status: 'loading' }
  | { status: 'processing'; nextRetryAt: number | null; error: RecordingProcessingError }
  | { status: 'ready'; recording: RecordingSet }
  | { status: 'gone'; error: RecordingGoneError }
  | { status: 'error'; error: RecordingError | Error; auth: boolean };

export interface UseRecordingOptions extends RecordingQueryConfig {
  mode?: RecordingMode;
  /** false: fetch nothing yet (e.g. the player is not scrolled into view). */
  enabled?: boolean;
}

export interface UseRecordingResult {
  state: RecordingState;
  /** Fetches fresh URLs now, e.g. when the storage said one expired. */
  refresh: () => Promise<void>;
  /** True while a fetch (first load or refresh) is in flight. */
  isFetching: boolean;
}

/** The set without any URL that has already expired: such a URL is never handed to a player. */
function unexpired(set: RecordingSet | undefined, now: number): RecordingSet | undefined {
  if (!set) return undefined;
  return set.recordings.every((recording) => recording.expiresAt > now) ? set : undefined;
}

/**
 * A session's recording URLs, always fresh, with an exhaustive `state` for the player to render.
 * Two components asking for one session share one request (same query key); a failed refresh keeps
 * the previous URLs for as long as they are still valid.
 */
export function useRecording(sessionId: string, options: UseRecordingOptions = {}): UseRecordingResult {
  const { mode = 'stream', enabled = true, ...config } = options;
  const client = useRecordingClient();
  // Nothing asks again by itself after a final answer (gone, refused token, bad request): not a newly
  // mounted or enabled component, not focus. `refresh()` (the listener's "Try again") still does.
  const query = useQuery({
    ...recordingQueryOptions(client, sessionId, mode, config),
    enabled: (current) => enabled && !isFinal(current),
  });
  const now = config.now ?? Date.now;

  // Re-render when the data on screen expires, so an expired set is withdrawn even if no refetch lands.
  const [, setTick] = useState(0);
  const data = query.data;
  useEffect(() => {
    if (!data) return;
    const expiresAt = Math.min(...data.recordings.map((recording) => recording.expiresAt));
    const timer = setTimeout(() => setTick((tick) => tick + 1), Math.max(0, expiresAt - now()) + 1);
    return () => clearTimeout(timer);
  }, [data, now]);

  // A manual refetch: it runs even after a final answer, when automatic fetching is switched off.
  const { refetch } = query;
  const refresh = useCallback(async () => {
    await refetch();
  }, [refetch]);

  const fresh = unexpired(data, now());
  const error = query.error ?? query.failureReason;
  let state: RecordingState;
  if (fresh) state = { status: 'ready', recording: fresh };
  else if (error instanceof RecordingGoneError) state = { status: 'gone', error };
  else if (error instanceof RecordingProcessingError) {
    // While retries remain, TanStack keeps the query pending; once they run out it is an error.
    const retrying = query.status === 'pending' && query.fetchStatus !== 'idle';
    state = { status: 'processing', nextRetryAt: retrying ? nextRetryAt(error) : null, error };
  } else if (query.status === 'error' && error) {
    state = { status: 'error', error, auth: error instanceof RecordingAuthError };
  } else state = { status: 'loading' };

  return { state, refresh, isFetching: query.isFetching };
}
