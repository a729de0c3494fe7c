import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type WaveSurfer from 'wavesurfer.js';
import {
  drawPlayheadOnlyWhenItMoves,
  drawnProgress,
  tickOnlyAsOftenAsThePlayheadMoves,
} from './playheadPacing';

/** wavesurfer 8's frame loop as it is: a tick per animation frame from start() to stop(). */
class FrameSchedulerLike {
  running = false;
  callback: (() => void) | null = null;
  frameId: number | null = null;
  start(callback: () => void) {
    this.callback = callback;
    if (this.running) return;
    this.running = true;
    const tick = () => {
      if (!this.running) return;
      this.frameId = requestAnimationFrame(tick);
      this.callback?.();
    };
    tick();
  }
  stop() {
    this.running = false;
    if (this.frameId !== null) cancelAnimationFrame(this.frameId);
    this.frameId = null;
  }
}

/**
 * wavesurfer's `on('timeupdate')`, which it emits at each of the media's `timeupdate`s, from a live
 * Set as its EventEmitter does (a listener added during an emit is called by that emit).
 */
function fakeWavesurfer(duration: number, width: number, rate = 1) {
  const frameScheduler = new FrameSchedulerLike();
  const timeupdate = new Set<() => void>();
  const view = { duration, width };
  const wrapper = {
    get scrollWidth() {
      return view.width;
    },
  };
  const ws = {
    frameScheduler,
    getWrapper: () => wrapper,
    getDuration: () => view.duration,
    getPlaybackRate: () => rate,
    on: (event: string, listener: () => void) => {
      if (event !== 'timeupdate') return () => {};
      timeupdate.add(listener);
      return () => timeupdate.delete(listener);
    },
  };
  /** The media's `timeupdate`, as the browser fires it. */
  const mediaTimeUpdate = () => timeupdate.forEach((listener) => listener());
  return { ws: ws as unknown as WaveSurfer, frameScheduler, view, mediaTimeUpdate, timeupdate };
}

