import type { Cue } from '@ambient-audio/core';
import { useCallback, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { PlayerHandle } from '../playerEvents';

export interface PlayerControls {
  /**
   * Pass as the player's ref: `const { attach } = usePlayerControls(); <RecordingPlayer ref={attach} />`
   * (destructured: React's compiler lint reads `ref={controls.attach}` as a ref read during render).
   */
  attach: (handle: PlayerHandle | null) => void;
  /** Moves the player to `time` seconds; `{ play: true }` also starts it. No-op before it mounts. */
  seek: (time: number, options?: { play?: boolean }) => void;
  play: () => void;
  pause: () => void;
  /** Plays one cue (a note sentence) from its start; `{ stopAtEnd: true }` plays just that cue. */
  playCue: (id: string, options?: { stopAtEnd?: boolean }) => void;
  nextCue: () => void;
  previousCue: () => void;
  /** The mounted player, for the hooks below; null before it mounts. */
  handle: PlayerHandle | null;
}

/**
 * Drives a player from elsewhere on the page, e.g. a note sentence that plays the moment it was said.
 * It does not re-render with the playback position: a note highlights its sentence with
 * `useIsActiveCue` (only the two sentences whose state changed re-render), and a clock that needs the
 * position uses `usePlayerTime`.
 */
export function usePlayerControls(): PlayerControls {
  const [handle, setHandle] = useState<PlayerHandle | null>(null);
  const handleRef = useRef<PlayerHandle | null>(null);
  const attach = useCallback((next: PlayerHandle | null) => {
    handleRef.current = next;
    setHandle(next);
  }, []);
  const seek = useCallback(
    (time: number, options?: { play?: boolean }) => handleRef.current?.seek(time, options),
    [],
  );
  const play = useCallback(() => void handleRef.current?.play().catch(() => {}), []);
  const pause = useCallback(() => handleRef.current?.pause(), []);
  const playCue = useCallback(
    (id: string, options?: { stopAtEnd?: boolean }) => void handleRef.current?.playCue(id, options),
    [],
  );
  const nextCue = useCallback(() => handleRef.current?.nextCue(), []);
  const previousCue = useCallback(() => handleRef.current?.previousCue(), []);
  return useMemo(
    () => ({ attach, seek, play, pause, playCue, nextCue, previousCue, handle }),
    [attach, seek, play, pause, playCue, nextCue, previousCue, handle],
  );
}

const noSubscribe = () => () => {};
const nothing = () => null;
const zero = () => 0;

/** The cue being heard by the controlled player; re-renders only when it changes. */
export function useActiveCue(controls: Pick<PlayerControls, 'handle'>): Cue | null {
  const { handle } = controls;
  return useSyncExternalStore(
    handle ? handle.subscribeActiveCue : noSubscribe,
    handle ? handle.getActiveCue : nothing,
    nothing,
  );
}

/**
 * Whether the cue `id` is the one being heard: a sentence of the note calls this and re-renders when
 * it starts or stops being heard, never otherwise. Give the sentence's button `aria-current` with it.
 */
export function useIsActiveCue(controls: Pick<PlayerControls, 'handle'>, id: string): boolean {
  const { handle } = controls;
  return useSyncExternalStore(
    handle ? handle.subscribeActiveCue : noSubscribe,
    () => handle?.getActiveCue()?.id === id,
    () => false,
  );
}

/**
 * The controlled player's position, in seconds, re-rendering as it plays (a few times a second): for
 * a clock or a progress display of the host's. Highlighting a sentence does not need it.
 */
export function usePlayerTime(controls: Pick<PlayerControls, 'handle'>): number {
  const { handle } = controls;
  const subscribe = useCallback(
    (listener: () => void) => (handle ? handle.subscribe(() => listener()) : () => {}),
    [handle],
  );
  return useSyncExternalStore(subscribe, handle ? handle.getCurrentTime : zero, zero);
}
