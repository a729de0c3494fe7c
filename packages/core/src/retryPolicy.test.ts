import { describe, expect, it } from 'vitest';
import {
  RecordingAuthError,
  RecordingBadRequestError,
  RecordingGoneError,
  RecordingNetworkError,
  RecordingProcessingError,
  RecordingResponseError,
  RecordingServerError,
} from './errors';
import { retryDelay, shouldRetry } from './retryPolicy';

describe('retry policy', () => {
  it('never retries gone, auth, bad requests, bad bodies or foreign errors', () => {
    for (const error of [
      new RecordingGoneError('s'),
      new RecordingAuthError(401),
      new RecordingBadRequestError(400),
      new RecordingResponseError('x'),
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
});
