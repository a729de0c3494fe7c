import { clock } from './clock';
import {
  RecordingAuthError,
  RecordingBadRequestError,
  RecordingGoneError,
  RecordingNetworkError,
  RecordingProcessingError,
  RecordingResponseError,
  RecordingServerError,
  RecordingTimeoutError,
} from './errors';
import type { RecordingError } from './errors';
import { readBody } from './readBody';
import { planRefresh } from './refreshAt';
import { parseRecordingResponse } from './responseSchema';
import { estimateClockOffset } from './serverClock';
import { urlSigningDate } from './urlExpiry';
import { recordingExpiry, type RecordingMode } from './urlLifetime';

export type { RecordingMode } from './urlLifetime';

/** One chunk of a session's audio. */
export interface Recording {
  id: string;
  /** The presigned URL: a bearer credential. Never log or persist it. */
  url: string;
  sequence: number;
  /** Epoch ms on this device's clock after which `url` stops working (see `RecordingSet.clockOffsetMs`). */
  expiresAt: number;
  /** Whether the storage answers Range requests for this URL. */
  streamable: boolean;
}

export interface RecordingSet {
  sessionId: string;
  mode: RecordingMode;
  /** True when every chunk can stream. */
  streamable: boolean;
  /** Sorted by `sequence`; together they are the session's audio, in order. */
  recordings: Recording[];
  /** When the answer arrived, epoch ms on this device's clock. */
  receivedAt: number;
  /**
   * When to ask for fresh URLs (epoch ms, device clock): planned once, when the answer arrived, a
   * margin before the first URL expires. Re-rendering, re-reading or re-subscribing never moves it.
   */
  refreshAt: number;
  /** Estimated server clock minus device clock, ms; every `expiresAt` is already corrected by it. */
  clockOffsetMs: number;
}

export interface RecordingClientOptions {
  /** Base URL of the vendor API, e.g. `https://api.example.com` (no trailing path). */
  baseUrl: string;
  /** Called on every request; the host owns token refresh and the library never stores the token. */
  getToken: () => string | Promise<string>;
  fetch?: typeof fetch;
  /** Extra headers on every API request. */
  headers?: Record<string, string>;
  providerId?: string;
  /** Header names, when the host's gateway renames them. */
  tokenHeader?: string;
  providerHeader?: string;
  /** Longest wait for an answer, ms; then `RecordingTimeoutError`. Default 20 s. */
  timeoutMs?: number;
  /** Clock, for tests. Default the library's clock (`clock.now`). */
  now?: () => number;
}

export interface GetRecordingOptions {
  mode?: RecordingMode;
  signal?: AbortSignal | undefined;
}

export interface RecordingClient {
  getRecording(sessionId: string, options?: GetRecordingOptions): Promise<RecordingSet>;
}

/**
 * Most chunks a session may have. Every chunk is an entry in the player's timeline and one request
 * for its length before the timeline is whole; 4,096 chunks already means one every second of an
 * hour-long visit, and their URLs fill the whole body size cap below. More is refused as a broken
 * answer instead of freezing the page with thousands of media elements and requests.
 */
