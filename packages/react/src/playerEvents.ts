import type { Cue } from '@ambient-audio/core';

/** What a player did, for the host's audit trail. Never carries a URL or a token. */
export type PlayerEventType = 'play' | 'pause' | 'seek' | 'rate' | 'download' | 'url-refreshed' | 'error';

export interface PlayerEvent {
  type: PlayerEventType;
  /** The recording (chunk) playing when it happened. */
  recordingId: string | null;
  /** Position on the whole timeline, in seconds. */
  position: number;
  /** A play of one cue (`playCue`): its id, never its label (a label is note text). */
  cueId?: string;
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
  /** Plays one cue from its start; with `{ stopAtEnd: true }` pauses at its end. False for an unknown id. */
  playCue(id: string, options?: { stopAtEnd?: boolean }): boolean;
  /** Moves to the next or previous cue and says which (a polite announcement). */
  nextCue(): void;
  previousCue(): void;
  /** The cue being heard, or null. */
  getActiveCue(): Cue | null;
  /** Calls `listener` when the cue being heard changes (not on every time update). */
  subscribeActiveCue(listener: () => void): () => void;
}
