/** Faults the server can inject, server-wide or per session, to prove the player against bad days. */
export interface Faults {
  /** Added to every API and storage response, ms. */
  latencyMs?: number;
  /** Added to API responses only, ms: a slow API in front of storage that answers at once. */
  apiLatencyMs?: number;
  /** Each storage body streams no faster than this. */
  bandwidthBytesPerSecond?: number;
  /**
   * All storage bodies together stream no faster than this: one shared link, like a clinic's
   * connection (the benchmark's 50 Mbit/s), however many requests run at once.
   */
  linkBandwidthBytesPerSecond?: number;
  /** Share (0..1) of API requests answered 503, drawn from a seeded generator. */
  apiErrorRate?: number;
  /** Storage responses are cut (connection reset) after this many body bytes. */
  dropAfterBytes?: number;
  /**
   * The API never answers: each request is held until the client gives up or the server stops
   * (checked after `latencyMs`, before everything else).
   */
  apiHang?: boolean;
  /**
   * The API answers `307 Temporary Redirect` with `Location:` this URL, before looking at the token;
   * when the value ends with `/`, the request's path and query are appended to it (without doubling
   * the slash). For proving that a client does not follow a redirect with its token.
   */
  apiRedirectTo?: string;
}

const numberFaults = [
  'latencyMs',
  'apiLatencyMs',
  'bandwidthBytesPerSecond',
  'linkBandwidthBytesPerSecond',
  'apiErrorRate',
  'dropAfterBytes',
] as const satisfies readonly (keyof Faults)[];

/**
 * Checks untrusted input (the admin surface's JSON) against the Faults type: an object with known
 * keys only, numbers finite and not negative (`apiErrorRate` 0..1, bandwidths above 0), `apiHang` a
 * boolean, `apiRedirectTo` a non-empty string. Returns the faults, or a message saying what is wrong
 * (naming the key, never echoing the value).
 */
export function parseFaults(input: unknown): { faults: Faults } | { error: string } {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return { error: 'faults must be an object' };
  const faults: Faults = {};
  for (const [key, value] of Object.entries(input)) {
    if ((numberFaults as readonly string[]).includes(key)) {
      const name = key as (typeof numberFaults)[number];
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
        return { error: `faults.${key} must be a finite number, 0 or more` };
      if (name === 'apiErrorRate' && value > 1) return { error: 'faults.apiErrorRate must be 0..1' };
      if ((name === 'bandwidthBytesPerSecond' || name === 'linkBandwidthBytesPerSecond') && value === 0)
        return { error: `faults.${key} must be above 0` };
      faults[name] = value;
    } else if (key === 'apiHang') {
      if (typeof value !== 'boolean') return { error: 'faults.apiHang must be a boolean' };
      faults.apiHang = value;
    } else if (key === 'apiRedirectTo') {
      if (typeof value !== 'string' || value === '')
        return { error: 'faults.apiRedirectTo must be a non-empty string' };
      faults.apiRedirectTo = value;
    } else {
      return { error: `unknown fault ${JSON.stringify(key.slice(0, 64))}` };
    }
  }
  return { faults };
}

/** Mulberry32: a small seeded generator, so a fault pattern is the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A shared link: pieces queue for their transmission time, whichever response they belong to. */
export class Link {
  private busyUntil = 0;

  /** Waits until `bytes` could have crossed a link of `bytesPerSecond` after everything before them. */
  async transmit(bytes: number, bytesPerSecond: number): Promise<void> {
    const now = Date.now();
    this.busyUntil = Math.max(now, this.busyUntil) + (bytes / bytesPerSecond) * 1000;
    const wait = this.busyUntil - now;
    if (wait > 1) await sleep(wait);
  }
}
