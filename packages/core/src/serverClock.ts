/**
 * How far the server's clock is from this device's. Expiry times come on the server's clock
 * (`expires_at`, or the signing date inside the URL); a laptop ten minutes fast would otherwise see
 * every fifteen-minute URL as nearly dead and one fast by more than a URL's lifetime could not play
 * at all. The estimate comes from the API answer's `Date` header when the page may read it (the API
 * must expose it to CORS), else from the signing date of a URL it just minted.
 */

export interface ServerTimeEvidence {
  /** The answer's `Date` header (HTTP-date, 1 s resolution), when readable. */
  dateHeader?: string | null | undefined;
  /** Signing date of a URL the server just minted (epoch ms on its clock), when the URL says. */
  signedAt?: number | null | undefined;
  /** This device's clock when the request was sent and when its answer arrived (epoch ms). */
  sentAt: number;
  receivedAt: number;
}

/** Offsets further than this are not believed: a hostile or broken header must not move every expiry. */
export const MAX_CLOCK_OFFSET_MS = 24 * 60 * 60 * 1000;

/**
 * Server clock minus device clock, in ms (positive: the server is ahead). 0 when nothing says
 * otherwise, or when the difference is within the evidence's own uncertainty (both sources have a
 * 1 s resolution and the server stamped the answer somewhere within the round trip).
 */
export function estimateClockOffset(evidence: ServerTimeEvidence): number {
  const { sentAt, receivedAt } = evidence;
  if (!Number.isFinite(sentAt) || !Number.isFinite(receivedAt) || receivedAt < sentAt) return 0;
  const dated = parseHttpDate(evidence.dateHeader);
  const stamped = dated ?? finite(evidence.signedAt);
  if (stamped === null) return 0;
  const roundTrip = receivedAt - sentAt;
  // The server's second [stamped, stamped + 1000) fell somewhere between sending and receiving.
  const offset = stamped + 500 - (sentAt + roundTrip / 2);
  // A signing date may also predate the answer a little (signed, then a slow lookup): it only
  // counts for differences that matter, not for the seconds it may be off by itself.
  const tolerance = (dated !== null ? 1_500 : SIGNING_DATE_TOLERANCE_MS) + roundTrip / 2;
  if (Math.abs(offset) <= tolerance) return 0;
  if (Math.abs(offset) > MAX_CLOCK_OFFSET_MS) return 0;
  return Math.round(offset);
}

/** A URL's signing date moves expiries only when it is further off than this. */
export const SIGNING_DATE_TOLERANCE_MS = 60_000;

const HTTP_DATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/** An IMF-fixdate (`Tue, 01 Dec 2026 09:32:08 GMT`), the only form RFC 9110 lets servers send. */
function parseHttpDate(text: string | null | undefined): number | null {
  if (!text || text.length > 64 || !HTTP_DATE.test(text.trim())) return null;
  return finite(Date.parse(text));
}

function finite(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
