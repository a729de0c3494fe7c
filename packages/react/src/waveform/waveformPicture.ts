import type { WaveformDetail } from '@ambient-audio/core';
import type WaveSurfer from 'wavesurfer.js';
import { overviewColumns, zoomedColumns, type WaveformLoudness } from './displayColumns';
import { loudnessRenderer } from './drawLoudness';

/** Bar layout, CSS px: one bar every three pixels. */
const BAR_WIDTH = 2;
const BAR_GAP = 1;

/** The theme's colours, read from the custom properties the waveform's container inherits. */
function readPalette(element: HTMLElement) {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const opacity = Number.parseFloat(read('--aa-envelope-opacity', '0.45'));
  return {
    wave: read('--aa-wave', '#3f5873'),
    progress: read('--aa-progress', '#0b5cad'),
    cursor: read('--aa-cursor', '#c21f2c'),
    envelopeOpacity: Number.isFinite(opacity) ? opacity : 0.45,
  };
}

/**
 * What wavesurfer is given to draw: the columns at the container's width and zoom (`zoomWindow`
 * seconds across, null for the whole recording), scaled to the recording's speech level, in the
 * theme's colours.
 */
export function waveformPicture(
  container: HTMLElement,
  loudness: WaveformLoudness,
  detail: WaveformDetail | null,
  zoomWindow: number | null,
  referenceLevel: number,
) {
  const palette = readPalette(container);
  const width = Math.max(1, container.clientWidth);
  const pxPerSec = zoomWindow === null ? 0 : width / zoomWindow;
  const drawn =
    zoomWindow === null
      ? overviewColumns(loudness, referenceLevel)
      : zoomedColumns(loudness, detail, pxPerSec / (BAR_WIDTH + BAR_GAP), referenceLevel);
  return {
    style: {
      waveColor: palette.wave,
      progressColor: palette.progress,
      cursorColor: palette.cursor,
      renderFunction: loudnessRenderer({
        barWidth: BAR_WIDTH,
        barGap: BAR_GAP,
        envelopeOpacity: palette.envelopeOpacity,
      }),
    },
    peaks: [drawn.envelope, drawn.level],
    pxPerSec,
  };
}

/**
 * Draws a new picture on an existing wavesurfer, once. Its setOptions redraws the data it already
 * had, at the new options, and only then could the new data be drawn: every zoom step and every
 * refinement drew its canvases twice.
 */
export function redrawInPlace(ws: WaveSurfer, picture: ReturnType<typeof waveformPicture>, duration: number) {
  const renderer = ws.getRenderer();
  renderer.reRender = () => {};
  try {
    ws.setOptions({ ...picture.style, peaks: picture.peaks, duration, minPxPerSec: picture.pxPerSec });
  } finally {
    // The prototype's again.
    delete (renderer as { reRender?: unknown }).reRender;
  }
  const decoded = ws.getDecodedData();
  if (decoded) void renderer.render(decoded);
}
