/**
 * Whether an object store's answer means "this presigned URL has expired": S3 answers 403
 * `AccessDenied` / "Request has expired", Google Cloud Storage 400 `ExpiredToken`, Cloudflare R2
 * 403 `ExpiredRequest`.
 */
export function isExpiredStorageResponse(status: number, bodyText: string): boolean {
  if (status !== 400 && status !== 403) return false;
  return /<Code>\s*(ExpiredToken|ExpiredRequest|RequestExpired|TokenExpired)\s*<\/Code>|Request has expired|expired/i.test(
    bodyText,
  );
}

export type UrlProbeResult = 'valid' | 'expired' | 'unreachable';

/**
 * Asks the storage what it thinks of a URL with a one-byte Range request: `expired` when it answers
 * with an expiry error, `valid` when it serves or fails for another reason, `unreachable` when the answer cannot be read (no CORS,
 * offline). The URL is never included in anything this returns or throws.
 */
export async function probeStorageUrl(
  url: string,
  { fetch: fetchImpl = globalThis.fetch, signal }: { fetch?: typeof fetch; signal?: AbortSignal } = {},
): Promise<UrlProbeResult> {
  try {
    const response = await fetchImpl(url, {
      headers: { Range: 'bytes=0-0' },
      signal: signal ?? null,
      credentials: 'omit',
      cache: 'no-store',
    });
    if (response.ok) {
      await response.body?.cancel().catch(() => {});
      return 'valid';
    }
    const text = await response.text().catch(() => '');
    return isExpiredStorageResponse(response.status, text) ? 'expired' : 'valid';
  } catch {
    return 'unreachable';
  }
}
