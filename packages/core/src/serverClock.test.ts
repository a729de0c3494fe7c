import { describe, expect, it } from 'vitest';
import { MAX_CLOCK_OFFSET_MS, estimateClockOffset } from './serverClock';

const T = Date.UTC(2026, 10, 24, 12, 0, 0);
const httpDate = (ms: number) => new Date(ms).toUTCString();

describe('estimateClockOffset', () => {
  it('reads the server clock from the Date header, allowing for its 1 s resolution and the round trip', () => {
    expect(
      estimateClockOffset({ dateHeader: httpDate(T + 600_000), sentAt: T, receivedAt: T + 200 }),
    ).toBeCloseTo(600_400, -3);
    expect(
      estimateClockOffset({ dateHeader: httpDate(T - 1_800_000), sentAt: T, receivedAt: T + 50 }),
    ).toBeCloseTo(-1_799_525, -3);
  });

  it('is 0 within the evidence’s uncertainty, and without evidence', () => {
    expect(estimateClockOffset({ dateHeader: httpDate(T + 1_000), sentAt: T, receivedAt: T + 100 })).toBe(0);
    expect(estimateClockOffset({ signedAt: T - 30_000, sentAt: T, receivedAt: T + 100 })).toBe(0);
    expect(estimateClockOffset({ sentAt: T, receivedAt: T + 100 })).toBe(0);
  });

  it('falls back to the signing date of a URL just minted, for differences that matter', () => {
    expect(estimateClockOffset({ signedAt: T + 600_000, sentAt: T, receivedAt: T })).toBe(600_500);
    expect(
      estimateClockOffset({
        dateHeader: httpDate(T + 5_000),
        signedAt: T + 600_000,
        sentAt: T,
        receivedAt: T,
      }),
    ).toBe(5_500);
  });

  it('ignores malformed, non-standard and absurd dates', () => {
    for (const dateHeader of [
      'soon',
      '2026-11-24T12:00:00Z',
      httpDate(T + MAX_CLOCK_OFFSET_MS + 60_000),
      '',
    ]) {
      expect(estimateClockOffset({ dateHeader, sentAt: T, receivedAt: T })).toBe(0);
    }
    expect(estimateClockOffset({ dateHeader: httpDate(T + 600_000), sentAt: T, receivedAt: T - 1 })).toBe(0);
  });
});
