/**
 * How long a player waits between asks for a fresh URL while it cannot play (its URL expired and the
 * refresh failed: the API is slow or down, the laptop is offline): 1, 2, 4, 8, 16, then every 30 s,
 * with a little jitter so the players of a clinic do not ask in step. Never a storm, never giving up
 * while the listener still wants to listen.
 */
export const RECONNECT_MAX_DELAY_MS = 30_000;

export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(RECONNECT_MAX_DELAY_MS, 1_000 * 2 ** Math.max(0, attempt));
  return Math.round(base * (0.85 + 0.3 * random()));
}
