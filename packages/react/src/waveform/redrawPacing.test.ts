import type { WaveformDetail } from '@ambient-audio/core';
import { describe, expect, it } from 'vitest';
import { REFINEMENT_REDRAW_MS, detailCoversView, redrawPacer, type DrawingRequest } from './redrawPacing';

/** A detail of [start, start + seconds) at 10 bins a second, known where `known` says (default none). */
function detail(
  start: number,
  seconds: number,
  known: (bin: number) => boolean = () => false,
): WaveformDetail {
  const count = seconds * 10;
  return {
    start,
    binsPerSecond: 10,
    peak: new Float32Array(count),
    rms: new Float32Array(count),
    known: Uint8Array.from({ length: count }, (_, bin) => (known(bin) ? 1 : 0)),
    complete: false,
    exact: true,
    bytesFetched: 0,
  };
}

const zoomA = { window: 60, start: 100 };
const zoomB = { window: 30, start: 110 };
const request = (overrides: Partial<DrawingRequest> = {}): DrawingRequest => ({
  zoom: zoomA,
  theme: 'light',
  detail: null,
  window: 60,
  ...overrides,
});

describe('detailCoversView', () => {
  it('holds only when every bin in view is known', () => {
    // The detail carries a margin of 3 s either side of the 60 s view.
    const all = detail(97, 66, () => true);
    const viewOnly = detail(97, 66, (bin) => bin >= 30 && bin < 630);
    const allButOne = detail(97, 66, (bin) => bin !== 400);
    expect(detailCoversView(all, { start: 100, end: 160 })).toBe(true);
    expect(detailCoversView(viewOnly, { start: 100, end: 160 })).toBe(true);
    expect(detailCoversView(allButOne, { start: 100, end: 160 })).toBe(false);
    expect(detailCoversView(null, { start: 100, end: 160 })).toBe(false);
    expect(detailCoversView(all, null)).toBe(false);
  });

  it('is false for a detail of another window', () => {
    const elsewhere = detail(500, 66, () => true);
    expect(detailCoversView(elsewhere, { start: 100, end: 160 })).toBe(false);
  });

  it('accepts a view that runs past the end of the recording (its bins end there)', () => {
    // A 2-hour recording's last minute: the detail stops at 7200 s.
    const last = detail(7140, 60, () => true);
    expect(detailCoversView(last, { start: 7140, end: 7200.4 })).toBe(true);
  });
});

describe('redrawPacer', () => {
  it('draws the first picture, a new zoom and new colours at once', () => {
    const pacer = redrawPacer();
    expect(pacer.delay(request(), 100, 1_000)).toBe(0);
    pacer.drew(request(), 1_000);
    expect(pacer.delay(request({ zoom: zoomB }), 100, 1_010)).toBe(0);
    expect(pacer.delay(request({ theme: 'dark' }), 100, 1_010)).toBe(0);
  });

  it('holds refinements back to one drawing per interval, counting from the last drawing', () => {
    const pacer = redrawPacer();
    pacer.drew(request(), 1_000);
    const part = detail(97, 66, (bin) => bin < 200);
    expect(pacer.delay(request({ detail: part }), 100, 1_040)).toBe(REFINEMENT_REDRAW_MS - 40);
    expect(pacer.delay(request({ detail: part }), 100, 1_000 + REFINEMENT_REDRAW_MS + 5)).toBe(0);
    pacer.drew(request({ detail: part }), 1_250);
    expect(pacer.delay(request({ detail: part }), 100, 1_300)).toBe(REFINEMENT_REDRAW_MS - 50);
  });

  it('draws the part that makes the view exact at once, and the margin after it at the pace', () => {
    const pacer = redrawPacer();
    pacer.drew(request({ detail: detail(97, 66, (bin) => bin < 200) }), 1_000);
    const viewExact = detail(97, 66, (bin) => bin >= 30 && bin < 630);
    expect(pacer.delay(request({ detail: viewExact }), 100, 1_020)).toBe(0);
    pacer.drew(request({ detail: viewExact }), 1_020);
    const withMargin = detail(97, 66, () => true);
    expect(pacer.delay(request({ detail: withMargin }), 100, 1_060)).toBe(REFINEMENT_REDRAW_MS - 40);
  });

  it('after a scroll, the drawing that makes the new view exact is not held back', () => {
    const pacer = redrawPacer();
    pacer.drew(request({ detail: detail(97, 66, () => true) }), 1_000);
    // Scrolled on to [400, 460): the last drawing does not cover it.
    const newWindow = detail(397, 66, () => true);
    expect(pacer.delay(request({ detail: newWindow }), 400, 1_050)).toBe(0);
    // Its partial reads, on the other hand, wait their turn.
    const partial = detail(397, 66, (bin) => bin < 100);
    expect(pacer.delay(request({ detail: partial }), 400, 1_050)).toBe(REFINEMENT_REDRAW_MS - 50);
  });

  it('paces the whole-recording view’s refinements too', () => {
    const pacer = redrawPacer(100);
    pacer.drew(request({ zoom: null, window: null }), 0);
    expect(pacer.delay(request({ zoom: null, window: null }), 100, 30)).toBe(70);
    expect(pacer.delay(request({ zoom: null, window: null }), 100, 130)).toBe(0);
  });
});
