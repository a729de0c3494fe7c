import { useCallback, useRef, useState } from 'react';
import type { HTMLAttributes, KeyboardEvent, PointerEvent } from 'react';

export interface UseSeekSliderOptions {
  /** Playback position in seconds. */
  value: number;
  /**
   * The exact position at this moment, for the keys, when `value` is given in steps (the player
   * shows whole seconds); `value` otherwise.
   */
  readValue?: () => number;
  /** Total length in seconds (0 while unknown: the slider is then inert). */
  duration: number;
  /** Called once per committed seek: a key press, or the release of a click or drag. */
  onSeek: (time: number) => void;
  /** Accessible name; "Seek" by default in the player's labels. */
  label: string;
  /** Spoken position for aria-valuetext. */
  valueText: (time: number, duration: number) => string;
  /** Arrow keys move by this many seconds. */
  stepSeconds?: number;
  /** PageUp and PageDown move by this many seconds. */
  pageSeconds?: number;
  disabled?: boolean;
  /** The part of the recording the surface shows when zoomed (seconds at its left edge, and across). */
  viewStart?: number;
  viewLength?: number;
}

export interface SeekSliderState {
  /** Spread onto the element that is the slider (and the click/drag surface). */
  sliderProps: HTMLAttributes<HTMLElement> & { ref: (element: HTMLElement | null) => void };
  /** The time under the pointer while dragging (live preview), else null. */
  preview: number | null;
  /** What the slider shows: the preview while dragging, the playback position otherwise. */
  shownTime: number;
}

const clamp = (t: number, max: number) => Math.min(Math.max(t, 0), max);

/**
 * Behaviour of the seek slider, markup-free (React Aria style): `role="slider"` with a spoken value,
 * arrows, PageUp/PageDown, Home/End, and pointer scrubbing that previews live and seeks once on release,
 * so dragging across an hour-long file does not fire a Range request per pixel.
 */
export function useSeekSlider(options: UseSeekSliderOptions): SeekSliderState {
  const { value, duration, onSeek, label, valueText, stepSeconds = 5, pageSeconds = 30, disabled } = options;
  const viewStart = options.viewStart ?? 0;
  const viewLength = options.viewLength && options.viewLength > 0 ? options.viewLength : duration;
  const [preview, setPreview] = useState<number | null>(null);
  const elementRef = useRef<HTMLElement | null>(null);
  // Two fingers on the surface are a pinch (zoom), not a scrub.
  const pointersRef = useRef(new Set<number>());
  const inert = disabled === true || !(duration > 0);

  const timeAt = useCallback(
    (clientX: number) => {
      const rect = elementRef.current?.getBoundingClientRect();
      if (!rect || rect.width <= 0) return 0;
      return clamp(viewStart + ((clientX - rect.left) / rect.width) * viewLength, duration);
    },
    [duration, viewStart, viewLength],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (inert) return;
    const now = options.readValue?.() ?? value;
    const moves: Record<string, number> = {
      ArrowLeft: now - stepSeconds,
      ArrowDown: now - stepSeconds,
      ArrowRight: now + stepSeconds,
      ArrowUp: now + stepSeconds,
      PageDown: now - pageSeconds,
      PageUp: now + pageSeconds,
      Home: 0,
      End: duration,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    // The slider's keys must not also reach the player's shortcuts.
    event.stopPropagation();
    onSeek(clamp(target, duration));
  };

  const onPointerDown = (event: PointerEvent<HTMLElement>) => {
    pointersRef.current.add(event.pointerId);
    if (pointersRef.current.size > 1) {
      setPreview(null);
      return;
    }
    if (inert || event.button !== 0) return;
    event.currentTarget.setPointerCapture?.(event.pointerId);
    setPreview(timeAt(event.clientX));
  };

  const onPointerMove = (event: PointerEvent<HTMLElement>) => {
    if (preview === null || pointersRef.current.size > 1) return;
    setPreview(timeAt(event.clientX));
  };

  const onPointerUp = (event: PointerEvent<HTMLElement>) => {
    const pinching = pointersRef.current.size > 1;
    pointersRef.current.delete(event.pointerId);
    if (preview === null || pinching) return;
    const time = timeAt(event.clientX);
    setPreview(null);
    onSeek(time);
  };

  const onPointerCancel = (event: PointerEvent<HTMLElement>) => {
    pointersRef.current.delete(event.pointerId);
    setPreview(null);
  };

  const shownTime = clamp(preview ?? value, Math.max(duration, 0));
  const ref = useCallback((element: HTMLElement | null) => {
    elementRef.current = element;
  }, []);

  return {
    preview,
    shownTime,
    sliderProps: {
      ref,
      role: 'slider',
      tabIndex: inert ? -1 : 0,
      'aria-label': label,
      'aria-valuemin': 0,
      'aria-valuemax': Math.max(0, Math.round(duration)),
      'aria-valuenow': Math.round(shownTime),
      'aria-valuetext': valueText(shownTime, duration),
      'aria-disabled': inert || undefined,
      onKeyDown,
      onPointerDown,
      onPointerMove,
      onPointerUp,
      onPointerCancel,
    },
  };
}
