/**
 * Every failure the library reports is a `RecordingError`, with a `kind` to switch on and one class
 * per kind to test with `instanceof`. Messages name what happened and never carry a URL, a query
 * string, a token or audio bytes: errors end up in logs and error trackers. No error carries a
 * `cause` for the same reason: a platform error's message may quote the URL it failed on. Each class
 * spells out its `name`, because minifiers rename classes and error trackers group by name.
 */
export type RecordingErrorKind =
  | 'processing'
  | 'gone'
  | 'auth'
  | 'bad-request'
  | 'server'
  | 'network'
  | 'timeout'
  | 'bad-response'
  | 'url-expired'
  | 'storage'
  | 'wav-format';

export abstract class RecordingError extends Error {
  abstract readonly kind: RecordingErrorKind;
  /** HTTP status of the answer (from the API, or from the storage for storage errors), when there was one. */
  readonly status: number | null;

  constructor(message: string, status: number | null = null) {
    super(message);
    this.status = status;
  }
}

/** 404 for a session whose uploaded audio is still being processed: retry later, bounded. */
export class RecordingProcessingError extends RecordingError {
  override readonly name: string = 'RecordingProcessingError';
  readonly kind = 'processing';
  constructor(sessionId: string) {
    super(`Recording for session ${sessionId} is still processing`, 404);
  }
}

/** 410: past the 7-day retention, permanently unavailable. Never retried. */
export class RecordingGoneError extends RecordingError {
  override readonly name: string = 'RecordingGoneError';
  readonly kind = 'gone';
  constructor(sessionId: string) {
    super(`Recording for session ${sessionId} is no longer available (kept 7 days)`, 410);
  }
}

/** 401/403 from the API: the host's token is missing, invalid or expired. Not retried blindly. */
export class RecordingAuthError extends RecordingError {
  override readonly name: string = 'RecordingAuthError';
  readonly kind = 'auth';
  constructor(status: number) {
    super(`The recording API refused the token (HTTP ${status})`, status);
  }
}

/** 400 (and other 4xx): the request itself is wrong, e.g. a malformed session id. Not retried. */
export class RecordingBadRequestError extends RecordingError {
  override readonly name: string = 'RecordingBadRequestError';
  readonly kind = 'bad-request';
  constructor(status: number | null, message = `The recording API rejected the request (HTTP ${status})`) {
    super(message, status);
  }
}

/** 5xx: transient on the API's side; retried with backoff and jitter. */
export class RecordingServerError extends RecordingError {
  override readonly name: string = 'RecordingServerError';
  readonly kind = 'server';
  constructor(status: number) {
    super(`The recording API failed (HTTP ${status})`, status);
  }
}

/** The request did not complete (offline, DNS, reset, CORS). Retried with backoff and jitter. */
export class RecordingNetworkError extends RecordingError {
  override readonly name: string = 'RecordingNetworkError';
  readonly kind = 'network';
  constructor(what = 'The recording API could not be reached') {
    super(what);
  }
}

/**
 * The recording API did not answer within the client's timeout (`timeoutMs`, 20 s by default): an
 * API that hangs must end in something the listener can act on ("Try again"), not in a spinner.
 */
export class RecordingTimeoutError extends RecordingError {
  override readonly name: string = 'RecordingTimeoutError';
  readonly kind = 'timeout';
  constructor(timeoutMs: number) {
    super(`The recording API did not answer within ${Math.round(timeoutMs / 1000)} s`);
  }
}

/** A 200 whose body is not the contract's shape (not JSON, missing fields, wrong types). */
export class RecordingResponseError extends RecordingError {
  override readonly name: string = 'RecordingResponseError';
  readonly kind = 'bad-response';
  /** Where in the body the problem is, e.g. `recordings.0.presigned_url`; never a value. */
  readonly issues: readonly string[];
  constructor(message: string, issues: readonly string[] = []) {
    super(message, 200);
    this.issues = issues;
  }
}

/**
 * The object storage refused a presigned URL because it expired (or the URL was at its expiry when
 * the request failed): ask the API for a fresh one and try again with it. Retrying the same URL is
 * pointless, so the retry policy does not.
 */
export class DownloadUrlExpiredError extends RecordingError {
  override readonly name: string = 'DownloadUrlExpiredError';
  readonly kind = 'url-expired';
  constructor(status: number | null = null) {
    super('The recording link expired', status);
  }
}

/** The object storage refused a presigned URL for another reason than expiry (404, 5xx, a bad signature). */
export class RecordingStorageError extends RecordingError {
  override readonly name: string = 'RecordingStorageError';
  readonly kind = 'storage';
  constructor(status: number) {
    super(`The storage refused the recording file (HTTP ${status})`, status);
  }
}

/** Bytes that are not a WAV file this library can read, or a header that is cut short. */
export class WavFormatError extends RecordingError {
  override readonly name: string = 'WavFormatError';
  readonly kind = 'wav-format';
}

export function isRecordingError(error: unknown): error is RecordingError {
  return error instanceof RecordingError;
}
