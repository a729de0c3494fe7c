import { clock, type ChunkedMediaElement } from '@ambient-audio/core';
import { useCallback, useRef, useSyncExternalStore } from 'react';

/** Longest the player's first render waits for its audio: a stream that stalls still gets controls. */
export const AUDIO_FIRST_MAX_MS = 1_000;

const canPlayOrFailed = (media: ChunkedMediaElement) =>
  media.elementCount === 0 || media.readyState >= HTMLMediaElement.HAVE_FUTURE_DATA || media.error !== null;

/**
 * Whether a player that plays on its own (`autoPlay`) should hold its first full render back, because
 * its early timeline is loading the audio and cannot play yet. Rendering the whole player (tens of
 * milliseconds on a two-core laptop) between the audio's request and its `canplay` delays the first
 * sound by about as much; the skeleton holds the place meanwhile, and the controls are there before
 * the sound is (the output starts some 100 ms after `canplay`). Never longer than a second, and not at
 * all once the timeline can play or has failed, or when it was not given the recording. Once over,
 * the wait never comes back in the player's life (a stream that buffers later keeps its controls).
 */
export function useAudioFirst(media: ChunkedMediaElement | null, waitFor: boolean): boolean {
  const over = useRef(false);
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!media || !waitFor || over.current) return () => {};
      const end = () => {
        over.current = true;
        onChange();
      };
      const timer = clock.setTimeout(end, AUDIO_FIRST_MAX_MS);
      // 'canplay' changes nothing in the timeline's snapshot: it is listened to itself.
      media.addEventListener('canplay', onChange);
      const unsubscribe = media.subscribe(onChange);
      return () => {
        clock.clearTimeout(timer);
        media.removeEventListener('canplay', onChange);
        unsubscribe();
      };
    },
    [media, waitFor],
  );
  const waiting = () => {
    if (!media || !waitFor || over.current) return false;
    if (!canPlayOrFailed(media)) return true;
    over.current = true;
    return false;
  };
  return useSyncExternalStore(subscribe, waiting, () => false);
}
