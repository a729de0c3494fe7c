import { clock, type ChunkedMediaElement } from '@ambient-audio/core';
import { useEffect, useState } from 'react';

/**
 * Longest the full player waits for its audio to start: past it the player renders anyway, and
 * shows the audio's own state (buffering, an error) once it has one.
 */
export const MEDIA_START_WAIT_MS = 1_000;

/** What the gate reads of the timeline. */
export type StartingMedia = Pick<
  ChunkedMediaElement,
  | 'elementCount'
  | 'error'
  | 'paused'
  | 'readyState'
  | 'currentTime'
  | 'addEventListener'
  | 'removeEventListener'
>;

/**
 * Started, or nothing to wait for: asked to play at once and now playing; or the play was refused or
 * paused, the audio failed, or the timeline was never fed (a start time to seek to, a recording that
 * does not stream). `event` is the timeline event that asked, if any.
 */
function hasStarted(media: StartingMedia, event?: string): boolean {
  if (media.elementCount === 0 || media.error !== null || media.paused) return true;
  if (event === 'playing' || event === 'pause' || event === 'error' || event === 'emptied') return true;
  // Playing already (a timeline fed before this player rendered) has moved on from 0.
  return media.readyState >= 3 && media.currentTime > 0;
}

/**
 * Whether the player's full render may go ahead. With `autoPlay`, once `active` (the recording's URLs
 * are here), not before the early timeline's audio is playing or `MEDIA_START_WAIT_MS` has passed;
 * without it at once (the listener's press is the start, and some browsers load nothing before it). Chromium hands
 * the media element's data to its demuxer, and the pipeline's "playing" back to the page, through
 * the page's main thread: tens of milliseconds of React rendering the waveform player in that window
 * hold the first sound back by as much (docs/benchmarks.md, first audio). The skeleton holds the
 * place meanwhile. Opens once and stays open.
 */
export function useMediaStartGate(media: StartingMedia | null, active: boolean, autoPlay: boolean): boolean {
  const [open, setOpen] = useState(false);
  const waiting = autoPlay && active && !open;
  // Already started (or nothing to start) when the URLs arrive: open in this render, not the next.
  if (waiting && (!media || hasStarted(media))) setOpen(true);
  useEffect(() => {
    if (!waiting || !media) return;
    // timeupdate too: a "playing" fired between this render and this effect is seen at the next one.
    const check = (event: Event) => {
      if (hasStarted(media, event.type)) setOpen(true);
    };
    const events = ['playing', 'timeupdate', 'pause', 'error', 'emptied'] as const;
    for (const type of events) media.addEventListener(type, check);
    const timer = clock.setTimeout(() => setOpen(true), MEDIA_START_WAIT_MS);
    return () => {
      for (const type of events) media.removeEventListener(type, check);
      clock.clearTimeout(timer);
    };
  }, [media, waiting]);
  return open || !autoPlay;
}
