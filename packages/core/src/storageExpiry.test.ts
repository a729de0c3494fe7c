import { describe, expect, it } from 'vitest';
import { EXPIRY_SLACK_MS, isExpiredStorageResponse, probeStorageUrl } from './storageExpiry';

describe('isExpiredStorageResponse', () => {
  it('recognises S3, GCS and R2 expiry answers', () => {
    expect(
      isExpiredStorageResponse(
        403,
        '<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>',
      ),
    ).toBe(true);
    expect(
      isExpiredStorageResponse(
        400,
        '<Error><Code>ExpiredToken</Code><Message>The provided token has expired.</Message></Error>',
      ),
    ).toBe(true);
    expect(isExpiredStorageResponse(403, '<Error><Code>ExpiredRequest</Code></Error>')).toBe(true);
  });

  it('recognises the GCS details text and lowercase code spellings', () => {
    expect(
      isExpiredStorageResponse(
        400,
        '<Error><Code>InvalidArgument</Code><Details>Request signature expired at: 2026-11-24T10:00:00+00:00</Details></Error>',
      ),
    ).toBe(true);
    expect(isExpiredStorageResponse(403, '<Code>expiredrequest</Code>')).toBe(true);
  });

  it('does not mistake other refusals for expiry', () => {
    expect(isExpiredStorageResponse(403, '<Error><Code>SignatureDoesNotMatch</Code></Error>')).toBe(false);
    expect(
      isExpiredStorageResponse(
        403,
        '<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>',
      ),
    ).toBe(false);
    expect(isExpiredStorageResponse(403, '<Message>Your account subscription has expired</Message>')).toBe(
      false,
    );
    expect(isExpiredStorageResponse(404, '<Code>ExpiredToken</Code>')).toBe(false);
    expect(isExpiredStorageResponse(200, 'Request has expired')).toBe(false);
    expect(isExpiredStorageResponse(500, 'Request has expired')).toBe(false);
  });

  it('reads any 400/403 at or near the known expiry as expired, and only then', () => {
    const expiresAt = Date.UTC(2026, 10, 24, 12, 0);
    const bare = '<Error><Code>AccessDenied</Code></Error>';
    expect(isExpiredStorageResponse(403, bare, { expiresAt, now: expiresAt + 1 })).toBe(true);
    expect(isExpiredStorageResponse(400, '', { expiresAt, now: expiresAt - EXPIRY_SLACK_MS })).toBe(true);
    expect(isExpiredStorageResponse(403, bare, { expiresAt, now: expiresAt - EXPIRY_SLACK_MS - 1 })).toBe(
      false,
    );
    expect(isExpiredStorageResponse(404, bare, { expiresAt, now: expiresAt + 1 })).toBe(false);
    expect(isExpiredStorageResponse(403, bare, { expiresAt: null, now: expiresAt })).toBe(false);
  });
});

describe('probeStorageUrl', () => {
  const answer = (status: number, body: string) => async () => new Response(body, { status });

  it('tells expired from valid and from unreadable', async () => {
    expect(
      await probeStorageUrl('https://x/o', {
        fetch: answer(403, '<Code>AccessDenied</Code>Request has expired'),
      }),
    ).toBe('expired');
    expect(await probeStorageUrl('https://x/o', { fetch: answer(206, 'R') })).toBe('valid');
    expect(
      await probeStorageUrl('https://x/o', {
        fetch: async () => {
          throw new TypeError('Failed to fetch');
        },
      }),
    ).toBe('unreachable');
  });

  it('calls a failed request on a URL past its own signed expiry expired (no CORS on error answers)', async () => {
    const failing = async () => {
      throw new TypeError('Failed to fetch');
    };
    const old = 'https://x/o?X-Amz-Date=20200101T000000Z&X-Amz-Expires=900&X-Amz-Signature=s';
    expect(await probeStorageUrl(old, { fetch: failing })).toBe('expired');
    expect(await probeStorageUrl('https://x/o', { fetch: failing, expiresAt: Date.now() + 3_600_000 })).toBe(
      'unreachable',
    );
  });
});