export const MAX_CHUNKS = 4096;
/** Largest API body read, bytes: 4,096 chunks with 1.5 KB signed URLs fit with room to spare. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;
export const DEFAULT_API_TIMEOUT_MS = 20_000;

const SESSION_ID = /^[A-Za-z0-9._~-]{1,256}$/;

export function createRecordingClient(options: RecordingClientOptions): RecordingClient {
  const fetchImpl = options.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));
  const base = options.baseUrl.replace(/\/+$/, '');
  // A relative base (`/vendor`, behind the host's own proxy) is the page's origin.
  const baseProtocol = protocolOf(base, globalThis.location?.href);
  const now = options.now ?? clock.now;
  const timeoutMs = options.timeoutMs ?? DEFAULT_API_TIMEOUT_MS;

  async function getRecording(sessionId: string, { mode = 'stream', signal }: GetRecordingOptions = {}) {
    // `.` and `..` would be resolved as path segments: the token would go to another endpoint.
    if (!SESSION_ID.test(sessionId) || /^\.+$/.test(sessionId)) {
      throw new RecordingBadRequestError(
        null,
        'The session id is empty or has characters a session id cannot have',
      );
    }
    let token: string;
    try {
      token = await options.getToken();
    } catch {
      // The host's own failure; its message might hold anything, so it is not carried along.
      throw new RecordingAuthError(401);
    }
    if (signal?.aborted) throw abortError();
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
    headers[options.tokenHeader ?? 'sdp_suki_token'] = token;
    if (options.providerId) headers[options.providerHeader ?? 'sdp_provider_id'] = options.providerId;
    const url = `${base}/api/v1/ambient/session/${encodeURIComponent(sessionId)}/recording?download=${mode === 'download'}`;

    // One signal for the caller's abort and the timeout; the timer is ours to clear.
    const controller = new AbortController();
    let timedOut = false;
    const onAbort = () => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const timer = clock.setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const failed = (error: RecordingError) => {
      if (timedOut) return new RecordingTimeoutError(timeoutMs);
      if (signal?.aborted) return abortError();
      return error;
    };

    try {
      const sentAt = now();
      let response: Response;
      try {
        response = await fetchImpl(url, {
          method: 'GET',
          headers,
          signal: controller.signal,
          credentials: 'omit',
          // The token goes to this URL only: a redirect elsewhere is a failure, never followed.
          redirect: 'error',
        });
      } catch (error) {
        // fetch's own messages can include the request URL; a fixed message cannot leak it.
        throw failed(
          new RecordingNetworkError(error instanceof TypeError ? undefined : 'The recording request failed'),
        );
      }
      const receivedAt = now();
      if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
        await response.body?.cancel().catch(() => {});
        throw new RecordingResponseError('The recording API answered with a redirect, which is not followed');
      }
      if (!response.ok) {
        await response.body?.cancel().catch(() => {});
        throw errorForStatus(response.status, sessionId);
      }

      const declared = Number(response.headers.get('Content-Length'));
      if (declared > MAX_BODY_BYTES) {
        await response.body?.cancel().catch(() => {});
        throw tooLarge();
      }
      const body = await readBody(response, undefined, MAX_BODY_BYTES + 1);
      if (controller.signal.aborted) throw failed(new RecordingNetworkError());
      if (!body.complete) throw new RecordingNetworkError('The connection dropped while reading the answer');
      if (body.bytes.byteLength > MAX_BODY_BYTES) throw tooLarge();
      let json: unknown;
      try {
        json = JSON.parse(new TextDecoder().decode(body.bytes));
      } catch {
        throw new RecordingResponseError('The recording API answered with a body that is not JSON');
      }
      return toRecordingSet(json, {
        sessionId,
        mode,
        sentAt,
        receivedAt,
        dateHeader: response.headers.get('Date'),
        baseProtocol,
      });
    } finally {
      clock.clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  return { getRecording };
}

interface AnswerContext {
  sessionId: string;
  mode: RecordingMode;
  sentAt: number;
  receivedAt: number;
  dateHeader: string | null;
  baseProtocol: string | null;
}

/** Validates a 200 body and turns it into a `RecordingSet`: hostile input in, a checked value out. */
function toRecordingSet(json: unknown, context: AnswerContext): RecordingSet {
  const { sessionId, mode, sentAt, receivedAt } = context;
  if (
    typeof json === 'object' &&
    json !== null &&
    Array.isArray((json as { recordings?: unknown }).recordings) &&
    (json as { recordings: unknown[] }).recordings.length > MAX_CHUNKS
  ) {
    throw new RecordingResponseError(`The recording API listed more than ${MAX_CHUNKS} chunks`, [
      `recordings: more than ${MAX_CHUNKS} items`,
    ]);
  }
  const parsed = parseRecordingResponse(json);
  if (!parsed.ok) {
    const { issues } = parsed;
    throw new RecordingResponseError(
      `The recording API answered with an unexpected body (${issues[0]})`,
      issues,
    );
  }
  const body = parsed.body;
  body.recordings.forEach((item, index) => {
    if (!isPlayableUrl(item.presigned_url, context.baseProtocol)) {
      throw new RecordingResponseError(
        'The recording API answered with a URL that is not an https: address',
        [`recordings.${index}.presigned_url: expected an https: URL`],
      );
    }
  });
  const first = body.recordings[0];
  const clockOffsetMs = estimateClockOffset({
    dateHeader: context.dateHeader,
    signedAt: first ? urlSigningDate(first.presigned_url) : null,
    sentAt,
    receivedAt,
  });
  const recordings = body.recordings
    .map((item): Recording => ({
      id: item.recording_id,
      url: item.presigned_url,
      sequence: item.sequence_number,
      expiresAt: recordingExpiry({
        expiresAtSeconds: item.expires_at,
        url: item.presigned_url,
        mode,
        receivedAt,
        clockOffsetMs,
      }),
      streamable: item.is_streamable ?? body.is_streamable ?? true,
    }))
    .sort((a, b) => a.sequence - b.sequence);
  // URLs that are dead on arrival cannot be played; handing them out would only loop on refreshes.
  if (recordings.some((recording) => recording.expiresAt <= receivedAt)) {
    throw new RecordingResponseError('The recording API answered with URLs that have already expired', [
      'recordings: expires_at is in the past',
    ]);
  }
  for (let i = 1; i < recordings.length; i += 1) {
    if (recordings[i]?.sequence === recordings[i - 1]?.sequence) {
      throw new RecordingResponseError(
        'The recording API listed two recordings with the same sequence_number',
        [`recordings: duplicate sequence_number ${recordings[i]?.sequence}`],
      );
    }
  }
  return {
    sessionId,
    mode,
    streamable: recordings.every((r) => r.streamable),
    recordings,
    receivedAt,
    refreshAt: planRefresh(recordings, receivedAt),
    clockOffsetMs,
  };
}

/**
 * Only `https:` URLs are played or downloaded (`http:` too when the API itself is `http:`, for
 * development): a `javascript:`, `data:`, `blob:` or `file:` URL from a hostile answer must never
 * reach a media element or a link the page follows.
 */
function isPlayableUrl(url: string, apiProtocol: string | null): boolean {
  const protocol = protocolOf(url);
  return protocol === 'https:' || (protocol === 'http:' && apiProtocol === 'http:');
}

function protocolOf(url: string, relativeTo?: string): string | null {
  try {
    return new URL(url, relativeTo).protocol;
  } catch {
    return null;
  }
}

function tooLarge(): RecordingResponseError {
  return new RecordingResponseError(
    `The recording API answered with a body larger than ${MAX_BODY_BYTES / 1024 / 1024} MB`,
    ['(body): too large'],
  );
}

function errorForStatus(status: number, sessionId: string): RecordingError {
  if (status === 404) return new RecordingProcessingError(sessionId);
  if (status === 410) return new RecordingGoneError(sessionId);
  if (status === 401 || status === 403) return new RecordingAuthError(status);
  if (status >= 500) return new RecordingServerError(status);
  return new RecordingBadRequestError(status);
}

function abortError(): DOMException {
  return new DOMException('The recording request was aborted', 'AbortError');
}
