import { useQuery } from '@tanstack/react-query';
import {
  RecordingAuthError,
  RecordingGoneError,
  RecordingProcessingError,
  clock,
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
  /** 404 beyond the bounded processing wait: an unknown session, or processing that takes unusually long. */
  | { status: 'not-found'; error: RecordingProcessingError }
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

const earliestExpiry = (set: RecordingSet) =>
  set.recordings.reduce((earliest, recording) => Math.min(earliest, recording.expiresAt), Infinity);

/**
 * A session's recording URLs, always fresh, with an exhaustive `state` for the player to render.
 * Two components asking for one session share one request (same query key); a failed refresh keeps
 * the previous URLs for as long as they are still valid. Rendering reads no clock (Next.js prerenders
 * client components and refuses `Date.now()` there): the expiry of the set on screen is watched by a
 * timer, which withdraws it once it has passed.
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

  // The set known to have expired; a set from the cache that expired long ago is found out at once.
  const [expired, setExpired] = useState<RecordingSet | null>(null);
  const data = query.data;
  useEffect(() => {
    if (!data) return;
    return clock.at(earliestExpiry(data), () => setExpired(data));
  }, [data]);

  // A manual refetch: it runs even after a final answer, when automatic fetching is switched off.
  const { refetch } = query;
  const refresh = useCallback(async () => {
    await refetch();
  }, [refetch]);

  const fresh = data && data !== expired ? data : undefined;
  const error = query.error ?? query.failureReason;
  let state: RecordingState;
  if (fresh) state = { status: 'ready', recording: fresh };
  else if (error instanceof RecordingGoneError) state = { status: 'gone', error };
  else if (error instanceof RecordingProcessingError) {
    // While retries remain, TanStack keeps the query pending; once they run out it is an error, and
    // the API's 404 can no longer be told from an unknown session.
    if (query.status === 'error' && query.fetchStatus === 'idle') state = { status: 'not-found', error };
    else state = { status: 'processing', nextRetryAt: nextRetryAt(error), error };
  } else if (query.status === 'error' && error) {
    state = { status: 'error', error, auth: error instanceof RecordingAuthError };
  } else state = { status: 'loading' };

  return { state, refresh, isFetching: query.isFetching };
}
