/**
 * Clock text for a position in seconds: `m:ss` under an hour, `h:mm:ss` from an hour on, so a
 * two-hour visit reads `1:05:09` rather than `65:09`. Invalid input (NaN before metadata loads,
 * negative values) reads as `0:00` instead of `NaN:NaN`.
 */
export function formatTime(seconds: number): string {
  const total = Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds) : 0;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
