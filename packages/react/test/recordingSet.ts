import { planRefresh, type Recording, type RecordingMode, type RecordingSet } from '@ambient-audio/core';

/**
 * A `RecordingSet` as the core client builds one from an answer that arrived at `receivedAt`: the
 * refresh is planned once, from then, exactly as `createRecordingClient` plans it.
 */
export function recordingSet(
  sessionId: string,
  mode: RecordingMode,
  recordings: Recording[],
  receivedAt: number,
): RecordingSet {
  return {
    sessionId,
    mode,
    streamable: recordings.every((recording) => recording.streamable),
    recordings,
    receivedAt,
    refreshAt: planRefresh(recordings, receivedAt),
    clockOffsetMs: 0,
  };
}
