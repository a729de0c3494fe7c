import type { MediaChunk } from '@ambient-audio/core';
import type { Parameters, StoryContext } from '@storybook/react-vite';
import { useDetailRequest } from '../../src/hooks/useDetailRequest';
import { useWaveformData } from '../../src/hooks/useWaveformData';
import { WaveformPlayer, type WaveformPlayerProps } from '../../src/WaveformPlayer';
import { loadSpeech, speechChunks, type ChunkLength } from './speech';
import { presignedUrl, storageHandlers } from './storage';

/** What a WaveformPlayer story plays: chunks cut from the dialogue, stored under its own session. */
export interface SpeechRecording {
  session: string;
  chunks: readonly ChunkLength[];
}

/** Handed to the story's render as `loaded.speech`. */
export interface LoadedSpeech {
  /** The chunks' presigned URLs on the story storage, which serves them with Range requests. */
  chunks: MediaChunk[];
}

const LIFETIME_SECONDS = 900;

/** Parameters of a story that plays `chunks`: which speech to load, and the storage that serves it. */
export function speechRecording(session: string, chunks: readonly ChunkLength[] = ['rest']) {
  const recording: SpeechRecording = { session, chunks };
  return { speech: recording, msw: { handlers: storageHandlers(session, chunks) } };
}

/** Loads the story's speech: the presigned URLs of its chunks on the story storage. */
export async function speechLoader({ parameters }: { parameters: Parameters }) {
  const recording = parameters['speech'] as SpeechRecording | undefined;
  if (!recording) return {};
  const files = speechChunks(await loadSpeech(), recording.chunks);
  const signedAt = Date.now();
  const expiresAt = Math.floor(signedAt / 1000) * 1000 + LIFETIME_SECONDS * 1000;
  const speech: LoadedSpeech = {
    chunks: files.map((_, index) => ({
      id: `${recording.session}-part-${index + 1}`,
      url: presignedUrl(recording.session, index, {
        signedAt,
        expiresInSeconds: LIFETIME_SECONDS,
        download: false,
      }),
      expiresAt,
    })),
  };
  return { speech };
}

/** The loaded speech of a story's context. */
export function loadedSpeech(context: Pick<StoryContext, 'loaded'>): LoadedSpeech | undefined {
  return (context.loaded as { speech?: LoadedSpeech }).speech;
}

/**
 * `WaveformPlayer` with the waveform of its own audio, as a host that brings its own URLs draws it:
 * the library's `useWaveformData` runs core's waveform engine (in a Web Worker) over the same
 * presigned URLs the player streams, with Range reads of the story storage, and reads the exact
 * loudness of a zoomed window once the zoom settles. `measure: false` reads nothing (a bucket
 * without CORS: no waveform).
 */
export function SpeechWaveformPlayer({
  measure = true,
  ...props
}: WaveformPlayerProps & { measure?: boolean }) {
  const { overview, detail, showDetail } = useWaveformData(measure ? { chunks: props.chunks } : null);
  // As RecordingPlayer does: the exact loudness of a zoomed window, once the zoom settles.
  const onViewChange = useDetailRequest(showDetail);
  return <WaveformPlayer loudness={overview} detail={detail} onViewChange={onViewChange} {...props} />;
}
