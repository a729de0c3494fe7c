import { describe, expect, it } from 'vitest';
import { isExpiredStorageResponse, probeStorageUrl } from './storageExpiry';

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

  it('does not mistake other refusals for expiry', () => {
    expect(isExpiredStorageResponse(403, '<Error><Code>SignatureDoesNotMatch</Code></Error>')).toBe(false);
    expect(isExpiredStorageResponse(404, '<Code>ExpiredToken</Code>')).toBe(false);
    expect(isExpiredStorageResponse(200, 'expired')).toBe(false);
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
});
