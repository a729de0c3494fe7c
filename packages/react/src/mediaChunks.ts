import type { MediaChunk, RecordingSet } from '@ambient-audio/core';

/** A recording set's chunks, as the media timeline plays them. */
export function mediaChunks(set: RecordingSet): MediaChunk[] {
  return set.recordings.map((recording) => ({
    id: recording.id,
    url: recording.url,
    expiresAt: recording.expiresAt,
  }));
}

/** Whether every chunk of the set can stream; else the player downloads the whole recording first. */
export function everyChunkStreams(set: RecordingSet): boolean {
  return set.recordings.every((recording) => recording.streamable);
}
