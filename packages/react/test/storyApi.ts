import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import { wavFile } from './wavFile';

export interface StoryApiOptions {
  /** Seconds of each chunk; one entry per chunk. */
  chunks?: number[];
  /** Answer with this status instead of recordings (404 processing, 410 gone, 401 auth, 500...). */
  status?: number;
  /** Never answer: the loading state. */
  hang?: boolean;
  streamable?: boolean;
  sampleRate?: number;
}

/**
 * msw handlers that play the vendor API for a story: the recordings are WAV files generated in the
 * browser and handed out as blob: URLs, so stories need no server and no network.
 */
export function storyApi({
  chunks = [30],
  status,
  hang,
  streamable = true,
  sampleRate = 16000,
}: StoryApiOptions = {}): HttpHandler[] {
  let urls: string[] | null = null;
  return [
    http.get('*/api/v1/ambient/session/:id/recording', async () => {
      if (hang) await delay('infinite');
      if (status) return HttpResponse.json({ detail: 'story' }, { status });
      urls ??= chunks.map((seconds, i) =>
        URL.createObjectURL(wavFile(seconds, { sampleRate, frequency: 220 + 90 * i })),
      );
      const expiresAt = Math.floor(Date.now() / 1000) + 15 * 60;
      return HttpResponse.json({
        recordings: urls.map((url, i) => ({
          recording_id: `rec-${i + 1}`,
          presigned_url: url,
          expires_at: expiresAt,
          sequence_number: i + 1,
        })),
        is_streamable: streamable,
      });
    }),
  ];
}
