export {
  RecordingAuthError,
  RecordingBadRequestError,
  RecordingError,
  RecordingGoneError,
  RecordingNetworkError,
  RecordingProcessingError,
  RecordingResponseError,
  RecordingServerError,
  WavFormatError,
  isRecordingError,
  type RecordingErrorKind,
} from './errors';
export {
  createRecordingClient,
  type GetRecordingOptions,
  type Recording,
  type RecordingClient,
  type RecordingClientOptions,
  type RecordingSet,
} from './recordingClient';
export { recordingResponseSchema, type RecordingResponseBody } from './responseSchema';
export { urlExpiry } from './urlExpiry';
export { policyLifetimeMs, recordingExpiry, type ExpirySources, type RecordingMode } from './urlLifetime';
export {
  DEFAULT_MIN_REFRESH_DELAY_MS,
  DEFAULT_REFRESH_MARGIN_MS,
  refreshAt,
  type Expiring,
  type RefreshTiming,
} from './refreshAt';
export { retryDelay, shouldRetry, type RetryPolicyOptions } from './retryPolicy';
export { isExpiredStorageResponse, probeStorageUrl, type UrlProbeResult } from './storageExpiry';
export { parseWavHeader, type WavHeader } from './parseWavHeader';
export { PeakAccumulator, peaksFromWav, readSample, type ExactPeaks } from './peaks';
export {
  createPeakOverview,
  type PeakOverview,
  type PeakOverviewOptions,
  type PeakOverviewProblem,
  type PeakOverviewUpdate,
} from './peakOverview';
export { createPeakExtractor, type PeakExtractor, type PeakExtractorOptions } from './peakExtractor';
export {
  DownloadUrlExpiredError,
  downloadRecordingFile,
  type DownloadOptions,
  type DownloadProgress,
} from './downloadRecordingFile';