describe('the playhead loop', () => {
  beforeEach(() => {
    vi.useFakeTimers({
      toFake: [
        'setTimeout',
        'clearTimeout',
        'requestAnimationFrame',
        'cancelAnimationFrame',
        'performance',
        'Date',
      ],
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it('runs no loop of its own for an hour across 1000 px: the timeupdate of the media moves the playhead', () => {
    const { ws, frameScheduler, timeupdate, mediaTimeUpdate } = fakeWavesurfer(3600, 1000);
    tickOnlyAsOftenAsThePlayheadMoves(ws);
    const raf = vi.spyOn(window, 'requestAnimationFrame');
    const tick = vi.fn();
    frameScheduler.start(tick);
    vi.advanceTimersByTime(10_000);
    // A pixel is 3.6 s: wavesurfer's own redraw at each timeupdate is enough; one tick at the start.
    expect(tick).toHaveBeenCalledTimes(1);
    expect(raf).not.toHaveBeenCalled();
    expect(timeupdate.size).toBe(1);
    // Each timeupdate decides again, and keeps the one subscription.
    mediaTimeUpdate();
    mediaTimeUpdate();
    expect(timeupdate.size).toBe(1);
    frameScheduler.stop();
    expect(timeupdate.size).toBe(0);
  });

  it('starts animation frames again at the next timeupdate when the view is zoomed in', () => {
    const { ws, frameScheduler, view, mediaTimeUpdate } = fakeWavesurfer(3600, 1000);
    tickOnlyAsOftenAsThePlayheadMoves(ws);
    const tick = vi.fn();
    frameScheduler.start(tick);
    // Zoomed to ten seconds across 1000 px: a pixel every 10 ms.
    view.width = 360_000;
    mediaTimeUpdate();
    vi.advanceTimersByTime(1000);
    expect(tick.mock.calls.length).toBeGreaterThanOrEqual(55);
    frameScheduler.stop();
    const after = tick.mock.calls.length;
    vi.advanceTimersByTime(1000);
    expect(tick.mock.calls.length).toBe(after);
  });

  it('ticks on a timer of its own, not 60 times a second, without the timeupdate event of wavesurfer', () => {
    const { ws, frameScheduler } = fakeWavesurfer(3600, 1000);
    (ws as unknown as { on?: unknown }).on = undefined;
    tickOnlyAsOftenAsThePlayheadMoves(ws);
    const raf = vi.spyOn(window, 'requestAnimationFrame');
    const tick = vi.fn();
    frameScheduler.start(tick);
    vi.advanceTimersByTime(10_000);
    expect(tick.mock.calls.length).toBeGreaterThanOrEqual(40);
    expect(tick.mock.calls.length).toBeLessThanOrEqual(41);
    expect(raf).not.toHaveBeenCalled();
    frameScheduler.stop();
    vi.advanceTimersByTime(10_000);
    expect(tick.mock.calls.length).toBeLessThanOrEqual(41);
  });

  it('ticks every frame in a zoomed view, where the playhead moves a pixel a frame', () => {
    // Ten seconds across 1000 px: a pixel is 10 ms.
    const { ws, frameScheduler } = fakeWavesurfer(10, 1000);
    tickOnlyAsOftenAsThePlayheadMoves(ws);
    const tick = vi.fn();
    frameScheduler.start(tick);
    vi.advanceTimersByTime(1000);
    expect(tick.mock.calls.length).toBeGreaterThanOrEqual(55);
    frameScheduler.stop();
  });

  it('ticks once per whole pixel: two minutes across 1000 px is a tick every 120 ms', () => {
    // A timeupdate every 250 ms would move it 2 px at a time: the loop keeps it to one.
    const { ws, frameScheduler } = fakeWavesurfer(120, 1000);
    tickOnlyAsOftenAsThePlayheadMoves(ws);
    const raf = vi.spyOn(window, 'requestAnimationFrame');
    const tick = vi.fn();
    frameScheduler.start(tick);
    vi.advanceTimersByTime(12_000);
    // 100 pixels in 12 s (a half-pixel step would be twice as many redraws for nothing on screen).
    expect(tick.mock.calls.length).toBeGreaterThanOrEqual(100);
    expect(tick.mock.calls.length).toBeLessThanOrEqual(102);
    expect(raf).not.toHaveBeenCalled();
    frameScheduler.stop();
  });

  it('ticks twice as often at 2× speed', () => {
    const { ws, frameScheduler } = fakeWavesurfer(120, 1000, 2);
    tickOnlyAsOftenAsThePlayheadMoves(ws);
    const tick = vi.fn();
    frameScheduler.start(tick);
    vi.advanceTimersByTime(12_000);
    expect(tick.mock.calls.length).toBeGreaterThanOrEqual(200);
    expect(tick.mock.calls.length).toBeLessThanOrEqual(202);
    frameScheduler.stop();
  });

  it('takes over a loop that started before it (media already playing when wavesurfer was made)', () => {
    const { ws, frameScheduler } = fakeWavesurfer(3600, 1000);
    const tick = vi.fn();
    frameScheduler.start(tick);
    tickOnlyAsOftenAsThePlayheadMoves(ws);
    tick.mockClear();
    vi.advanceTimersByTime(1000);
    // No frames: the media's timeupdate moves an hour's playhead.
    expect(tick.mock.calls.length).toBeLessThanOrEqual(1);
    frameScheduler.stop();
  });

  it('leaves a wavesurfer without that loop as it is', () => {
    const ws = { getWrapper: () => ({ scrollWidth: 1 }), getDuration: () => 1 } as unknown as WaveSurfer;
    expect(() => tickOnlyAsOftenAsThePlayheadMoves(ws)).not.toThrow();
  });
});

describe('where the playhead is drawn', () => {
  /** A renderer that records what it was asked to draw, on a wavesurfer of `duration` s across `width` px. */
  function drawing(duration: number, width: number, rate = 1) {
    const drawn: { progress: number; playing: boolean }[] = [];
    const renderer = {
      renderProgress: (progress: number, playing: boolean) => void drawn.push({ progress, playing }),
    };
    const ws = {
      getRenderer: () => renderer,
      getWrapper: () => ({ scrollWidth: width }),
      getDuration: () => duration,
      getPlaybackRate: () => rate,
    } as unknown as WaveSurfer;
    drawPlayheadOnlyWhenItMoves(ws);
    /** The media's `timeupdate`s, every 250 ms from `from` to `to` seconds, as wavesurfer passes them on. */
    const play = (from: number, to: number) => {
      for (let t = from; t <= to + 1e-9; t += 0.25 * rate) renderer.renderProgress(t / duration, true);
    };
    return { drawn, renderer, play };
  }

  it('draws five minutes across 1200 px twice a second, on the slider’s half-second grid', () => {
    const { drawn, play } = drawing(300, 1200);
    play(10, 20);
    // 4 px a second: without the grid, a redraw at each of the 40 timeupdates.
    expect(drawn.length).toBeGreaterThanOrEqual(20);
    expect(drawn.length).toBeLessThanOrEqual(21);
    for (const { progress } of drawn) {
      const seconds = progress * 300;
      expect(Math.abs(seconds * 2 - Math.round(seconds * 2))).toBeLessThan(1e-6);
    }
  });

  it('draws a paused playhead (a seek) exactly where it is', () => {
    const { drawn, renderer } = drawing(300, 1200);
    renderer.renderProgress(123.37 / 300, false);
    expect(drawn.at(-1)?.progress).toBeCloseTo(123.37 / 300, 9);
  });

  it('stays exact where the grid would save no frame: zoomed in, at 2× speed, or an hour’s crawl', () => {
    expect(drawnProgress(61.3 / 300, 300, 0.05, true)).toBeCloseTo(61.3 / 300, 9);
    expect(drawnProgress(61.3 / 300, 300, 0.125, true)).toBeCloseTo(61.3 / 300, 9);
    expect(drawnProgress(61.3 / 300, 300, 0.25, true)).toBeCloseTo(61 / 300, 9);
    expect(drawnProgress(612.3 / 3600, 3600, 3, true)).toBeCloseTo(612.3 / 3600, 9);
  });

  it('moves an hour’s playhead at each whole pixel, at the first timeupdate past it', () => {
    const { drawn, play } = drawing(3600, 1200);
    play(0, 60);
    // 3 s a pixel: 20 pixels in the minute, each drawn once, at most one timeupdate (1/12 px) late.
    expect(drawn.length).toBeGreaterThanOrEqual(20);
    expect(drawn.length).toBeLessThanOrEqual(21);
    for (const [i, { progress }] of drawn.entries())
      if (i > 0) expect(progress * 1200 - Math.floor(progress * 1200)).toBeLessThan(0.25 / 3 + 1e-6);
  });
});
