// What the waveform needs once there is something to draw, in one chunk that a host's build loads
// after the player has mounted: wavesurfer.js, the column layout and the renderer, and the playhead's
// pacing, the zoom gestures and the zoomed view's overview strip. The first audio waits for none of it.
export { createWaveform } from './createWaveform';
export { redrawInPlace, waveformPicture } from './waveformPicture';
export { attachZoomGestures } from './zoomGestures';
export { OverviewStrip } from './OverviewStrip';
export { redrawPacer } from './redrawPacing';
