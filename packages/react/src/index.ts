// Styles ship separately as `@ambient-audio/react/styles.css`, so importing the components has no
// side effects and hosts choose where the CSS goes.
export { RecordingPlayer, type AuditEvent, type RecordingPlayerProps } from './RecordingPlayer';
export { WaveformPlayer, defaultPlaybackRates, type WaveformPlayerProps } from './WaveformPlayer';
export { usePlayerControls, type PlayerControls } from './usePlayerControls';
export type { PlayerEvent, PlayerEventType, PlayerHandle } from './playerEvents';
export {
  RecordingClientProvider,
  useRecordingClient,
  type RecordingClientProviderProps,
} from './hooks/RecordingClientProvider';
export {
  recordingQueryKey,
  recordingQueryOptions,
  setRefreshAt,
  type RecordingQueryConfig,
  type RecordingQueryKey,
} from './hooks/recordingQueryOptions';
export {
  useRecording,
  type RecordingState,
  type UseRecordingOptions,
  type UseRecordingResult,
} from './hooks/useRecording';
export {
  useRecordingDownload,
  type DownloadedRecording,
  type UseRecordingDownloadResult,
} from './hooks/useRecordingDownload';
export { defaultLabels, resolveLabels, spokenDuration, type PlayerLabels } from './labels';
export { formatTime } from './formatTime';
export { TimeDisplay, type TimeDisplayProps } from './TimeDisplay';
export { SeekSlider, type SeekSliderProps } from './controls/SeekSlider';
export { PlayPauseButton, type PlayPauseButtonProps } from './controls/PlayPauseButton';
export { SkipButton, type SkipButtonProps } from './controls/SkipButton';
export { PlaybackRateSelect, type PlaybackRateSelectProps } from './controls/PlaybackRateSelect';
export { VolumeControl, type VolumeControlProps } from './controls/VolumeControl';
export { DownloadButton, type DownloadButtonProps } from './controls/DownloadButton';
export { useSeekSlider, type SeekSliderState, type UseSeekSliderOptions } from './useSeekSlider';
export { usePlayerShortcuts, type PlayerShortcutHandlers } from './usePlayerShortcuts';
export {
  ChunkedMediaElement,
  type ChunkedMediaSnapshot,
  type MediaChunk,
  type MediaFailure,
} from './media/ChunkedMediaElement';
export type { WaveformPeaks } from './media/useWaveformEngine';
export type { WaveformProgress } from './media/usePeaks';
