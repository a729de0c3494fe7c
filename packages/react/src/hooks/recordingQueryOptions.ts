import { queryOptions } from '@tanstack/react-query';
import {
  RecordingError,
  RecordingGoneError,
  clampDelay,
  clock,
  nextRefreshAttempt,
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
  /** Clock, for tests. Default the library's clock (`clock.now` from core). */
  now?: () => number;
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
    error.kind !== 'network' &&
    error.kind !== 'timeout'
  );
};

/**
 * When the cached set should be fetched again (epoch ms): the refresh its answer planned
 * (`RecordingSet.refreshAt`, fixed when it arrived), or, after that refresh failed, a backoff that
 * grows with the outage.
 */
export function nextRefreshOf(query: RecordingQuery): number | null {
  const { data, errorUpdatedAt, dataUpdatedAt } = query.state;
  if (!data) return null;
  const failedAt = errorUpdatedAt > dataUpdatedAt ? errorUpdatedAt : null;
  return nextRefreshAttempt(data.refreshAt, failedAt);
}

/**
 * The one factory for a recording query's key and options, shared by the hooks, by prefetching
 * (`queryClient.prefetchQuery(recordingQueryOptions(...))`) and by tests. The cache entry goes stale,
 * and is refetched even in a background tab, at the refresh instant its answer planned, a margin
 * before its first URL expires, so a fresh URL is cached before the old one stops working. A gone
 * recording (410) is never asked for again.
 */
export function recordingQueryOptions(
  client: RecordingClient,
  sessionId: string,
  mode: RecordingMode = 'stream',
  config: RecordingQueryConfig = {},
) {
  const now = config.now ?? clock.now;
  return queryOptions({
    queryKey: recordingQueryKey(sessionId, mode),
    queryFn: ({ signal }) => client.getRecording(sessionId, { mode, signal }),
    retry: (failureCount, error) => policyShouldRetry(error, failureCount, config.retry),
    retryDelay: (failureCount, error) => {
      const delay = policyRetryDelay(error, failureCount, config.retry);
      recordRetry(error, delay, now());
      return delay;
    },
    // Relative to when the data arrived, as TanStack counts it: no clock read, so the answer is the
    // same however often (and whenever) it is asked, during render included.
    staleTime: (query) => {
      if (isGone(query) || isFinal(query)) return Number.POSITIVE_INFINITY;
      const data = query.state.data;
      return data ? clampDelay(data.refreshAt - query.state.dataUpdatedAt) : 0;
    },
    // A timer at the planned instant: recomputed on every render, it still points at that instant
    // (it never drifts), is clamped to what a timer can hold, and is at least a second away.
    refetchInterval: (query) => {
      const next = isGone(query) ? null : nextRefreshOf(query);
      return next === null ? false : Math.max(1_000, clampDelay(next - now()));
    },
    refetchIntervalInBackground: true,
    refetchOnWindowFocus: (query) => !isGone(query) && !isFinal(query),
    refetchOnReconnect: (query) => !isGone(query) && !isFinal(query),
    // An error (gone, auth, bad request) is not asked again just because another component mounted.
    retryOnMount: false,
  });
}
