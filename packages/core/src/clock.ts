/**
 * Every clock read and timer of the library goes through this one module, as TanStack Query's
 * `timeoutManager` does: tests (and hosts with their own scheduler) swap the provider in one place,
 * and the two rules every timer needs live here once. A delay is clamped to what `setTimeout` can
 * hold (2^31-1 ms, about 24.8 days; a longer one fires at once in every browser, which turned a far
 * expiry into a request storm), and a wake-up at an instant further away than that is re-armed in
 * steps instead.
 */

/** What a provider's `setTimeout` returns; only ever handed back to its `clearTimeout`. */
export type TimerHandle = ReturnType<typeof globalThis.setTimeout>;

export interface ClockProvider {
  /** Epoch ms on this device's clock. */
  now(): number;
  setTimeout(callback: () => void, delayMs: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** The longest delay `setTimeout` holds: 2^31-1 ms. */
export const MAX_TIMER_DELAY_MS = 2_147_483_647;

/** A delay `setTimeout` can hold: NaN and negatives become 0, anything longer the maximum. */
export function clampDelay(delayMs: number): number {
  if (!(delayMs > 0)) return 0;
  return Math.min(delayMs, MAX_TIMER_DELAY_MS);
}

// Looked up at call time, so fake timers installed after this module loaded (vi.useFakeTimers) apply.
const systemClock: ClockProvider = {
  now: () => Date.now(),
  setTimeout: (callback, delayMs) => globalThis.setTimeout(callback, delayMs),
  clearTimeout: (handle) => globalThis.clearTimeout(handle),
};

let provider: ClockProvider = systemClock;

export interface Clock {
  now(): number;
  /** `setTimeout` with the delay clamped. */
  setTimeout(callback: () => void, delayMs: number): TimerHandle;
  clearTimeout(handle: TimerHandle | null | undefined): void;
  /**
   * Calls `callback` once the clock reaches `at` (epoch ms), however far away: a distant instant is
   * reached in steps of the longest delay, re-checking the clock each time (a device that slept
   * wakes the step late, never early). Returns a cancel function.
   */
  at(at: number, callback: () => void): () => void;
  /** Replaces the provider (tests, hosts with their own scheduler); returns a function restoring the previous one. */
  setProvider(next: ClockProvider): () => void;
}

export const clock: Clock = {
  now: () => provider.now(),
  setTimeout: (callback, delayMs) => provider.setTimeout(callback, clampDelay(delayMs)),
  clearTimeout: (handle) => {
    if (handle !== null && handle !== undefined) provider.clearTimeout(handle);
  },
  at(at, callback) {
    let handle: TimerHandle | null = null;
    let cancelled = false;
    const arm = () => {
      handle = null;
      // An instant of +Infinity is never reached: nothing to arm.
      if (at === Number.POSITIVE_INFINITY) return;
      const remaining = at - provider.now();
      if (!(remaining > 0)) {
        callback();
        return;
      }
      handle = provider.setTimeout(() => {
        if (!cancelled) arm();
      }, clampDelay(remaining));
    };
    arm();
    return () => {
      cancelled = true;
      if (handle !== null) provider.clearTimeout(handle);
      handle = null;
    };
  },
  setProvider(next) {
    const previous = provider;
    provider = next;
    return () => {
      provider = previous;
    };
  },
};
