/** Faults the server can inject, server-wide or per session, to prove the player against bad days. */
export interface Faults {
  /** Added to every API and storage response, ms. */
  latencyMs?: number;
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
