import { clock, type TimerHandle } from '@ambient-audio/core';
import type WaveSurfer from 'wavesurfer.js';
import { WAVEFORM_SLIDER_STEP_S } from '../controls/LivePosition';

/**
 * One CSS pixel: the playhead is drawn on whole pixels, so a smaller step changes nothing on screen
 * but still costs a repaint of the waveform and a compositor frame.
 */
const STEP_PX = 1;
/** Beyond this the ticks come from animation frames (a zoomed view, where motion must be smooth). */
const FRAME_MS = 40;
/** The longest wait between ticks, so wavesurfer's own time stays near the media's. */
const MAX_TICK_MS = 250;

const widths = new WeakMap<WaveSurfer, () => number>();

/**
 * The drawn waveform's width (all of it when zoomed), measured when it changes rather than at every
 * tick: reading `scrollWidth` just after wavesurfer restyled the playhead forces a layout each time.
 */
function drawnWidth(ws: WaveSurfer): () => number {
  const known = widths.get(ws);
  if (known) return known;
  const wrapper = ws.getWrapper();
  let read: () => number;
  if (typeof ResizeObserver === 'undefined') {
    read = () => wrapper.scrollWidth || 1;
  } else {
    let width = wrapper.scrollWidth || 1;
    const observer = new ResizeObserver(() => {
      width = wrapper.scrollWidth || 1;
    });
    observer.observe(wrapper);
    // The observer lives as long as the waveform it measures.
    (ws as Partial<Pick<WaveSurfer, 'on'>>).on?.('destroy', () => observer.disconnect());
    read = () => width;
  }
  widths.set(ws, read);
  return read;
}

/** Seconds the playhead takes to cross one step of the drawn waveform. */
function secondsPerStep(ws: WaveSurfer): number {
  const width = drawnWidth(ws)();
  const rate = ws.getPlaybackRate() || 1;
  return (STEP_PX * ws.getDuration()) / width / rate;
}

/**
 * Wall seconds per pixel where the slider's grid halves the playhead's frames: from 0.2 (on the grid
 * it jumps at most 2.5 px) up to 0.5 (slower, it moves at most twice a second anyway).
 */
const GRID_FROM_S_PER_PX = 0.2;
const GRID_UNTIL_S_PER_PX = 0.5;

/**
 * Where the playhead is drawn while playing. Where it moves a pixel every 0.2 to 0.5 s (a short
 * recording across a wide screen) it sits on the slider's half-second grid, so the playhead, the
 * slider and the clock change in the same frame, two frames a second, instead of in frames of their
 * own (each a repaint of the waveform and a compositor frame); it is then at most half a second, and
 * 2.5 px, behind. Slower (an hour's overview: a pixel every few seconds) the grid would save no frame
 * and only pile the playhead's redraw onto the slider's; paused, or faster (zoomed in), it is exact.
 */
export function drawnProgress(
  progress: number,
  duration: number,
  wallSecondsPerPixel: number,
  isPlaying: boolean,
): number {
  const onGrid = wallSecondsPerPixel >= GRID_FROM_S_PER_PX && wallSecondsPerPixel < GRID_UNTIL_S_PER_PX;
  if (!isPlaying || !(duration > 0) || !onGrid) return progress;
  return (Math.floor((progress * duration) / WAVEFORM_SLIDER_STEP_S) * WAVEFORM_SLIDER_STEP_S) / duration;
}

/**
 * wavesurfer redraws its progress and playhead on every animation frame while playing: for an hour
 * across a thousand pixels the playhead moves a pixel every few seconds, and each redraw repaints
 * the waveform. Its renderer is kept from redrawing until the playhead has moved a pixel (or
 * playing started or stopped).
 */
