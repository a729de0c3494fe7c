import { describe, expect, it } from 'vitest';
import { urlExpiry } from './urlExpiry';
import { policyLifetimeMs, recordingExpiry } from './urlLifetime';

describe('urlExpiry', () => {
  it('reads Google Cloud Storage V4 signatures', () => {
    const url =
      'https://storage.googleapis.com/b/o.wav?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Date=20260124T101500Z&X-Goog-Expires=900&X-Goog-Signature=abc';
    expect(urlExpiry(url)).toBe(Date.UTC(2026, 0, 24, 10, 30, 0));
  });

  it('reads S3 SigV4 signatures, whatever the case of the parameter names', () => {
    expect(
      urlExpiry(
        'https://s3.example/b/o.wav?X-Amz-Date=20261124T235959Z&X-Amz-Expires=3600&X-Amz-Signature=s',
      ),
    ).toBe(Date.UTC(2026, 10, 25, 0, 59, 59));
    expect(urlExpiry('https://s3.example/o?x-amz-date=20261124T000000Z&x-amz-expires=60')).toBe(
      Date.UTC(2026, 10, 24, 0, 1),
    );
  });

  it('returns null when the URL carries no readable expiry', () => {
    expect(urlExpiry('https://cdn.example/o.wav')).toBeNull();
    expect(urlExpiry('https://s3.example/o?X-Amz-Date=20261324T000000Z&X-Amz-Expires=60')).toBeNull();
    expect(urlExpiry('https://s3.example/o?X-Amz-Date=20261124T000000Z&X-Amz-Expires=soon')).toBeNull();
    expect(urlExpiry('not a url')).toBeNull();
  });
});

describe('recordingExpiry', () => {
  const receivedAt = Date.UTC(2026, 10, 24, 12);
  const signed = 'https://s3.example/o?X-Amz-Date=20261124T120000Z&X-Amz-Expires=600';

  it('prefers expires_at, read as seconds (or as milliseconds or microseconds when it can only be those)', () => {
    const at = receivedAt + 900_000;
    for (const value of [at / 1000, at, at * 1000]) {
      expect(recordingExpiry({ expiresAtSeconds: value, url: signed, mode: 'stream', receivedAt })).toBe(at);
    }
  });

  it('never believes a URL outlives the 7-day retention', () => {
    const week = 7 * 24 * 3_600_000;
    expect(
      recordingExpiry({
        expiresAtSeconds: receivedAt / 1000 + 90 * 86_400,
        url: signed,
        mode: 'stream',
        receivedAt,
      }),
    ).toBe(receivedAt + week);
  });

  it('falls back to the URL, then to the documented policy', () => {
    expect(recordingExpiry({ expiresAtSeconds: null, url: signed, mode: 'stream', receivedAt })).toBe(
      receivedAt + 600_000,
    );
    expect(recordingExpiry({ url: 'https://cdn.example/o', mode: 'stream', receivedAt })).toBe(
      receivedAt + 15 * 60_000,
    );
    expect(recordingExpiry({ url: 'https://cdn.example/o', mode: 'download', receivedAt })).toBe(
      receivedAt + 60 * 60_000,
    );
  });

  it('moves server-clock expiries onto the device clock, but not the policy lifetime', () => {
    const offset = 10 * 60_000;
    expect(
      recordingExpiry({
        expiresAtSeconds: null,
        url: signed,
        mode: 'stream',
        receivedAt,
        clockOffsetMs: offset,
      }),
    ).toBe(receivedAt + 600_000 - offset);
    expect(
      recordingExpiry({ url: 'https://cdn.example/o', mode: 'stream', receivedAt, clockOffsetMs: offset }),
    ).toBe(receivedAt + 15 * 60_000);
  });

  it('knows the documented lifetimes', () => {
    expect(policyLifetimeMs('stream', 10 * 60)).toBe(15 * 60_000);
    expect(policyLifetimeMs('stream', 60 * 60)).toBe(70 * 60_000);
    expect(policyLifetimeMs('download')).toBe(60 * 60_000);
  });
});
