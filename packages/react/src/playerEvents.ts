/** What a player did, for the host's audit trail. Never carries a URL or a token. */
export type PlayerEventType = 'play' | 'pause' | 'seek' | 'rate' | 'download' | 'url-refreshed' | 'error';

export interface PlayerEvent {
  type: PlayerEventType;
  /** The recording (chunk) playing when it happened. */
  recordingId: string | null;
  /** Position on the whole timeline, in seconds. */
  position: number;
}

/** Imperative control of a mounted player, for the rest of the page (a note sentence seeks here). */
export interface PlayerHandle {
  /** Moves to `time` seconds; with `{ play: true }` also starts playback. */
  seek(time: number, options?: { play?: boolean }): void;
  play(): Promise<void>;
  pause(): void;
  getCurrentTime(): number;
  getDuration(): number;
  /** Calls `listener` with the position whenever it changes; returns the unsubscribe function. */
  subscribe(listener: (time: number) => void): () => void;
}
