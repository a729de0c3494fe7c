import { createHmac, timingSafeEqual } from 'node:crypto';

export type SignatureFlavour = 's3' | 'gcs';

export interface SignedParams {
  path: string;
  /** Signing time, epoch ms. */
  signedAt: number;
  expiresInSeconds: number;
  download: boolean;
}

/** `YYYYMMDDTHHMMSSZ`, the date format of both S3 SigV4 and GCS V4 signed URLs. */
export function amzDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function parseAmzDate(text: string): number | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

/**
 * The embedded storage's presigned URLs: query parameters shaped like the real ones (so a client can
 * read the expiry from `X-Amz-Date` + `X-Amz-Expires` or `X-Goog-Date` + `X-Goog-Expires`), signed
 * with an HMAC over the path, date, lifetime and disposition. Anything altered breaks the signature.
 */
export class UrlSigner {
  constructor(
    private readonly secret: string,
    private readonly flavour: SignatureFlavour,
  ) {}

  sign({ path, signedAt, expiresInSeconds, download }: SignedParams): string {
    const p = this.prefix();
    const params = new URLSearchParams();
    params.set(`${p}-Algorithm`, this.flavour === 's3' ? 'AWS4-HMAC-SHA256' : 'GOOG4-HMAC-SHA256');
    params.set(
      `${p}-Credential`,
      `reference-storage/${amzDate(signedAt).slice(0, 8)}/auto/storage/${this.flavour === 's3' ? 'aws4_request' : 'goog4_request'}`,
    );
    params.set(`${p}-Date`, amzDate(signedAt));
    params.set(`${p}-Expires`, String(expiresInSeconds));
    params.set(`${p}-SignedHeaders`, 'host');
    if (download) params.set('response-content-disposition', 'attachment');
    params.set(`${p}-Signature`, this.mac(path, params));
    return `${path}?${params.toString()}`;
  }

  /** Checks a request's signature; on success, when it expires (epoch ms) and whether it is a download. */
  verify(path: string, query: URLSearchParams): { expiresAt: number; download: boolean } | null {
    const p = this.prefix();
    const signature = query.get(`${p}-Signature`);
    const date = query.get(`${p}-Date`);
    const expires = query.get(`${p}-Expires`);
    if (!signature || !date || !expires) return null;
    const unsigned = new URLSearchParams(query);
    unsigned.delete(`${p}-Signature`);
    const expected = Buffer.from(this.mac(path, unsigned), 'hex');
    const given = Buffer.from(signature, 'hex');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const signedAt = parseAmzDate(date);
    if (signedAt === null || !/^\d+$/.test(expires)) return null;
    return {
      expiresAt: signedAt + Number(expires) * 1000,
      download: query.get('response-content-disposition') === 'attachment',
    };
  }

  private prefix(): string {
    return this.flavour === 's3' ? 'X-Amz' : 'X-Goog';
  }

  private mac(path: string, params: URLSearchParams): string {
    const canonical = [...params.entries()]
      .filter(([key]) => !key.endsWith('-Signature'))
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([key, value]) => `${key}=${value}`)
      .join('&');
    return createHmac('sha256', this.secret).update(`${path}\n${canonical}`).digest('hex');
  }
}
