/** Enough of a recording to plan its refresh. */
export interface Expiring {
  /** Epoch ms after which the URL stops working. */
  expiresAt: number;
}

export interface RefreshTiming {
  /**
   * How long before expiry to fetch a fresh URL. Two minutes by default: Chrome runs the timers of a
   * tab hidden for a while at most once a minute, so a one-minute margin could be missed entirely.
   */
  marginMs?: number;
  /** Never schedule sooner than this from now, so a URL that is (nearly) expired cannot cause a tight loop. */
  minDelayMs?: number;
}

export const DEFAULT_REFRESH_MARGIN_MS = 120_000;
export const DEFAULT_MIN_REFRESH_DELAY_MS = 5_000;

/**
 * When to fetch a fresh URL for `recording`: a margin before it expires; for URLs with short
 * lifetimes, no later than two thirds of the way through; never in the past and never sooner than
 * `minDelayMs` from `now`.
 */
export function refreshAt(recording: Expiring, now: number, timing: RefreshTiming = {}): number {
  const margin = timing.marginMs ?? DEFAULT_REFRESH_MARGIN_MS;
  const minDelay = timing.minDelayMs ?? DEFAULT_MIN_REFRESH_DELAY_MS;
  const remaining = recording.expiresAt - now;
  if (!Number.isFinite(remaining)) return remaining > 0 ? Number.POSITIVE_INFINITY : now + minDelay;
  const lead = Math.min(margin, remaining / 3);
  return Math.max(now + minDelay, recording.expiresAt - lead);
}
