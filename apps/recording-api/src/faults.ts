/** Faults the server can inject, server-wide or per session, to prove the player against bad days. */
export interface Faults {
  /** Added to every API and storage response, ms. */
  latencyMs?: number;
  /** Storage bodies stream no faster than this. */
  bandwidthBytesPerSecond?: number;
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
