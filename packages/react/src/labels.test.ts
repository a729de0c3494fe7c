import { describe, expect, it } from 'vitest';
import { defaultLabels, resolveLabels, spokenDuration } from './labels';

describe('spokenDuration', () => {
  it('says durations the way a screen reader user expects', () => {
    expect(spokenDuration(0)).toBe('0 seconds');
    expect(spokenDuration(1)).toBe('1 second');
    expect(spokenDuration(65)).toBe('1 minute 5 seconds');
    expect(spokenDuration(1920)).toBe('32 minutes');
    expect(spokenDuration(3725)).toBe('1 hour 2 minutes 5 seconds');
    expect(spokenDuration(Number.NaN)).toBe('0 seconds');
  });
});

describe('labels', () => {
  it('describes a position against the total', () => {
    expect(defaultLabels.position(65, 1920)).toBe('1 minute 5 seconds of 32 minutes');
    expect(defaultLabels.position(65, 0)).toBe('1 minute 5 seconds');
  });

  it('keeps defaults for strings a host does not translate', () => {
    const labels = resolveLabels({ play: 'Lecture' });
    expect(labels.play).toBe('Lecture');
    expect(labels.pause).toBe('Pause');
  });
});
