import { formatTime } from './formatTime';

export interface TimeDisplayProps {
  /** Playback position in seconds. */
  currentTime: number;
  /** Total length in seconds; unknown (NaN or 0) before metadata arrives. */
  duration: number;
  className?: string;
}

/**
 * Elapsed and total time as `1:05 / 32:00`. The clock text is hidden from screen readers because the
 * seek slider already announces the position in words; reading both would say it twice.
 */
export function TimeDisplay({ currentTime, duration, className }: TimeDisplayProps) {
  return (
    <span className={className ? `aa-time ${className}` : 'aa-time'} aria-hidden="true">
      <span className="aa-time-current">{formatTime(currentTime)}</span>
      <span className="aa-time-separator"> / </span>
      <span className="aa-time-total">{formatTime(duration)}</span>
    </span>
  );
}
