/**
 * When TanStack Query will retry a failed fetch, keyed by the error it failed with. `retryDelay`
 * records the delay it chose (jitter included) so `useRecording` can show the exact `nextRetryAt`
 * while a session is processing; a WeakMap lets each error go with its entry.
 */
const nextRetryByError = new WeakMap<object, number>();

export function recordRetry(error: unknown, delayMs: number, now: number): void {
  if (typeof error === 'object' && error !== null) nextRetryByError.set(error, now + delayMs);
}

export function nextRetryAt(error: unknown): number | null {
  return typeof error === 'object' && error !== null ? (nextRetryByError.get(error) ?? null) : null;
}
