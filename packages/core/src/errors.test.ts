import { describe, expect, it } from 'vitest';
import {
  DownloadUrlExpiredError,
  RecordingAuthError,
  RecordingBadRequestError,
  RecordingError,
  RecordingGoneError,
  RecordingNetworkError,
  RecordingProcessingError,
  RecordingResponseError,
  RecordingServerError,
  RecordingStorageError,
  RecordingTimeoutError,
  WavFormatError,
  isRecordingError,
  type RecordingErrorKind,
} from './errors';

const all = [
  new RecordingProcessingError('s'),
  new RecordingGoneError('s'),
  new RecordingAuthError(401),
  new RecordingBadRequestError(400),
  new RecordingServerError(503),
  new RecordingNetworkError(),
  new RecordingTimeoutError(20_000),
  new RecordingResponseError('bad'),
  new DownloadUrlExpiredError(403),
  new RecordingStorageError(404),
  new WavFormatError('bad'),
];

describe('errors', () => {
  it('are all RecordingErrors, each with its own stable kind and name', () => {
    for (const error of all) {
      expect(error).toBeInstanceOf(RecordingError);
      expect(error).toBeInstanceOf(Error);
      expect(isRecordingError(error)).toBe(true);
      expect(error.name).toBe(error.constructor.name);
      expect(error.cause).toBeUndefined();
    }
    expect(new Set(all.map((e) => e.kind)).size).toBe(all.length);
    expect(isRecordingError(new Error('x'))).toBe(false);
  });

  it('can be switched on exhaustively by kind', () => {
    const describe = (error: RecordingError): string => {
      const kind: RecordingErrorKind = error.kind;
      switch (kind) {
        case 'processing':
        case 'gone':
        case 'auth':
        case 'bad-request':
        case 'server':
        case 'network':
        case 'timeout':
        case 'bad-response':
        case 'url-expired':
        case 'storage':
        case 'wav-format':
          return kind;
        default: {
          const never: never = kind;
          return never;
        }
      }
    };
    expect(all.map(describe)).toHaveLength(all.length);
  });
});
