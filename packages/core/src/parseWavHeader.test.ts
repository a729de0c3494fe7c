import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wavBytes } from '../test/wavBytes';
import { WavFormatError } from './errors';
import { parseWavHeader } from './parseWavHeader';

describe('parseWavHeader', () => {
  it('reads 16-bit mono PCM', () => {
    const header = parseWavHeader(wavBytes({ frames: 16000 }));
    expect(header).toEqual({
      encoding: 'pcm',
      channels: 1,
      sampleRate: 16000,
      bitsPerSample: 16,
      blockAlign: 2,
      dataOffset: 44,
      dataBytes: 32000,
      durationSeconds: 1,
    });
  });

  it.each([8, 16, 24, 32] as const)('reads %i-bit integer PCM', (bits) => {
    const header = parseWavHeader(wavBytes({ bits, channels: 2, sampleRate: 44100, frames: 441 }));
    expect(header).toMatchObject({ encoding: 'pcm', bitsPerSample: bits, channels: 2, blockAlign: bits / 4 });
    expect(header.durationSeconds).toBeCloseTo(0.01);
  });

  it('reads 32-bit float and WAVE_FORMAT_EXTENSIBLE', () => {
    expect(parseWavHeader(wavBytes({ format: 'float' }))).toMatchObject({
      encoding: 'float',
      bitsPerSample: 32,
    });
    expect(parseWavHeader(wavBytes({ format: 'extensible', bits: 24 }))).toMatchObject({
      encoding: 'pcm',
      bitsPerSample: 24,
      dataOffset: 12 + 8 + 40 + 8,
    });
  });

  it('skips LIST and fact chunks, padding odd sizes', () => {
    const header = parseWavHeader(
      wavBytes({
        extraChunks: [
          { id: 'LIST', size: 27 },
          { id: 'fact', size: 4 },
        ],
        frames: 100,
      }),
    );
    expect(header.dataOffset).toBe(36 + 8 + 28 + 8 + 4 + 8);
    expect(header.dataBytes).toBe(200);
  });

  it('runs a streaming header (data size 0 or 0xFFFFFFFF) to the end of the file', () => {
    for (const declaredDataSize of [0, 0xffffffff]) {
      const bytes = wavBytes({ frames: 1000, declaredDataSize });
      expect(parseWavHeader(bytes.subarray(0, 64), bytes.byteLength).dataBytes).toBe(2000);
    }
  });

  it('trims a declared size that runs past the end of the file', () => {
    const bytes = wavBytes({ frames: 1000, declaredDataSize: 1_000_000 });
    expect(parseWavHeader(bytes, bytes.byteLength).dataBytes).toBe(2000);
  });

  it.each([
    ['too short', new Uint8Array(8)],
    ['not RIFF', new TextEncoder().encode('ID3\u0004xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx')],
    ['cut before data', wavBytes().subarray(0, 40)],
    [
      'unsupported 12-bit',
      (() => {
        const b = wavBytes();
        new DataView(b.buffer).setUint16(34, 12, true);
        return b;
      })(),
    ],
  ])('throws WavFormatError for %s', (_what, bytes) => {
    expect(() => parseWavHeader(bytes)).toThrow(WavFormatError);
  });

  it('never throws anything but WavFormatError on random or mutated headers, and always returns', () => {
    const valid = wavBytes({ extraChunks: [{ id: 'LIST', size: 9 }], frames: 64 });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 256 }),
          fc
            .array(fc.tuple(fc.nat(valid.byteLength - 1), fc.integer({ min: 0, max: 255 })), {
              maxLength: 12,
            })
            .map((edits) => {
              const copy = valid.slice();
              for (const [at, value] of edits) copy[at] = value;
              return copy;
            }),
        ),
        fc.option(fc.nat(10_000_000), { nil: undefined }),
        (bytes, total) => {
          try {
            const header = parseWavHeader(bytes, total);
            expect(header.dataBytes).toBeGreaterThanOrEqual(0);
            expect(Number.isFinite(header.durationSeconds)).toBe(true);
          } catch (error) {
            expect(error).toBeInstanceOf(WavFormatError);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
