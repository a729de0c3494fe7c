import { ColumnQuality, type WaveformDetail } from '@ambient-audio/core';
import { describe, expect, it } from 'vitest';
import { overviewColumns, zoomedColumns, type WaveformLoudness } from './displayColumns';
import { loudnessRenderer } from './drawLoudness';
import { loudnessHeight } from './loudnessScale';

const REFERENCE = 0.2;

/** 40 s in four overview columns of 10 s: loud, quiet (sampled), silent (estimated), loud. */
const loudness: WaveformLoudness = {
  duration: 40,
  peak: Float32Array.of(0.8, 0.1, 0, 0.6),
  rms: Float32Array.of(0.3, 0.02, 0, 0.25),
  quality: Uint8Array.of(
    ColumnQuality.exact,
    ColumnQuality.sampled,
    ColumnQuality.estimated,
    ColumnQuality.exact,
  ),
};

/** The detail of [10, 20) at 10 bins a second: speech at 0.4 peak / 0.1 RMS, known where `known` says. */
function detail(exact = true, known: (bin: number) => boolean = () => true): WaveformDetail {
  return {
    start: 10,
    binsPerSecond: 10,
    peak: new Float32Array(100).fill(0.4),
    rms: new Float32Array(100).fill(0.1),
    known: Uint8Array.from({ length: 100 }, (_, bin) => (known(bin) ? 1 : 0)),
    complete: true,
    exact,
    bytesFetched: 0,
  };
}

describe('zoomedColumns', () => {
  it('takes the detail where it was read and the overview’s columns elsewhere', () => {
    const overview = overviewColumns(loudness, REFERENCE);
    // One column a second: 40 columns.
    const drawn = zoomedColumns(loudness, detail(), 1, REFERENCE);
    expect(drawn.envelope).toHaveLength(40);
    for (let c = 0; c < 40; c += 1) {
      if (c >= 10 && c < 20) {
        expect(drawn.envelope[c]).toBeCloseTo(loudnessHeight(0.4, REFERENCE));
        expect(drawn.level[c]).toBeCloseTo(loudnessHeight(0.1, REFERENCE));
      } else {
        const o = Math.floor(c / 10);
        expect(drawn.envelope[c]).toBe(overview.envelope[o]);
        expect(drawn.level[c]).toBe(overview.level[o]);
      }
    }
    // The overview's sampled and estimated columns keep their mark (a negative level).
    expect(drawn.level[25]).toBeLessThan(0);
    expect(drawn.level[5]).toBeGreaterThan(0);
  });

  it('leaves a column to the overview unless every bin in it is known', () => {
    // Bin 55 (15.5 s) not read yet: column 15 is the overview's (sampled, negative).
    const drawn = zoomedColumns(
      loudness,
      detail(true, (bin) => bin !== 55),
      1,
      REFERENCE,
    );
    expect(drawn.level[15]).toBe(overviewColumns(loudness, REFERENCE).level[1]);
    expect(drawn.level[14]).toBeCloseTo(loudnessHeight(0.1, REFERENCE));
  });

  it('draws a sampled detail (a view too long to read whole) as sampled', () => {
    const drawn = zoomedColumns(loudness, detail(false), 1, REFERENCE);
    expect(drawn.level[12]).toBeCloseTo(-loudnessHeight(0.1, REFERENCE));
  });

  it('without a detail, is the overview stretched', () => {
    const drawn = zoomedColumns(loudness, null, 0.5, REFERENCE);
    const overview = overviewColumns(loudness, REFERENCE);
    expect([...drawn.envelope]).toEqual(
      [0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3].map((o) => overview.envelope[o]),
    );
  });
});

describe('loudnessRenderer', () => {
  /** The calls a canvas context receives, with the alpha each fill was made at. */
  function recordingContext(width: number, height: number) {
    const fills: { x: number; y: number; w: number; h: number; alpha: number }[] = [];
    const context = {
      canvas: { width, height },
      globalAlpha: 1,
      fillRect(x: number, y: number, w: number, h: number) {
        fills.push({ x, y, w, h, alpha: this.globalAlpha });
      },
    };
    return { context: context as unknown as CanvasRenderingContext2D, fills, raw: context };
  }

  it('draws each bar’s level, centred, inside a fainter peak envelope; a sampled bar has no envelope', () => {
    const { context, fills, raw } = recordingContext(6, 100);
    // Two bars of 2 px with a 1 px gap; the second one sampled (negative level).
    loudnessRenderer({ barWidth: 2, barGap: 1, envelopeOpacity: 0.5 })(
      [Float32Array.of(0.9, 0.8), Float32Array.of(0.5, -0.4)],
      context,
    );
    const envelopes = fills.filter((fill) => fill.alpha === 0.5);
    const levels = fills.filter((fill) => fill.alpha === 1);
    expect(envelopes).toEqual([{ x: 0, y: 5, w: 2, h: 90, alpha: 0.5 }]);
    expect(levels).toEqual([
      { x: 0, y: 25, w: 2, h: 50, alpha: 1 },
      { x: 3, y: 30, w: 2, h: 40, alpha: 1 },
    ]);
    // The context's alpha is left as it was found.
    expect(raw.globalAlpha).toBe(1);
  });
});
