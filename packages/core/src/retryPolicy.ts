import { RecordingError } from './errors';

/**
 * Which failures are worth asking again, how often and how soon, as plain functions a query library
 * can use (`retry`, `retryDelay`). A processing session (404) is polled with backoff for a bounded
 * total time; 5xx and network failures back off exponentially with jitter, a timeout is asked once
 * more; gone (410), auth (401/403),
 * bad requests and malformed bodies are never retried.
 */
export interface RetryPolicyOptions {
  /** Longest total time to keep polling a processing session, ms. Default 2 minutes. */
  processingMaxWaitMs?: number;
  /** Most polls of a processing session, whatever the delays (short ones must not mean many requests). Default 30. */
  processingMaxRetries?: number;
  /** First delay while processing, ms; doubles up to `processingMaxDelayMs`. Default 2 s. */
  processingBaseDelayMs?: number;
  processingMaxDelayMs?: number;
  /** Retries of transient failures (5xx, network). Default 3. */
  transientMaxRetries?: number;
  /** Retries of an API that did not answer in time: each costs a whole timeout of waiting. Default 1. */
  timeoutMaxRetries?: number;
  /** First delay for transient failures, ms; doubles up to `transientMaxDelayMs`. Default 1 s. */
  transientBaseDelayMs?: number;
  transientMaxDelayMs?: number;
  /** Random source in [0, 1), for tests. */
  random?: () => number;
}

const defaults = {
  processingMaxWaitMs: 120_000,
  processingMaxRetries: 30,
  processingBaseDelayMs: 2_000,
  processingMaxDelayMs: 15_000,
  transientMaxRetries: 3,
  timeoutMaxRetries: 1,
  transientBaseDelayMs: 1_000,
  transientMaxDelayMs: 10_000,
};

function settings(options: RetryPolicyOptions = {}) {
  return { ...defaults, ...options, random: options.random ?? Math.random };
}

const processingDelay = (attempt: number, s: ReturnType<typeof settings>) =>
  Math.min(s.processingMaxDelayMs, s.processingBaseDelayMs * 2 ** attempt);

/** Sum of the processing delays before retry number `retries` (0-based). */
function processingWaitBefore(retries: number, s: ReturnType<typeof settings>): number {
  let total = 0;
  for (let i = 0; i < retries; i += 1) total += processingDelay(i, s);
  return total;
}

/**
 * Whether to retry after `failureCount` failures (1 after the first), TanStack Query's convention.
 * Errors that are not the library's (a bug in a host's `fetch`, say) are not retried.
 */
export function shouldRetry(error: unknown, failureCount: number, options?: RetryPolicyOptions): boolean {
  if (!(error instanceof RecordingError)) return false;
  const s = settings(options);
  switch (error.kind) {
    case 'processing':
      return (
        failureCount <= s.processingMaxRetries &&
        processingWaitBefore(failureCount, s) <= s.processingMaxWaitMs
      );
    case 'server':
    case 'network':
      return failureCount <= s.transientMaxRetries;
    case 'timeout':
      return failureCount <= s.timeoutMaxRetries;
    default:
      return false;
  }
}

/** Delay before the retry that follows failure number `failureCount` (1-based), in ms. */
export function retryDelay(error: unknown, failureCount: number, options?: RetryPolicyOptions): number {
  const s = settings(options);
  const attempt = Math.max(0, failureCount - 1);
  if (error instanceof RecordingError && error.kind === 'processing') {
    // A little jitter so the tabs of a clinic do not poll in step.
    return Math.round(processingDelay(attempt, s) * (0.9 + 0.2 * s.random()));
  }
  // "Full jitter" exponential backoff: spreads retries of a failing server across the window.
  const ceiling = Math.min(s.transientMaxDelayMs, s.transientBaseDelayMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (ceiling / 2) * s.random());
}

/** `retry` and `retryDelay` in TanStack Query's argument order, ready to spread into query options. */
export interface RetryPolicy {
  retry: (failureCount: number, error: unknown) => boolean;
  retryDelay: (failureCount: number, error: unknown) => number;
}

/**
 * The policy as TanStack Query takes it: `useQuery({ ...createRetryPolicy(), queryKey, queryFn })`.
 * `retryDelay` is what TanStack waits before the next attempt, so `now + retryDelay(...)` is the
 * next attempt's time (e.g. `nextRetryAt` while a session is processing).
 */
export function createRetryPolicy(options?: RetryPolicyOptions): RetryPolicy {
  return {
    retry: (failureCount, error) => shouldRetry(error, failureCount, options),
    retryDelay: (failureCount, error) => retryDelay(error, failureCount, options),
  };
}
