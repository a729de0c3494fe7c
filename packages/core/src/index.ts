export {
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
export {
  DEFAULT_API_TIMEOUT_MS,
  MAX_BODY_BYTES,
  MAX_CHUNKS,
  createRecordingClient,
  type GetRecordingOptions,
  type Recording,
  type RecordingClient,
  type RecordingClientOptions,
  type RecordingSet,
} from './recordingClient';
export {
  parseRecordingResponse,
  type ParsedRecordingResponse,
  type RecordingResponseBody,
  type RecordingResponseItem,
} from './responseSchema';
export { urlExpiry, urlSigningDate } from './urlExpiry';
export {
  MAX_URL_LIFETIME_MS,
  expiresAtMs,
  policyLifetimeMs,
  recordingExpiry,
  type ExpirySources,
  type RecordingMode,
} from './urlLifetime';
export { MAX_CLOCK_OFFSET_MS, estimateClockOffset, type ServerTimeEvidence } from './serverClock';
export {
  MAX_TIMER_DELAY_MS,
  clampDelay,
  clock,
  type Clock,
  type ClockProvider,
  type TimerHandle,
} from './clock';
export {
  DEFAULT_MIN_REFRESH_DELAY_MS,
  DEFAULT_REFRESH_MARGIN_MS,
  MAX_REFRESH_BACKOFF_MS,
  MIN_REFRESH_BACKOFF_MS,
  nextRefreshAttempt,
  planRefresh,
  refreshAt,
  type Expiring,
  type RefreshTiming,
} from './refreshAt';
export {
  createRetryPolicy,
  retryDelay,
  shouldRetry,
  type RetryPolicy,
  type RetryPolicyOptions,
} from './retryPolicy';
export {
  EXPIRY_SLACK_MS,
  isAtExpiry,
  isExpiredStorageResponse,
  probeStorageUrl,
  type ExpiryContext,
  type ProbeOptions,
  type UrlProbeResult,
} from './storageExpiry';
export { parseWavHeader } from './parseWavHeader';
// The media engine loads it when an element fails before its metadata: a chunk of its own.
export type { StorageSource } from './probeStorageSource';
export { scanWavHeader, type ReadAt, type WavHeader, type WavHeaderScan } from './scanWavHeader';
export type { PeakFile } from './fileByteReader';
export { ColumnQuality } from './waveform/columnQuality';
// The engine itself runs inside createWaveformExtractor (in its worker, or in a lazily loaded chunk
// when no worker can start): exported, it would be in every host's first bundle. For the same reason
// `createWaveformExtractor` and `CueTracker` come through loaders (`loadWaveformExtractor`,
// `loadCueTracker`); here are only their types.
export type {
  WaveformColumns,
  WaveformDetail,
  WaveformEngine,
  WaveformEngineOptions,
  WaveformOverview,
  WaveformProblem,
  WaveformSettings,
  WaveformSource,
} from './waveform/waveformEngine';
export type { WaveformExtractor, WaveformExtractorOptions } from './waveform/createWaveformExtractor';
export type { DownloadOptions, DownloadProgress } from './downloadRecordingFile';
export {
  downloadRecordingFile,
  fetchToSink,
  preloadWholeFileDownloads,
  saveRecordingFiles,
} from './wholeFileDownloads';
export { safeFileName } from './safeFileName';
export type { ByteSink, FetchToSinkOptions, FetchToSinkResult } from './fetchToSink';
export type { SaveFile, SaveMethod, SaveOptions, SaveProgress, SaveResult } from './saveRecordingFiles';
export {
  ChunkedMediaElement,
  type ChunkedMediaOptions,
  type ChunkedMediaSnapshot,
  type MediaChunk,
  type MediaFailure,
} from './media/ChunkedMediaElement';
export { chunkStarts, locate, timelineDuration } from './media/chunkTimeline';
export { RECONNECT_MAX_DELAY_MS, reconnectDelay } from './media/reconnect';
export {
  activeCueAt,
  nextCue,
  prepareCues,
  previousCue,
  type Cue,
  type CueProblem,
  type PreparedCues,
} from './cues/cues';
export type { CueTracker, CueMedia, CueTrackerOptions, PlayCueOptions } from './cues/cueTracker';
export { loadCueTracker, loadWaveformExtractor } from './lazyParts';
