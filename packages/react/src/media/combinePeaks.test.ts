import { describe, expect, it } from 'vitest';
import { combinePeaks } from './combinePeaks';

describe('combinePeaks', () => {
  it('waits until every chunk is known', () => {
    expect(combinePeaks([])).toBeNull();
    expect(combinePeaks([{ peaks: [new Float32Array([1])], duration: 10 }, null])).toBeNull();
  });

  it('places chunks of different lengths by time', () => {
    const a = { peaks: [new Float32Array(10).fill(0.2)], duration: 30 };
    const b = { peaks: [new Float32Array(10).fill(0.8)], duration: 10 };
    const combined = combinePeaks([a, b], 4);
    expect(combined?.duration).toBe(40);
    expect(Array.from(combined?.channels[0] ?? [])).toEqual([
      expect.closeTo(0.2),
      expect.closeTo(0.2),
      expect.closeTo(0.2),
      expect.closeTo(0.8),
    ]);
  });

  it('folds stereo into the louder channel', () => {
    const combined = combinePeaks([
      { peaks: [new Float32Array([0.1, 0.9]), new Float32Array([0.5, 0.2])], duration: 2 },
    ]);
    expect(Array.from(combined?.channels[0] ?? [])).toEqual([expect.closeTo(0.5), expect.closeTo(0.9)]);
  });
});
