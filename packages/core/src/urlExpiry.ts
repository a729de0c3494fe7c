/**
 * When a presigned URL stops working, read from the URL itself: `X-Goog-Date` + `X-Goog-Expires`
 * (Google Cloud Storage V4) or `X-Amz-Date` + `X-Amz-Expires` (S3 SigV4), dates as
 * `YYYYMMDDTHHMMSSZ`. Returns epoch milliseconds on the server's clock, or null when the URL carries
 * no readable expiry.
 */
export function urlExpiry(url: string): number | null {
  const signed = readSigning(url);
  return signed && signed.lifetimeSeconds !== null ? signed.signedAt + signed.lifetimeSeconds * 1000 : null;
}

/** When the URL was signed (epoch ms on the server's clock), from `X-Goog-Date` or `X-Amz-Date`. */
export function urlSigningDate(url: string): number | null {
  return readSigning(url)?.signedAt ?? null;
}

function readSigning(url: string): { signedAt: number; lifetimeSeconds: number | null } | null {
  let params: URLSearchParams;
  try {
    params = new URL(url).searchParams;
  } catch {
    return null;
  }
  for (const prefix of ['X-Goog', 'X-Amz']) {
    const date = getParam(params, `${prefix}-Date`);
    if (date === null) continue;
    const signedAt = parseSigningDate(date);
    if (signedAt === null) continue;
    const expires = getParam(params, `${prefix}-Expires`);
    const seconds = expires !== null && /^\d{1,9}$/.test(expires) ? Number(expires) : null;
    return { signedAt, lifetimeSeconds: seconds };
  }
  return null;
}

/** Query parameter names are case-insensitive in practice (`x-goog-date` appears in the wild). */
function getParam(params: URLSearchParams, name: string): string | null {
  const lower = name.toLowerCase();
  for (const [key, value] of params) if (key.toLowerCase() === lower) return value;
  return null;
}

function parseSigningDate(text: string): number | null {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match.map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const time = Date.UTC(y, mo - 1, d, h, mi, s);
  // Date.UTC rolls over out-of-range fields (month 13); a date that does not round-trip is not one.
  const check = new Date(time);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  return time;
}
