import { ChunkedMediaElement, clock, type RecordingSet } from '@ambient-audio/core';
import { hashKey, useQueryClient } from '@tanstack/react-query';
import { createContext, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { everyChunkStreams, mediaChunks } from '../mediaChunks';
import { recordingQueryKey } from './recordingQueryOptions';
import { useBrowserLayoutEffect } from './useBrowserLayoutEffect';

/** What the timeline reports, routed to the player showing it (nobody, before it mounts). */
export interface TimelineHandlers {
  onUrlExpired?: ((chunkId: string) => void) | undefined;
  onUrlSwapped?: ((chunkId: string) => void) | undefined;
  isUrlExpired?: ((url: string) => Promise<boolean | null>) | undefined;
}

export interface EarlyMediaTimeline {
  media: ChunkedMediaElement;
  /**
   * The player that takes the timeline over receives its reports until it calls the returned release;
   * released and not taken again, the timeline lets go of its audio.
   */
  bind: (handlers: TimelineHandlers) => () => void;
}

/** The timeline a `RecordingPlayer` started, for its `WaveformPlayer` to use instead of its own. */
export const EarlyMediaContext = createContext<EarlyMediaTimeline | null>(null);

/** Not closer to its expiry than this: the timeline would refuse the URL (and ask for a fresh one). */
const FRESH_FOR_MS = 10_000;

const canStartWith = (set: RecordingSet) =>
  set.recordings.length > 0 &&
  everyChunkStreams(set) &&
  set.recordings.every((recording) => recording.expiresAt - clock.now() > FRESH_FOR_MS);

/**
 * A `RecordingPlayer`'s media timeline, made when the player mounts and given the recording's URLs
 * the moment the API's answer is stored in the query cache: the audio starts loading then, rather
 * than after TanStack Query's next tick and React's render of the whole player (tens of
 * milliseconds on a busy page). Only the first answer goes this way, and only one that streams;
 * fresh URLs later reach the timeline through the player, as before. The hook owns the timeline.
 */
export function useEarlyMediaTimeline(
  sessionId: string,
  audioHostRef: RefObject<HTMLElement | null>,
  /** false: leave the timeline empty (a start time to seek to: loading from 0 would waste bytes). */
  enabled: boolean,
  /** Play as soon as it is fed, as a bare `<audio autoplay>` would, not after the player's render. */
  autoPlay = false,
): EarlyMediaTimeline | null {
  const queryClient = useQueryClient();
  const [timeline, setTimeline] = useState<EarlyMediaTimeline | null>(null);
  const handlers = useRef<TimelineHandlers | null>(null);

  useBrowserLayoutEffect(() => {
    const media = new ChunkedMediaElement({
      container: audioHostRef.current,
      onUrlExpired: (id) => handlers.current?.onUrlExpired?.(id),
      onUrlSwapped: (id) => handlers.current?.onUrlSwapped?.(id),
      isUrlExpired: (url) => handlers.current?.isUrlExpired?.(url) ?? Promise.resolve(null),
    });
    const bind = (next: TimelineHandlers) => {
      handlers.current = next;
      return () => {
        if (handlers.current !== next) return;
        handlers.current = null;
        // Nobody shows it any more: it stops, as a player's own timeline would with the player. (Not at
        // once: StrictMode's simulated unmount binds it again in the same task, mid-load.)
        queueMicrotask(() => {
          if (handlers.current === null) media.setChunks([]);
        });
      };
    };
    setTimeline({ media, bind });
    return () => {
      media.destroy();
      setTimeline(null);
    };
  }, [sessionId, audioHostRef]);

  // Once per timeline: a second feed could hand it URLs older than the player's.
  const fedRef = useRef<ChunkedMediaElement | null>(null);
  // Read when fed: a later change of the prop is the player's to apply, not a reason to feed again.
  const autoPlayRef = useRef(autoPlay);
  useBrowserLayoutEffect(() => {
    autoPlayRef.current = autoPlay;
  });
  const media = timeline?.media ?? null;
  useBrowserLayoutEffect(() => {
    if (!media || !enabled || fedRef.current === media) return;
    const key = recordingQueryKey(sessionId, 'stream');
    const hash = hashKey(key);
    let unsubscribe = () => {};
    const feed = () => {
      const set = queryClient.getQueryData<RecordingSet>(key);
      if (!set || fedRef.current === media) return;
      fedRef.current = media;
      // Fed: the cache's later events (every query's) need not reach this listener.
      unsubscribe();
      if (!canStartWith(set)) return;
      media.setChunks(mediaChunks(set));
      if (autoPlayRef.current) media.play().catch(() => {});
    };
    feed();
    if (fedRef.current === media) return;
    // The cache tells its listeners as the answer is stored, in that same task.
    unsubscribe = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.query.queryHash === hash) feed();
    });
    return () => unsubscribe();
  }, [media, enabled, sessionId, queryClient]);

  return timeline;
}
