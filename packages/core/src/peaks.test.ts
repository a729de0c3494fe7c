import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wavBytes } from '../test/wavBytes';
import { parseWavHeader } from './parseWavHeader';
import { PeakAccumulator, peaksFromWav } from './peaks';

const buffer = (bytes: Uint8Array) =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

describe('peaks', () => {
  it.each([
    ['8-bit', { bits: 8 as const }],
    ['16-bit', { bits: 16 as const }],
    ['24-bit', { bits: 24 as const }],
    ['32-bit', { bits: 32 as const }],
    ['float', { format: 'float' as const }],
  ])('finds min and max per bucket for %s PCM', (_name, spec) => {
    // First half quiet (±0.1), second half loud (±0.8).
    const bytes = wavBytes({
      ...spec,
      frames: 1000,
      sample: (i) => (i < 500 ? 0.1 : 0.8) * (i % 2 ? 1 : -1),
    });
    const { peaks, min, max } = peaksFromWav(buffer(bytes), parseWavHeader(bytes), 2);
    expect(peaks[0]?.[0]).toBeCloseTo(0.1, 1);
    expect(peaks[0]?.[1]).toBeCloseTo(0.8, 1);
    expect(min[0]?.[1]).toBeCloseTo(-0.8, 1);
    expect(max[0]?.[1]).toBeCloseTo(0.8, 1);
  });

  it('keeps channels apart', () => {
    const bytes = wavBytes({ channels: 2, frames: 400, sample: (_i, c) => (c === 0 ? 0.2 : -0.9) });
    const { peaks } = peaksFromWav(buffer(bytes), parseWavHeader(bytes), 4);
    expect(Array.from(peaks[0] ?? [])).toEqual(Array(4).fill(expect.closeTo(0.2, 2)));
    expect(Array.from(peaks[1] ?? [])).toEqual(Array(4).fill(expect.closeTo(0.9, 2)));
  });

  it('accepts slices that start and end mid-frame, and spreads sparse peaks over the full width', () => {
    const bytes = wavBytes({ channels: 2, bits: 24, frames: 1000, sample: () => 0.5 });
    const header = parseWavHeader(bytes);
    const acc = new PeakAccumulator(header, 10);
    acc.add(bytes.subarray(header.dataOffset + 3001, header.dataOffset + 3301), 3001);
    expect(acc.filled(5)).toBe(true);
    expect(acc.filled(0)).toBe(false);
    expect(Array.from(acc.toPeaks()[0] ?? [])).toEqual(Array(10).fill(expect.closeTo(0.5, 2)));
  });

  it('keeps peaks in [0, 1], min <= max, and the bucket count asked for', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(8, 16, 24, 32),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 64 }),
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 1, maxLength: 50 }),
        (bits, channels, frames, buckets, values) => {
          const bytes = wavBytes({
            bits: bits as 8 | 16 | 24 | 32,
            channels,
            frames,
            sample: (i, c) => values[(i + c) % values.length] ?? 0,
          });
          const result = peaksFromWav(buffer(bytes), parseWavHeader(bytes), buckets);
          expect(result.peaks).toHaveLength(channels);
          for (let c = 0; c < channels; c += 1) {
            expect(result.peaks[c]).toHaveLength(buckets);
            for (let b = 0; b < buckets; b += 1) {
              const peak = result.peaks[c]?.[b] ?? -1;
              expect(peak).toBeGreaterThanOrEqual(0);
              expect(peak).toBeLessThanOrEqual(1);
              expect(result.min[c]?.[b] ?? 0).toBeLessThanOrEqual(result.max[c]?.[b] ?? 0);
              expect(result.min[c]?.[b] ?? 0).toBeGreaterThanOrEqual(-1);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
