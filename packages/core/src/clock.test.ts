import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_TIMER_DELAY_MS, clampDelay, clock, type ClockProvider } from './clock';

afterEach(() => {
  vi.useRealTimers();
});

describe('clock', () => {
  it('clamps every delay to what setTimeout can hold', () => {
    expect(clampDelay(Number.NaN)).toBe(0);
    expect(clampDelay(-5)).toBe(0);
    expect(clampDelay(1_000)).toBe(1_000);
    expect(clampDelay(40 * 86_400_000)).toBe(MAX_TIMER_DELAY_MS);
    expect(clampDelay(Number.POSITIVE_INFINITY)).toBe(MAX_TIMER_DELAY_MS);
  });

  it('does not fire a 40-day timer at once (the overflow that caused a request storm)', () => {
    vi.useFakeTimers({ now: 0 });
    const fired = vi.fn();
    clock.setTimeout(fired, 40 * 86_400_000);
    vi.advanceTimersByTime(1_000);
    expect(fired).not.toHaveBeenCalled();
  });

  it('reaches an instant further away than the longest delay, in steps, exactly once', () => {
    vi.useFakeTimers({ now: 0 });
    const fired = vi.fn();
    const at = 60 * 86_400_000;
    clock.at(at, fired);
    vi.advanceTimersByTime(at - 1);
    expect(fired).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fired).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(at);
    expect(fired).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('fires at once for an instant already past, never for +Infinity, and cancels', () => {
    vi.useFakeTimers({ now: 1_000 });
    const past = vi.fn();
    clock.at(0, past);
    expect(past).toHaveBeenCalledTimes(1);
    const never = vi.fn();
    clock.at(Number.POSITIVE_INFINITY, never);
    expect(vi.getTimerCount()).toBe(0);
    const cancelled = vi.fn();
    const cancel = clock.at(5_000, cancelled);
    cancel();
    vi.advanceTimersByTime(10_000);
    expect(cancelled).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('wakes late, never early, when the device slept through the instant', () => {
    vi.useFakeTimers({ now: 0 });
    const fired = vi.fn();
    clock.at(60_000, fired);
    // The timers froze for 20 minutes; the clock moved on.
    vi.setSystemTime(20 * 60_000);
    vi.advanceTimersByTime(60_000);
    expect(fired).toHaveBeenCalledTimes(1);
  });

  it('takes a provider of its own, and restores the previous one', () => {
    const provider: ClockProvider = {
      now: () => 42,
      setTimeout: vi.fn(() => 7 as unknown as ReturnType<typeof setTimeout>),
      clearTimeout: vi.fn(),
    };
    const restore = clock.setProvider(provider);
    try {
      expect(clock.now()).toBe(42);
      const handle = clock.setTimeout(() => {}, 10 ** 12);
      expect(provider.setTimeout).toHaveBeenCalledWith(expect.any(Function), MAX_TIMER_DELAY_MS);
      clock.clearTimeout(handle);
      expect(provider.clearTimeout).toHaveBeenCalledWith(7);
    } finally {
      restore();
    }
    expect(clock.now()).not.toBe(42);
  });
});
