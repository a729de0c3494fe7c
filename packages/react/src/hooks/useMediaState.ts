import type { ChunkedMediaElement, ChunkedMediaSnapshot } from '@ambient-audio/core';
import { useMemo, useSyncExternalStore } from 'react';

/** The media timeline's state without the position, which changes several times a second. */
export type MediaState = Omit<ChunkedMediaSnapshot, 'currentTime'>;

const idle: MediaState = {
  duration: Number.NaN,
  chunkStarts: [],
  playing: false,
  buffering: false,
  ended: false,
  rate: 1,
  volume: 1,
  muted: false,
  ready: false,
  recovering: false,
  failure: null,
};
const noSubscribe = () => () => {};
const idleState = () => idle;

function sameState(a: MediaState, b: ChunkedMediaSnapshot): boolean {
  return (
    (a.duration === b.duration || (Number.isNaN(a.duration) && Number.isNaN(b.duration))) &&
    a.playing === b.playing &&
    a.buffering === b.buffering &&
    a.ended === b.ended &&
    a.rate === b.rate &&
    a.volume === b.volume &&
    a.muted === b.muted &&
    a.ready === b.ready &&
    a.recovering === b.recovering &&
    a.failure === b.failure &&
    // The timeline hands out the same array until the chunks' lengths change.
    a.chunkStarts === b.chunkStarts
  );
}

/**
 * The timeline's state for the player's frame: it re-renders when playback starts or stops, the rate
 * or volume changes, a chunk loads or fails — not on every `timeupdate`. The few parts that show the
 * position subscribe to it themselves (`useMediaTime`), so the whole player does not re-render four
 * times a second while it plays.
 */
export function useMediaState(media: ChunkedMediaElement | null): MediaState {
  const getState = useMemo(() => stateReader(media), [media]);
  return useSyncExternalStore(media?.subscribe ?? noSubscribe, getState, idleState);
}

/** Reads the state, the same object for as long as only the position changed. */
function stateReader(media: ChunkedMediaElement | null): () => MediaState {
  let last: MediaState = idle;
  return () => {
    if (!media) return idle;
    const next = media.getSnapshot();
    if (sameState(last, next)) return last;
    last = withoutPosition(next);
    return last;
  };
}

function withoutPosition(snapshot: ChunkedMediaSnapshot): MediaState {
  const state: Partial<ChunkedMediaSnapshot> = { ...snapshot };
  delete state.currentTime;
  return state as MediaState;
}

/**
 * The position, in steps of `step` seconds (floored): a clock that shows whole seconds re-renders
 * once a second, not at every `timeupdate`. `step` 0 re-renders at every change.
 */
export function useMediaTime(media: ChunkedMediaElement | null, step: number): number {
  const getTime = useMemo(
    () => () => {
      const time = media?.currentTime ?? 0;
      return step > 0 ? Math.floor(time / step) * step : time;
    },
    [media, step],
  );
  return useSyncExternalStore(media?.subscribe ?? noSubscribe, getTime, zero);
}
const zero = () => 0;
