import * as v from 'valibot';
import {
  RecordingAuthError,
  RecordingBadRequestError,
  RecordingGoneError,
  RecordingNetworkError,
  RecordingProcessingError,
  RecordingResponseError,
  RecordingServerError,
} from './errors';
import type { RecordingError } from './errors';
import { describeIssues, recordingResponseSchema } from './responseSchema';
import { recordingExpiry, type RecordingMode } from './urlLifetime';

export type { RecordingMode } from './urlLifetime';

/** One chunk of a session's audio. */
export interface Recording {
  id: string;
  /** The presigned URL: a bearer credential. Never log or persist it. */
  url: string;
  sequence: number;
  /** Epoch ms after which `url` stops working. */
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
  /** Clock, for tests. */
  now?: () => number;
}

export interface GetRecordingOptions {
  mode?: RecordingMode;
  signal?: AbortSignal | undefined;
}

export interface RecordingClient {
  getRecording(sessionId: string, options?: GetRecordingOptions): Promise<RecordingSet>;
}

const SESSION_ID = /^[A-Za-z0-9._~-]{1,256}$/;

export function createRecordingClient(options: RecordingClientOptions): RecordingClient {
  const fetchImpl = options.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));
  const base = options.baseUrl.replace(/\/+$/, '');
  const now = options.now ?? Date.now;

  async function getRecording(sessionId: string, { mode = 'stream', signal }: GetRecordingOptions = {}) {
    if (!SESSION_ID.test(sessionId)) {
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

    let response: Response;
    try {
      response = await fetchImpl(url, {
        method: 'GET',
        headers,
        signal: signal ?? null,
        credentials: 'omit',
      });
    } catch (error) {
      if (signal?.aborted) throw abortError();
      // fetch's own messages can include the request URL; a fixed message cannot leak it.
      throw new RecordingNetworkError(
        error instanceof TypeError ? undefined : 'The recording request failed',
      );
    }
    const receivedAt = now();
    if (!response.ok) {
      await response.body?.cancel().catch(() => {});
      throw errorForStatus(response.status, sessionId);
    }

    let json: unknown;
    try {
      json = await response.json();
    } catch {
      if (signal?.aborted) throw abortError();
      throw new RecordingResponseError('The recording API answered with a body that is not JSON');
    }
    const parsed = v.safeParse(recordingResponseSchema, json);
    if (!parsed.success) {
      const issues = describeIssues(parsed.issues);
      throw new RecordingResponseError(
        `The recording API answered with an unexpected body (${issues[0]})`,
        issues,
      );
    }
    const body = parsed.output;
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
        }),
        streamable: item.is_streamable ?? body.is_streamable ?? true,
      }))
      .sort((a, b) => a.sequence - b.sequence);
    // URLs that are dead on arrival cannot be played; handing them out would only loop on refreshes.
    if (recordings.some((recording) => recording.expiresAt <= receivedAt)) {
      throw new RecordingResponseError(
        'The recording API answered with URLs that have already expired (is the device clock right?)',
        ['recordings: expires_at is in the past'],
      );
    }
    for (let i = 1; i < recordings.length; i += 1) {
      if (recordings[i]?.sequence === recordings[i - 1]?.sequence) {
        throw new RecordingResponseError(
          'The recording API listed two recordings with the same sequence_number',
          [`recordings: duplicate sequence_number ${recordings[i]?.sequence}`],
        );
      }
    }
    return { sessionId, mode, streamable: recordings.every((r) => r.streamable), recordings };
  }

  return { getRecording };
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
