import { urlExpiry } from './urlExpiry';

export type RecordingMode = 'stream' | 'download';

const MINUTE = 60_000;

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
  /** `expires_at` from the API, Unix seconds, when present. */
  expiresAtSeconds?: number | null | undefined;
  url: string;
  mode: RecordingMode;
  /** When the response arrived (epoch ms), the start of the policy lifetime. */
  receivedAt: number;
}

/**
 * The expiry a recording's URL is treated as having, in epoch ms: `expires_at`, else the URL's own
 * signing date and lifetime, else the documented policy counted from when the response arrived.
 */
export function recordingExpiry({ expiresAtSeconds, url, mode, receivedAt }: ExpirySources): number {
  if (typeof expiresAtSeconds === 'number' && Number.isFinite(expiresAtSeconds) && expiresAtSeconds > 0) {
    // The contract says seconds; a value past year 5000 in seconds can only be milliseconds.
    return expiresAtSeconds > 1e11 ? expiresAtSeconds : expiresAtSeconds * 1000;
  }
  return urlExpiry(url) ?? receivedAt + policyLifetimeMs(mode);
}
