import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { refreshAt } from './refreshAt';

describe('refreshAt', () => {
  const now = 1_000_000_000;

  it('refreshes a margin before expiry', () => {
    expect(refreshAt({ expiresAt: now + 15 * 60_000 }, now)).toBe(now + 13 * 60_000);
  });

  it('refreshes short-lived URLs two thirds of the way through', () => {
    expect(refreshAt({ expiresAt: now + 90_000 }, now)).toBe(now + 60_000);
  });

  it('never schedules in the past or in a tight loop', () => {
    expect(refreshAt({ expiresAt: now - 60_000 }, now)).toBe(now + 5_000);
    expect(refreshAt({ expiresAt: now + 1_000 }, now)).toBe(now + 5_000);
    expect(refreshAt({ expiresAt: now + 1_000 }, now, { minDelayMs: 30_000 })).toBe(now + 30_000);
    expect(refreshAt({ expiresAt: Number.POSITIVE_INFINITY }, now)).toBe(Number.POSITIVE_INFINITY);
  });

  it('always lands between now + minDelay and the expiry, and a refresh loop cannot spin', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -3_600_000, max: 3 * 3_600_000 }),
        fc.integer({ min: 0, max: 600_000 }),
        fc.integer({ min: 1, max: 60_000 }),
        (remaining, marginMs, minDelayMs) => {
          const at = refreshAt({ expiresAt: now + remaining }, now, { marginMs, minDelayMs });
          expect(at).toBeGreaterThanOrEqual(now + minDelayMs);
          if (remaining > minDelayMs) expect(at).toBeLessThanOrEqual(now + remaining);
          // Refreshing and getting the same expiry back: each step moves at least minDelay forward.
          let t = now;
          for (let i = 0; i < 5; i += 1) {
            const next = refreshAt({ expiresAt: now + remaining }, t, { marginMs, minDelayMs });
            expect(next - t).toBeGreaterThanOrEqual(minDelayMs);
            t = next;
          }
        },
      ),
    );
  });
});
