import { queryOptions } from '@tanstack/react-query';
import {
  RecordingError,
  RecordingGoneError,
  refreshAt,
  retryDelay as policyRetryDelay,
  shouldRetry as policyShouldRetry,
  type RecordingClient,
  type RecordingMode,
  type RecordingSet,
  type RetryPolicyOptions,
} from '@ambient-audio/core';
import type { Query } from '@tanstack/react-query';
import { recordRetry } from './retrySchedule';

export type RecordingQueryKey = readonly ['ambient-audio', 'recording', string, RecordingMode];

export function recordingQueryKey(sessionId: string, mode: RecordingMode): RecordingQueryKey {
  return ['ambient-audio', 'recording', sessionId, mode];
}

export interface RecordingQueryConfig {
  /** Overrides of core's retry policy (processing wait, server retries...). */
  retry?: RetryPolicyOptions;
  /** Clock, for tests. */
  now?: () => number;
}

/** When the set should be fetched again: the earliest `refreshAt` of its recordings. */
export function setRefreshAt(set: RecordingSet, now: number): number {
  let earliest = Number.POSITIVE_INFINITY;
  for (const recording of set.recordings) earliest = Math.min(earliest, refreshAt(recording, now));
  return earliest;
}

export type RecordingQuery = Query<RecordingSet, Error, RecordingSet, RecordingQueryKey>;

const isGone = (query: RecordingQuery) => query.state.error instanceof RecordingGoneError;

/**
 * An answer that asking again will not change by itself: gone, a refused token, a bad request or body.
 * Only the listener's "Try again" (after signing in, say) asks again; focus and reconnect do not.
 */
export const isFinal = (query: RecordingQuery) => {
  const error = query.state.error;
  return (
    query.state.data === undefined &&
    error instanceof RecordingError &&
    error.kind !== 'processing' &&
    error.kind !== 'server' &&
    error.kind !== 'network'
  );
};

/**
 * The one factory for a recording query's key and options, shared by the hooks, by prefetching
 * (`queryClient.prefetchQuery(recordingQueryOptions(...))`) and by tests. The cache entry goes stale,
 * and is refetched even in a background tab, at the set's earliest `refreshAt`, a margin before its
 * first URL expires, so a fresh URL is cached before the old one stops working. A gone recording (410)
 * is never asked for again.
 */
export function recordingQueryOptions(
  client: RecordingClient,
  sessionId: string,
  mode: RecordingMode = 'stream',
  config: RecordingQueryConfig = {},
) {
  const now = config.now ?? Date.now;
  const untilRefresh = (query: RecordingQuery) => {
    const data = query.state.data;
    return data ? Math.max(0, setRefreshAt(data, now()) - now()) : 0;
  };
  return queryOptions({
    queryKey: recordingQueryKey(sessionId, mode),
    queryFn: ({ signal }) => client.getRecording(sessionId, { mode, signal }),
    retry: (failureCount, error) => policyShouldRetry(error, failureCount, config.retry),
    retryDelay: (failureCount, error) => {
      const delay = policyRetryDelay(error, failureCount, config.retry);
      recordRetry(error, delay, now());
      return delay;
    },
    staleTime: (query) => (isGone(query) || isFinal(query) ? Number.POSITIVE_INFINITY : untilRefresh(query)),
    // A timer at the refresh time; at least a second apart so a misjudged expiry cannot spin.
    refetchInterval: (query) =>
      query.state.data && !isGone(query) ? Math.max(1_000, untilRefresh(query)) : false,
    refetchIntervalInBackground: true,
    refetchOnWindowFocus: (query) => !isGone(query) && !isFinal(query),
    refetchOnReconnect: (query) => !isGone(query) && !isFinal(query),
    // An error (gone, auth, bad request) is not asked again just because another component mounted.
    retryOnMount: false,
  });
}
