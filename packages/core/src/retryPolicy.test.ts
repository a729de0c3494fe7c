import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DownloadUrlExpiredError,
  RecordingAuthError,
  RecordingBadRequestError,
  RecordingGoneError,
  RecordingNetworkError,
  RecordingProcessingError,
  RecordingResponseError,
  RecordingServerError,
  RecordingStorageError,
  WavFormatError,
} from './errors';
import { createRetryPolicy, retryDelay, shouldRetry } from './retryPolicy';

describe('retry policy', () => {
  it('never retries gone, auth, bad requests, bad bodies or foreign errors', () => {
    for (const error of [
      new RecordingGoneError('s'),
      new RecordingAuthError(401),
      new RecordingBadRequestError(400),
      new RecordingResponseError('x'),
      new DownloadUrlExpiredError(403),
      new RecordingStorageError(404),
      new WavFormatError('x'),
      new Error('host bug'),
    ]) {
      expect(shouldRetry(error, 1)).toBe(false);
    }
  });

  it('retries 5xx and network failures a bounded number of times with growing, jittered delays', () => {
    const error = new RecordingServerError(503);
    expect([1, 2, 3, 4].map((n) => shouldRetry(error, n))).toEqual([true, true, true, false]);
    expect(shouldRetry(new RecordingNetworkError(), 3)).toBe(true);
    const low = { random: () => 0 };
    const high = { random: () => 0.999 };
    expect(retryDelay(error, 1, low)).toBe(500);
    expect(retryDelay(error, 1, high)).toBeCloseTo(1000, -1);
    expect(retryDelay(error, 3, low)).toBe(2000);
    expect(retryDelay(error, 10, high)).toBeLessThanOrEqual(10_000);
  });

  it('polls a processing session with backoff for a bounded total wait', () => {
    const error = new RecordingProcessingError('s');
    const options = { processingMaxWaitMs: 30_000, random: () => 0.5 };
    let waited = 0;
    let retries = 0;
    while (shouldRetry(error, retries + 1, options)) {
      waited += retryDelay(error, retries + 1, options);
      retries += 1;
      expect(retries).toBeLessThan(50);
    }
    expect(retries).toBeGreaterThan(2);
    expect(waited).toBeLessThanOrEqual(30_000 + 15_000);
    expect(retryDelay(error, 1, options)).toBe(2_000);
    expect(retryDelay(error, 2, options)).toBe(4_000);
  });

  it('comes as TanStack Query options, in its (failureCount, error) order', () => {
    const policy = createRetryPolicy({ transientMaxRetries: 1, random: () => 0 });
    const error = new RecordingServerError(502);
    expect(policy.retry(1, error)).toBe(true);
    expect(policy.retry(2, error)).toBe(false);
    expect(policy.retry(1, new RecordingGoneError('s'))).toBe(false);
    expect(policy.retryDelay(1, error)).toBe(500);
    expect(policy.retryDelay(1, new RecordingProcessingError('s'))).toBe(1_800);
  });

  it('keeps every delay within its bounds and every retry sequence finite, whatever the options', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          new RecordingServerError(503),
          new RecordingNetworkError(),
          new RecordingProcessingError('s'),
        ),
        fc.record({
          processingMaxWaitMs: fc.integer({ min: 0, max: 600_000 }),
          processingMaxRetries: fc.integer({ min: 0, max: 50 }),
          processingBaseDelayMs: fc.integer({ min: 1, max: 10_000 }),
          processingMaxDelayMs: fc.integer({ min: 1, max: 60_000 }),
          transientMaxRetries: fc.integer({ min: 0, max: 10 }),
          transientBaseDelayMs: fc.integer({ min: 1, max: 10_000 }),
          transientMaxDelayMs: fc.integer({ min: 1, max: 60_000 }),
        }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        (error, options, r) => {
          const policy = createRetryPolicy({ ...options, random: () => r });
          let failures = 1;
          while (policy.retry(failures, error)) {
            const delay = policy.retryDelay(failures, error);
            expect(delay).toBeGreaterThanOrEqual(0);
            expect(delay).toBeLessThanOrEqual(
              Math.max(options.processingMaxDelayMs, options.transientMaxDelayMs) * 1.1 + 1,
            );
            failures += 1;
            expect(failures).toBeLessThanOrEqual(
              Math.max(options.processingMaxRetries, options.transientMaxRetries) + 1,
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