export function drawPlayheadOnlyWhenItMoves(ws: WaveSurfer): void {
  const renderer = ws.getRenderer();
  const draw = renderer.renderProgress.bind(renderer);
  let lastPixel = Number.NaN;
  let lastPlaying: boolean | null = null;
  const width = drawnWidth(ws);
  renderer.renderProgress = (progress: number, isPlaying: boolean) => {
    const shown = drawnProgress(progress, ws.getDuration(), secondsPerStep(ws), isPlaying);
    const pixel = shown * width();
    if (isPlaying === lastPlaying && Math.abs(pixel - lastPixel) < STEP_PX) return;
    lastPixel = pixel;
    lastPlaying = isPlaying;
    draw(shown, isPlaying);
  };
}

interface FrameScheduler {
  start(callback: () => void): void;
  stop(): void;
  readonly running?: boolean;
  readonly callback?: (() => void) | null;
}

function frameSchedulerOf(ws: WaveSurfer): FrameScheduler | null {
  const scheduler = (ws as unknown as { frameScheduler?: Partial<FrameScheduler> }).frameScheduler;
  return scheduler && typeof scheduler.start === 'function' && typeof scheduler.stop === 'function'
    ? (scheduler as FrameScheduler)
    : null;
}

/**
 * How often the media says where it is while playing: browsers fire `timeupdate` about every 250 ms,
 * and wavesurfer moves its playhead on each one.
 */
const MEDIA_UPDATE_MS = 250;
/** A playhead that moves at most this far between two `timeupdate`s needs no loop of its own. */
const MEDIA_STEP_PX = 1.5;

/**
 * Even a tick that draws nothing costs a frame: wavesurfer asks for an animation frame 60 times a
 * second while playing, which keeps the page producing frames and costs a listening tab several
 * times the CPU of a bare `<audio>`. Its loop is paced instead by how fast the playhead moves: a
 * frame per tick when it moves a pixel within 40 ms (a zoomed view); a timer when it moves a pixel
 * sooner than the media's own `timeupdate` would move it; otherwise no loop at all, as wavesurfer
 * already redraws at each `timeupdate` (so the playhead and the clock beside it change in one frame).
 * A wavesurfer without that loop (another 8.x) is left as it is.
 */
export function tickOnlyAsOftenAsThePlayheadMoves(ws: WaveSurfer): void {
  const scheduler = frameSchedulerOf(ws);
  if (!scheduler) return;
  const stopOwnLoop = scheduler.stop.bind(scheduler);
  // Media that was already playing when wavesurfer was made started its loop in the constructor.
  const alreadyTicking = scheduler.running === true ? scheduler.callback : null;
  stopOwnLoop();
  const on = (ws as Partial<Pick<WaveSurfer, 'on'>>).on?.bind(ws);
  let running = false;
  let frame: number | null = null;
  let timer: TimerHandle | null = null;
  let listening: (() => void) | null = null;
  const stopListening = () => {
    listening?.();
    listening = null;
  };
  const cancel = () => {
    if (frame !== null) cancelAnimationFrame(frame);
    clock.clearTimeout(timer);
    stopListening();
    frame = null;
    timer = null;
  };
  scheduler.start = (callback) => {
    if (running) return;
    running = true;
    const tick = () => {
      frame = null;
      timer = null;
      if (!running) return;
      callback();
      schedule();
    };
    // Decided again after every tick and every `timeupdate`: a zoom changes how fast the playhead moves.
    const schedule = () => {
      if (!running) return;
      const waitMs = secondsPerStep(ws) * 1000;
      if (on && waitMs >= FRAME_MS && waitMs * MEDIA_STEP_PX >= MEDIA_UPDATE_MS) {
        // One subscription for as long as the media's updates are enough (a `once` re-added from its
        // own listener would be called again by the same emit).
        listening ??= on('timeupdate', schedule);
        return;
      }
      stopListening();
      if (!(waitMs >= FRAME_MS)) frame = requestAnimationFrame(tick);
      else timer = clock.setTimeout(tick, Math.min(waitMs, MAX_TICK_MS));
    };
    // The first tick at once, as wavesurfer's own loop does: `timeupdate` stays in step with play().
    tick();
  };
  scheduler.stop = () => {
    running = false;
    cancel();
    stopOwnLoop();
  };
  if (alreadyTicking) scheduler.start(alreadyTicking);
}
