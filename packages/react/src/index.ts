// Styles ship separately as `@ambient-audio/react/styles.css`, so importing the components has no
// side effects and hosts choose where the CSS goes.
export { RecordingPlayer, type AuditEvent, type RecordingPlayerProps } from './RecordingPlayer';
export { WaveformPlayer, defaultPlaybackRates, type WaveformPlayerProps } from './WaveformPlayer';
export {
  useActiveCue,
  useIsActiveCue,
  usePlayerControls,
  usePlayerTime,
  type PlayerControls,
} from './hooks/usePlayerControls';
export type { PlayerEvent, PlayerEventType, PlayerHandle } from './playerEvents';
export {
  RecordingClientProvider,
  useRecordingClient,
  type RecordingClientProviderProps,
} from './hooks/RecordingClientProvider';
export {
  recordingQueryKey,
  recordingQueryOptions,
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
  defaultDownloadName,
  useRecordingDownload,
  type DownloadNameContext,
  type DownloadedRecording,
  type SaveState,
  type UseRecordingDownloadOptions,
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
export { useSeekSlider, type SeekSliderState, type UseSeekSliderOptions } from './hooks/useSeekSlider';
export { usePlayerShortcuts, type PlayerShortcutHandlers } from './hooks/usePlayerShortcuts';
export type { WaveformPeaks, WaveformView } from './hooks/useWaveformEngine';
export {
  useWaveformData,
  type UseWaveformDataOptions,
  type WaveformBudget,
  type WaveformData,
  type WaveformInput,
  type WaveformProgress,
  type WaveformUnavailable,
} from './hooks/useWaveformData';
export { useZoom, MIN_ZOOM_WINDOW, type Zoom, type ZoomRequest } from './hooks/useZoom';
export { ZoomButtons, type ZoomButtonsProps } from './controls/ZoomButtons';
export type { WaveformLoudness } from './waveform/displayColumns';
export { pluralize, type PluralForms } from './plural';
export { useDetailRequest } from './hooks/useDetailRequest';
// The cue shape, so a host that passes `cues` needs no import from core for it.
export type { Cue } from '@ambient-audio/core';
