import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type WaveSurfer from 'wavesurfer.js';
import { tickOnlyAsOftenAsThePlayheadMoves } from './playheadPacing';

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
