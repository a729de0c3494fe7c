import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import type { ChunkLength } from './stories/speech';
import { presignedUrl, storageHandlers } from './stories/storage';

/** The token `StoryProviders` hands the client; the story API refuses requests without it. */
export const STORY_TOKEN = 'story-token';

export interface StoryApiOptions {
  /**
   * The recording's chunks, cut in order from the speech fixture: seconds each, or `'rest'` for the
   * rest of the dialogue. Default `['rest']`: the whole 2¼-minute dialogue as one file.
   */
  chunks?: readonly ChunkLength[];
  /** Answer with this status, for ever, instead of recordings (404 processing, 410 gone, 401 auth, 500…). */
  status?: number;
  /** Never answer: the loading state. */
  hang?: boolean;
  /** false: `is_streamable: false`, and the storage ignores Range (the player downloads first). */
  streamable?: boolean;
  /** Lifetime of each presigned URL. Default 900 s, as S3 presigns them for the vendor. */
  expiresInSeconds?: number;
  /** Spread a whole-file download over about this long, so its progress shows. */
  downloadMs?: number;
  /** The API answers, but every storage request fails as a network error does (offline, storage down). */
  storageUnreachable?: boolean;
}

const requests = new Map<string, number>();

/** How many times the story API was asked for this session's recording, on this page. */
export function apiRequests(sessionId: string): number {
  return requests.get(sessionId) ?? 0;
}

/**
 * msw handlers that play the vendor API and its object storage for one story: they answer for
 * `sessionId` only, so the stories of a Docs page, each with its own session id, coexist. The API
 * hands out presigned URLs on the page's own origin (the core client plays `http:` URLs only when
 * its API base is `http:` too, which the stories' relative `/vendor` base is on an http page), and
 * the storage serves speech cut from the reference server's fixture, with Range requests.
 */
export function storyApi(sessionId: string, options: StoryApiOptions = {}): HttpHandler[] {
  const {
    chunks = ['rest'],
    status,
    hang = false,
    streamable = true,
    expiresInSeconds = 900,
    downloadMs = 0,
    storageUnreachable = false,
  } = options;
  return [
    http.get(`*/api/v1/ambient/session/${encodeURIComponent(sessionId)}/recording`, async ({ request }) => {
      requests.set(sessionId, apiRequests(sessionId) + 1);
      if (hang) await delay('infinite');
      if (request.headers.get('sdp_suki_token') !== STORY_TOKEN) {
        return HttpResponse.json({ detail: 'Invalid or expired token' }, { status: 401 });
      }
      if (status !== undefined) return HttpResponse.json({ detail: `story answer ${status}` }, { status });
      const download = new URL(request.url).searchParams.get('download') === 'true';
      const signedAt = Date.now();
      return HttpResponse.json(
        {
          recordings: chunks.map((_, index) => ({
            recording_id: `${sessionId}-part-${index + 1}`,
            presigned_url: presignedUrl(sessionId, index, { signedAt, expiresInSeconds, download }),
            expires_at: Math.floor(signedAt / 1000) + expiresInSeconds,
            sequence_number: index + 1,
          })),
          is_streamable: streamable,
        },
        { headers: { Date: new Date(signedAt).toUTCString() } },
      );
    }),
    ...storageHandlers(sessionId, chunks, {
      streamable,
      wholeFileMs: downloadMs,
      unreachable: storageUnreachable,
    }),
  ];
}
