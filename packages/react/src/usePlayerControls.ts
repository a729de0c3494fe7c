import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PlayerHandle } from './playerEvents';

export interface PlayerControls {
  /**
   * Pass as the player's ref: `<RecordingPlayer ref={controls.attach}>` (or `WaveformPlayer`). Not
   * named `ref`, so React's compiler does not take the whole controls object for a ref.
   */
  attach: (handle: PlayerHandle | null) => void;
  /** Moves the player to `time` seconds; `{ play: true }` also starts it. No-op before it mounts. */
  seek: (time: number, options?: { play?: boolean }) => void;
  play: () => void;
  pause: () => void;
  /** The player's position, updated as it plays: e.g. to highlight the note sentence being heard. */
  currentTime: number;
}

/**
 * Drives a player from elsewhere on the page, e.g. a note sentence that seeks to the moment it was
 * said and highlights while it is heard.
 */
export function usePlayerControls(): PlayerControls {
  const [handle, setHandle] = useState<PlayerHandle | null>(null);
  const [currentTime, setCurrentTime] = useState(0);
  const handleRef = useRef<PlayerHandle | null>(null);
  useEffect(() => {
    handleRef.current = handle;
    if (!handle) return;
    return handle.subscribe(setCurrentTime);
  }, [handle]);
  const attach = useCallback((next: PlayerHandle | null) => setHandle(next), []);
  const seek = useCallback(
    (time: number, options?: { play?: boolean }) => handleRef.current?.seek(time, options),
    [],
  );
  const play = useCallback(() => void handleRef.current?.play().catch(() => {}), []);
  const pause = useCallback(() => handleRef.current?.pause(), []);
  return useMemo(
    () => ({ attach, seek, play, pause, currentTime }),
    [attach, seek, play, pause, currentTime],
  );
}
