/**
 * Every failure the library reports is a `RecordingError`, with a `kind` to switch on and one class
 * per kind to test with `instanceof`. Messages name what happened and never carry a URL, a query
 * string, a token or audio bytes: errors end up in logs and error trackers.
 */
export type RecordingErrorKind =
  'processing' | 'gone' | 'auth' | 'bad-request' | 'server' | 'network' | 'bad-response' | 'wav-format';

export abstract class RecordingError extends Error {
  abstract readonly kind: RecordingErrorKind;
  /** HTTP status from the recording API, when there was one. */
  readonly status: number | null;

  constructor(message: string, status: number | null = null) {
    super(message);
    this.status = status;
  }
}

/** 404 for a session whose uploaded audio is still being processed: retry later, bounded. */
export class RecordingProcessingError extends RecordingError {
  // Spelled out: minifiers rename classes, and error trackers group by name.
  override readonly name: string = 'RecordingProcessingError';
  readonly kind = 'processing';
  constructor(sessionId: string) {
    super(`Recording for session ${sessionId} is still processing`, 404);
  }
}

/** 410: past the 7-day retention, permanently unavailable. Never retried. */
export class RecordingGoneError extends RecordingError {
  // Spelled out: minifiers rename classes, and error trackers group by name.
  override readonly name: string = 'RecordingGoneError';
  readonly kind = 'gone';
  constructor(sessionId: string) {
    super(`Recording for session ${sessionId} is no longer available (kept 7 days)`, 410);
  }
}

/** 401/403 from the API: the host's token is missing, invalid or expired. Not retried blindly. */
export class RecordingAuthError extends RecordingError {
  // Spelled out: minifiers rename classes, and error trackers group by name.
  override readonly name: string = 'RecordingAuthError';
  readonly kind = 'auth';
  constructor(status: number) {
    super(`The recording API refused the token (HTTP ${status})`, status);
  }
}

/** 400 (and other 4xx): the request itself is wrong, e.g. a malformed session id. Not retried. */
export class RecordingBadRequestError extends RecordingError {
  // Spelled out: minifiers rename classes, and error trackers group by name.
  override readonly name: string = 'RecordingBadRequestError';
  readonly kind = 'bad-request';
  constructor(status: number | null, message = `The recording API rejected the request (HTTP ${status})`) {
    super(message, status);
  }
}

/** 5xx: transient on the API's side; retried with backoff and jitter. */
export class RecordingServerError extends RecordingError {
  // Spelled out: minifiers rename classes, and error trackers group by name.
  override readonly name: string = 'RecordingServerError';
  readonly kind = 'server';
  constructor(status: number) {
    super(`The recording API failed (HTTP ${status})`, status);
  }
}

/** The request did not complete (offline, DNS, reset, CORS). Retried with backoff and jitter. */
export class RecordingNetworkError extends RecordingError {
  // Spelled out: minifiers rename classes, and error trackers group by name.
  override readonly name: string = 'RecordingNetworkError';
  readonly kind = 'network';
  constructor(what = 'The recording API could not be reached') {
    super(what);
  }
}

/** A 200 whose body is not the contract's shape (not JSON, missing fields, wrong types). */
export class RecordingResponseError extends RecordingError {
  // Spelled out: minifiers rename classes, and error trackers group by name.
  override readonly name: string = 'RecordingResponseError';
  readonly kind = 'bad-response';
  /** Where in the body the problem is, e.g. `recordings.0.presigned_url`; never a value. */
  readonly issues: readonly string[];
  constructor(message: string, issues: readonly string[] = []) {
    super(message, 200);
    this.issues = issues;
  }
}

/** Bytes that are not a WAV file this library can read, or a header that is cut short. */
export class WavFormatError extends RecordingError {
  // Spelled out: minifiers rename classes, and error trackers group by name.
  override readonly name: string = 'WavFormatError';
  readonly kind = 'wav-format';
}

export function isRecordingError(error: unknown): error is RecordingError {
  return error instanceof RecordingError;
}
