/** Enough of a recording to plan its refresh. */
export interface Expiring {
  /** Epoch ms (device clock) after which the URL stops working. */
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
 *
 * Plan it once, with `now` the moment the URL arrived (`RecordingSet.receivedAt`): recomputed later,
 * the two-thirds rule moves the instant closer to the expiry each time, which is how a refresh
 * planned for 13 minutes into a 15-minute URL drifted to 14:58 under a re-rendering page.
 */
export function refreshAt(recording: Expiring, now: number, timing: RefreshTiming = {}): number {
  const margin = timing.marginMs ?? DEFAULT_REFRESH_MARGIN_MS;
  const minDelay = timing.minDelayMs ?? DEFAULT_MIN_REFRESH_DELAY_MS;
  const remaining = recording.expiresAt - now;
  if (!Number.isFinite(remaining)) return remaining > 0 ? Number.POSITIVE_INFINITY : now + minDelay;
  const lead = Math.min(margin, remaining / 3);
  return Math.max(now + minDelay, recording.expiresAt - lead);
}

/** The refresh plan of a set of URLs that arrived together at `receivedAt`: the earliest `refreshAt`. */
export function planRefresh(
  recordings: readonly Expiring[],
  receivedAt: number,
  timing: RefreshTiming = {},
): number {
  let earliest = Number.POSITIVE_INFINITY;
  for (const recording of recordings) earliest = Math.min(earliest, refreshAt(recording, receivedAt, timing));
  return earliest;
}

/** Longest wait between two attempts at a refresh that keeps failing (the API down, the device offline). */
export const MAX_REFRESH_BACKOFF_MS = 60_000;
/** Shortest wait after a failed refresh before the next one. */
export const MIN_REFRESH_BACKOFF_MS = 5_000;

/**
 * When to try again after the refresh planned for `refreshAt` failed at `failedAt`: the longer the
 * outage has lasted, the longer the wait (half of it, between 5 s and a minute), so an API that is
 * down sees a handful of requests a minute from a player, never a storm. Before any failure, the
 * plan itself.
 */
export function nextRefreshAttempt(refreshAt: number, failedAt: number | null): number {
  if (failedAt === null || !(failedAt >= refreshAt)) return refreshAt;
  const outage = failedAt - refreshAt;
  return failedAt + Math.min(MAX_REFRESH_BACKOFF_MS, Math.max(MIN_REFRESH_BACKOFF_MS, outage / 2));
}
