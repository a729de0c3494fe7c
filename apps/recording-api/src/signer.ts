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

/** RFC 3986 percent-encoding, as SigV4 canonical requests use it: only `A-Z a-z 0-9 - _ . ~` stay. */
export function rfc3986(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Decodes one percent-encoded component; null when the encoding is malformed. */
function decode(text: string, plusIsSpace: boolean): string | null {
  try {
    return decodeURIComponent(plusIsSpace ? text.replace(/\+/g, ' ') : text);
  } catch {
    return null;
  }
}

/**
 * The canonical URI of SigV4: each path segment decoded, then RFC 3986-encoded again (`/` between
 * segments kept, an encoded `%2F` inside a segment stays `%2F`). Null when the path is malformed.
 */
export function canonicalPath(path: string): string | null {
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    const decoded = decode(segment, false);
    if (decoded === null) return null;
    segments.push(rfc3986(decoded));
  }
  return segments.join('/');
}

/**
 * A raw query string (without `?`) as its decoded `[key, value]` pairs, in order, duplicates kept.
 * Null when any part is not valid percent-encoding.
 */
export function parseQuery(raw: string): [string, string][] | null {
  const pairs: [string, string][] = [];
  for (const part of raw.split('&')) {
    if (part === '') continue;
    const at = part.indexOf('=');
    const key = decode(at === -1 ? part : part.slice(0, at), true);
    const value = decode(at === -1 ? '' : part.slice(at + 1), true);
    if (key === null || value === null) return null;
    pairs.push([key, value]);
  }
  return pairs;
}

/** SigV4's canonical query string: keys and values RFC 3986-encoded, sorted by key then value, `&`. */
export function canonicalQuery(pairs: readonly (readonly [string, string])[]): string {
  return pairs
    .map(([key, value]) => [rfc3986(key), rfc3986(value)] as const)
    .sort(([ka, va], [kb, vb]) => (ka < kb ? -1 : ka > kb ? 1 : va < vb ? -1 : va > vb ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
}

/**
 * The embedded storage's presigned URLs: query parameters shaped like the real ones (so a client can
 * read the expiry from `X-Amz-Date` + `X-Amz-Expires` or `X-Goog-Date` + `X-Goog-Expires`), signed
 * like SigV4 / GCS V4: an HMAC over the canonical (URI-encoded) path and the canonical query string
 * of every parameter but the signature. Anything added, removed, duplicated, altered or reshaped
 * (say, one parameter folded into another's value) breaks the signature; reordering does not, as
 * with real S3.
 */
export class UrlSigner {
  constructor(
    private readonly secret: string,
    private readonly flavour: SignatureFlavour,
  ) {}

  sign({ path, signedAt, expiresInSeconds, download }: SignedParams): string {
    const p = this.prefix();
    const pairs: [string, string][] = [
      [`${p}-Algorithm`, this.flavour === 's3' ? 'AWS4-HMAC-SHA256' : 'GOOG4-HMAC-SHA256'],
      [
        `${p}-Credential`,
        `reference-storage/${amzDate(signedAt).slice(0, 8)}/auto/storage/${this.flavour === 's3' ? 'aws4_request' : 'goog4_request'}`,
      ],
      [`${p}-Date`, amzDate(signedAt)],
      [`${p}-Expires`, String(expiresInSeconds)],
      [`${p}-SignedHeaders`, 'host'],
    ];
    if (download) pairs.push(['response-content-disposition', 'attachment']);
    const uri = canonicalPath(path);
    if (uri === null) throw new Error('Cannot sign a malformed storage path');
    pairs.push([`${p}-Signature`, this.mac(uri, pairs)]);
    return `${uri}?${pairs.map(([key, value]) => `${rfc3986(key)}=${rfc3986(value)}`).join('&')}`;
  }

  /**
   * Checks a request's signature against its raw path and raw query string (without `?`); on
   * success, when it expires (epoch ms) and whether it is a download.
   */
  verify(path: string, rawQuery: string): { expiresAt: number; download: boolean } | null {
    const p = this.prefix();
    const uri = canonicalPath(path);
    const pairs = parseQuery(rawQuery);
    if (uri === null || pairs === null) return null;
    const keys = new Set(pairs.map(([key]) => key));
    // A parameter given twice is refused outright: which copy would count is exactly the ambiguity
    // a reshaped URL exploits.
    if (keys.size !== pairs.length) return null;
    const value = (key: string) => pairs.find(([k]) => k === key)?.[1];
    const signature = value(`${p}-Signature`);
    const date = value(`${p}-Date`);
    const expires = value(`${p}-Expires`);
    if (!signature || !date || !expires || !/^[0-9a-f]{64}$/.test(signature)) return null;
    const signed = pairs.filter(([key]) => key !== `${p}-Signature`);
    const expected = Buffer.from(this.mac(uri, signed), 'hex');
    const given = Buffer.from(signature, 'hex');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const signedAt = parseAmzDate(date);
    if (signedAt === null || !/^\d+$/.test(expires)) return null;
    return {
      expiresAt: signedAt + Number(expires) * 1000,
      download: value('response-content-disposition') === 'attachment',
    };
  }

  private prefix(): string {
    return this.flavour === 's3' ? 'X-Amz' : 'X-Goog';
  }

  private mac(uri: string, pairs: readonly (readonly [string, string])[]): string {
    const canonical = canonicalQuery(pairs.filter(([key]) => key !== `${this.prefix()}-Signature`));
    return createHmac('sha256', this.secret).update(`${uri}\n${canonical}`).digest('hex');
  }
}
