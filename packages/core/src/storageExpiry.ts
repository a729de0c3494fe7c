import { urlExpiry } from './urlExpiry';

/**
 * How close to its known expiry a URL must be for an unexplained 400/403 (or a failed request) to be
 * read as "expired": clocks of a device and of a storage differ by seconds, sometimes by more.
 */
export const EXPIRY_SLACK_MS = 30_000;

/** What is known of the URL's lifetime, for answers whose body does not say why they refused it. */
export interface ExpiryContext {
  /** Epoch ms the URL was said to expire at (the recording's `expiresAt`); null when unknown. */
  expiresAt?: number | null | undefined;
  /** Epoch ms now. Default `Date.now()`. */
  now?: number | undefined;
}

// The storages' own words for an expired signature: GCS `ExpiredToken` ("The provided token has
// expired", "Request signature expired at ..."), S3 `AccessDenied` with "Request has expired", R2
// `ExpiredRequest`. Matched on these phrases rather than on any "expired", which other refusals use.
const EXPIRY_CODE = /<Code>\s*(?:ExpiredToken|ExpiredRequest|RequestExpired|TokenExpired)\s*<\/Code>/i;
const EXPIRY_PHRASE = /\b(?:request has expired|token has expired|signature expired|request expired)\b/i;

/**
 * Whether an object store's answer means "this presigned URL has expired": S3 answers 403
 * `AccessDenied` / "Request has expired", Google Cloud Storage 400 `ExpiredToken`, Cloudflare R2
 * 403 `ExpiredRequest`. With `context.expiresAt`, any 400/403 at or near that time counts too (the
 * contract's defensive reading: some gateways answer expiry with a bare 403).
 */
export function isExpiredStorageResponse(status: number, bodyText: string, context?: ExpiryContext): boolean {
  if (status !== 400 && status !== 403) return false;
  if (EXPIRY_CODE.test(bodyText) || EXPIRY_PHRASE.test(bodyText)) return true;
  return isAtExpiry(context?.expiresAt ?? null, context?.now);
}

/** Whether a URL with this expiry is at, past or within `EXPIRY_SLACK_MS` of it. */
export function isAtExpiry(expiresAt: number | null, now: number = Date.now()): boolean {
  return expiresAt !== null && Number.isFinite(expiresAt) && now >= expiresAt - EXPIRY_SLACK_MS;
}

export type UrlProbeResult = 'valid' | 'expired' | 'unreachable';

export interface ProbeOptions {
  fetch?: typeof fetch;
  signal?: AbortSignal;
  /** The recording's `expiresAt` (epoch ms), when known; else read from the URL itself. */
  expiresAt?: number | null;
}

/**
 * Asks the storage what it thinks of a URL with a one-byte Range request: `expired` when it answers
 * with an expiry error (or refuses it at its known expiry), `valid` when it serves or fails for
 * another reason, `unreachable` when the answer cannot be read (no CORS, offline). The URL is never
 * included in anything this returns or throws.
 */
export async function probeStorageUrl(url: string, options: ProbeOptions = {}): Promise<UrlProbeResult> {
  const fetchImpl = options.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));
  const expiresAt = options.expiresAt ?? urlExpiry(url);
  try {
    const response = await fetchImpl(url, {
      headers: { Range: 'bytes=0-0' },
      signal: options.signal ?? null,
      credentials: 'omit',
      cache: 'no-store',
    });
    if (response.ok) {
      await response.body?.cancel().catch(() => {});
      return 'valid';
    }
    const text = await response.text().catch(() => '');
    return isExpiredStorageResponse(response.status, text, { expiresAt }) ? 'expired' : 'valid';
  } catch {
    // A storage that sends no CORS headers on its error answers looks like this too; the known
    // expiry is the only hint left.
    if (options.signal?.aborted) return 'unreachable';
    return isAtExpiry(expiresAt) ? 'expired' : 'unreachable';
  }
}
