import { describe, expect, it } from 'vitest';
import { formatTime } from './formatTime';

describe('formatTime', () => {
  it('shows minutes and seconds under an hour', () => {
    expect(formatTime(0)).toBe('0:00');
    expect(formatTime(5.9)).toBe('0:05');
    expect(formatTime(65)).toBe('1:05');
    expect(formatTime(3599)).toBe('59:59');
  });

  it('shows hours from an hour on', () => {
    expect(formatTime(3600)).toBe('1:00:00');
    expect(formatTime(3909)).toBe('1:05:09');
    expect(formatTime(7200)).toBe('2:00:00');
  });

  it('reads unknown or negative durations as zero', () => {
    expect(formatTime(Number.NaN)).toBe('0:00');
    expect(formatTime(Number.POSITIVE_INFINITY)).toBe('0:00');
    expect(formatTime(-3)).toBe('0:00');
  });
});
