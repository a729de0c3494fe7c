import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wavBytes } from '../test/wavBytes';
import { WavFormatError } from './errors';
import { parseWavHeader } from './parseWavHeader';
import { scanWavHeader } from './scanWavHeader';

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

  it('reads RF64, whose true sizes are in its ds64 chunk', () => {
    const bytes = wavBytes({ rf64: true, channels: 2, frames: 500 });
    expect(parseWavHeader(bytes)).toMatchObject({
      channels: 2,
      dataOffset: 12 + 36 + 24 + 8,
      dataBytes: 2000,
    });
  });

  it('uses the RIFF length for a streaming data size when the file length is unknown, never to trim', () => {
    const streaming = wavBytes({ frames: 1000, declaredDataSize: 0 });
    expect(parseWavHeader(streaming.subarray(0, 64)).dataBytes).toBe(2000);
    // A stale RIFF length (written before the data) does not cut a declared data size short.
    const stale = wavBytes({ frames: 1000 });
    new DataView(stale.buffer).setUint32(4, 36, true);
    expect(parseWavHeader(stale.subarray(0, 64)).dataBytes).toBe(2000);
  });

  it('finds a data chunk past the first 64 KiB, asking for the bytes it needs', () => {
    const bytes = wavBytes({ extraChunks: [{ id: 'LIST', size: 200_001 }], frames: 100 });
    const head = bytes.subarray(0, 64 * 1024);
    expect(() => parseWavHeader(head, bytes.byteLength)).toThrow(WavFormatError);
    const segments = [{ start: 0, bytes: head }];
    const at = (offset: number, length: number) => {
      const hit = segments.find((s) => offset >= s.start && offset + length <= s.start + s.bytes.byteLength);
      return hit ? new DataView(hit.bytes.buffer, hit.bytes.byteOffset + offset - hit.start, length) : null;
    };
    const first = scanWavHeader(at, bytes.byteLength);
    expect(first.need).toEqual({ offset: 12 + 24 + 200_010, length: 8 });
    const offset = first.need?.offset ?? 0;
    segments.push({ start: offset, bytes: bytes.subarray(offset, offset + 64 * 1024) });
    expect(scanWavHeader(at, bytes.byteLength).header).toEqual(parseWavHeader(bytes));
  });

  it('reads a buffer from another realm (an iframe, a worker) like any other', async () => {
    const { runInNewContext } = await import('node:vm');
    const foreign = runInNewContext('new ArrayBuffer(64)') as ArrayBuffer;
    expect(foreign instanceof ArrayBuffer).toBe(false);
    new Uint8Array(foreign).set(wavBytes({ frames: 10 }).subarray(0, 64));
    expect(parseWavHeader(foreign).dataOffset).toBe(44);
    expect(() => parseWavHeader(runInNewContext('new ArrayBuffer(8)') as ArrayBuffer)).toThrow(
      WavFormatError,
    );
  });

  it('gives up on a chain of empty chunks instead of walking it forever', () => {
    const bytes = new Uint8Array(12 + 8 * 100);
    const view = new DataView(bytes.buffer);
    [...'RIFF'].forEach((c, i) => view.setUint8(i, c.charCodeAt(0)));
    [...'WAVE'].forEach((c, i) => view.setUint8(8 + i, c.charCodeAt(0)));
    for (let at = 12; at < bytes.byteLength; at += 8)
      [...'JUNK'].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
    expect(() => parseWavHeader(bytes)).toThrow(/too many chunks/);
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

  it('scans sparse, random bytes without throwing anything but WavFormatError, in bounded steps', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 12, maxLength: 512 }),
        fc.option(fc.nat(1 << 30), { nil: undefined }),
        fc.boolean(),
        (bytes, total, rf64) => {
          if (rf64) bytes.set([0x52, 0x46, 0x36, 0x34, 0, 0, 0, 0, 0x57, 0x41, 0x56, 0x45], 0);
          let asked = 0;
          // Holes: every other 64-byte block is "not read yet".
          const at = (offset: number, length: number) => {
            asked += 1;
            if (offset + length > bytes.byteLength || Math.floor(offset / 64) % 2 === 1) return null;
            return new DataView(bytes.buffer, bytes.byteOffset + offset, length);
          };
          try {
            const scan = scanWavHeader(at, total);
            if (scan.need) expect(scan.need.offset).toBeGreaterThanOrEqual(0);
          } catch (error) {
            expect(error).toBeInstanceOf(WavFormatError);
          }
          expect(asked).toBeLessThanOrEqual(3 * 64 + 2);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
