import { urlExpiry } from './urlExpiry';

export type RecordingMode = 'stream' | 'download';

const MINUTE = 60_000;

/**
 * The longest a URL is believed to live: recordings are kept 7 days, so no URL to one can outlive
 * that. An expiry further out (a microsecond `expires_at`, a huge `X-Amz-Expires`) is cut to this.
 */
export const MAX_URL_LIFETIME_MS = 7 * 24 * 60 * MINUTE;

/**
 * The documented URL lifetime: streaming URLs last 15 minutes, or the session's length plus 10
 * minutes for sessions over 15 minutes; download URLs last an hour. Without the session's length the
 * short lifetime is assumed, which errs on the side of refreshing early.
 */
export function policyLifetimeMs(mode: RecordingMode, sessionSeconds?: number): number {
  if (mode === 'download') return 60 * MINUTE;
  const sessionMs = (sessionSeconds ?? 0) * 1000;
  return sessionMs > 15 * MINUTE ? sessionMs + 10 * MINUTE : 15 * MINUTE;
}

export interface ExpirySources {
  /** `expires_at` from the API, Unix seconds (the contract), when present. */
  expiresAtSeconds?: number | null | undefined;
  url: string;
  mode: RecordingMode;
  /** When the response arrived, on this device's clock (epoch ms): the start of the policy lifetime. */
  receivedAt: number;
  /** Server clock minus device clock, ms (see `estimateClockOffset`). Default 0. */
  clockOffsetMs?: number | undefined;
}

/**
 * `expires_at` in epoch ms. The contract says seconds; values that can only be milliseconds or
 * microseconds (past the year 5138 in seconds, or in milliseconds) are read as those.
 */
export function expiresAtMs(value: number | null | undefined): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) return null;
  if (value > 1e14) return value / 1000;
  if (value > 1e11) return value;
  return value * 1000;
}

/**
 * The expiry a recording's URL is treated as having, in epoch ms **on this device's clock**:
 * `expires_at`, else the URL's own signing date and lifetime (both on the server's clock, so moved
 * by the clock offset), else the documented policy counted from when the response arrived; never
 * more than `MAX_URL_LIFETIME_MS` after that.
 */
export function recordingExpiry({
  expiresAtSeconds,
  url,
  mode,
  receivedAt,
  clockOffsetMs = 0,
}: ExpirySources): number {
  const onServerClock = expiresAtMs(expiresAtSeconds) ?? urlExpiry(url);
  const expiry = onServerClock !== null ? onServerClock - clockOffsetMs : receivedAt + policyLifetimeMs(mode);
  return Math.min(expiry, receivedAt + MAX_URL_LIFETIME_MS);
}
