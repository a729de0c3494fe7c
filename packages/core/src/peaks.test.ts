import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wavBytes } from '../test/wavBytes';
import { parseWavHeader } from './parseWavHeader';
import { PeakAccumulator, peaksFromWav, readSample } from './peaks';

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

  it('borrows the nearest measured bucket for min and max too, so they span the full width', () => {
    const bytes = wavBytes({ frames: 1000, sample: (i) => (i < 500 ? -0.25 : 0.75) });
    const header = parseWavHeader(bytes);
    const acc = new PeakAccumulator(header, 10);
    // Frames 100-129 (bucket 1) and 900-929 (bucket 9); bucket 5 is as near to both: the left one lends.
    acc.add(bytes.subarray(header.dataOffset + 200, header.dataOffset + 260), 200);
    acc.add(bytes.subarray(header.dataOffset + 1800, header.dataOffset + 1860), 1800);
    expect(acc.filledCount()).toBe(2);
    const { min, max } = acc.toMinMax();
    expect(Array.from(min[0] ?? []).map((v) => Math.round(v * 100))).toEqual([
      -25, -25, -25, -25, -25, -25, 75, 75, 75, 75,
    ]);
    expect(Array.from(max[0] ?? []).every((v, b) => v >= (min[0]?.[b] ?? 0))).toBe(true);
  });

  it('matches a sample-by-sample reference, whatever the slicing and order of the bytes', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(8, 16, 24, 32, 0),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 50 }),
        fc.array(fc.nat(10_000), { maxLength: 6 }),
        fc.integer(),
        (bits, channels, frames, buckets, cuts, seed) => {
          const bytes = wavBytes({
            ...(bits === 0 ? { format: 'float' as const } : { bits: bits as 8 | 16 | 24 | 32 }),
            channels,
            frames,
            sample: (i, c) => Math.sin(i * 0.37 + c + seed) * (((i * 7 + seed) % 11) / 10),
          });
          const header = parseWavHeader(bytes);
          const data = bytes.subarray(header.dataOffset);
          // Slices cut anywhere (mid-frame, odd offsets), added in a shuffled order.
          const points = [
            ...new Set([0, data.byteLength, ...cuts.map((c) => c % (data.byteLength + 1))]),
          ].sort((a, b) => a - b);
          const slices = points.slice(1).map((end, i) => [points[i] ?? 0, end] as const);
          const acc = new PeakAccumulator(header, buckets);
          for (const [start, end] of slices.sort(
            (a, b) => ((a[0] * 31 + seed) % 7) - ((b[0] * 31 + seed) % 7),
          )) {
            // A copy at an odd offset, so typed-array fast paths cannot assume alignment.
            const copy = new Uint8Array(end - start + 1).subarray(1);
            copy.set(data.subarray(start, end));
            acc.add(copy, start);
          }
          // The reference: every sample, one at a time, in buckets of frame * buckets / frames.
          const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
          const lo = new Float64Array(channels * buckets).fill(Infinity);
          const hi = new Float64Array(channels * buckets).fill(-Infinity);
          for (let f = 0; f < frames; f += 1) {
            const b = Math.min(buckets - 1, Math.floor((f * buckets) / frames));
            for (let c = 0; c < channels; c += 1) {
              const at = f * header.blockAlign + (c * header.bitsPerSample) / 8;
              const v = readSample(view, at, header.bitsPerSample, header.encoding);
              const i = c * buckets + b;
              lo[i] = Math.min(lo[i] ?? Infinity, v);
              hi[i] = Math.max(hi[i] ?? -Infinity, v);
            }
          }
          // Without cuts, exactly the reference; with cuts, a frame split by one is lost, never invented.
          for (let c = 0; c < channels; c += 1) {
            for (let b = 0; b < buckets; b += 1) {
              const low = lo[c * buckets + b] ?? 0;
              const high = hi[c * buckets + b] ?? 0;
              if (!Number.isFinite(low)) continue;
              const mins = acc.min[c]?.[b] ?? 0;
              const maxs = acc.max[c]?.[b] ?? 0;
              if (cuts.length === 0) {
                expect(mins).toBeCloseTo(low, 5);
                expect(maxs).toBeCloseTo(high, 5);
              } else if (Number.isFinite(mins)) {
                expect(mins).toBeGreaterThanOrEqual(low - 1e-6);
                expect(maxs).toBeLessThanOrEqual(high + 1e-6);
              }
            }
          }
        },
      ),
      { numRuns: 300 },
    );
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
