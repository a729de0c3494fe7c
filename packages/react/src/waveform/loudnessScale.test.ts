import { describe, expect, it } from 'vitest';
import { MIN_HEIGHT, loudnessHeight, referenceLevel } from './loudnessScale';

const db = (value: number) => 10 ** (value / 20);

describe('the loudness scale', () => {
  it('keeps a pause, quiet speech, speech and a loud passage apart', () => {
    const reference = 0.1;
    const pause = loudnessHeight(reference * db(-45), reference);
    const quiet = loudnessHeight(reference * db(-18), reference);
    const speech = loudnessHeight(reference, reference);
    const loud = loudnessHeight(reference * db(6), reference);
    expect(pause).toBe(MIN_HEIGHT);
    expect(quiet).toBeGreaterThan(0.2);
    expect(quiet).toBeLessThan(0.45);
    expect(speech).toBeGreaterThan(0.75);
    expect(speech).toBeLessThan(0.9);
    expect(loud).toBe(1);
    // Syllables 6 dB apart differ by a sixth of the height: speech is not a wall of equal bars.
    expect(speech - loudnessHeight(reference * db(-6), reference)).toBeGreaterThan(0.15);
  });

  it('takes the speech level from the measured columns only', () => {
    const levels = [0.001, 0.05, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.2, 0.9];
    const measured = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0];
    expect(referenceLevel(levels, measured)).toBe(0.2);
    expect(referenceLevel([])).toBe(0.1);
  });
});
