import WaveSurfer from 'wavesurfer.js';
import { drawPlayheadOnlyWhenItMoves, tickOnlyAsOftenAsThePlayheadMoves } from './playheadPacing';
import type { ChunkedMediaElement } from '@ambient-audio/core';
import type { waveformPicture } from './waveformPicture';

/**
 * The player's wavesurfer instance over `container`, drawing `picture` of a `duration`-second
 * recording: it never seeks or scrolls by itself (the player does both), draws the playhead only
 * when it moves, and reports each scroll of its view as `onScroll(start, end, duration)` in seconds
 * (the duration being the one it draws now: a redraw in place may have changed it).
 */
export function createWaveform(
  container: HTMLElement,
  media: ChunkedMediaElement,
  picture: ReturnType<typeof waveformPicture>,
  duration: number,
  onScroll: (start: number, end: number, duration: number) => void,
): WaveSurfer {
  const { style, peaks, pxPerSec } = picture;
  const ws = WaveSurfer.create({
    container,
    // Duck-typed media, as wavesurfer's own WebAudio player is: see ChunkedMediaElement.
    media: media as unknown as HTMLMediaElement,
    interact: false,
    height: 'auto',
    ...style,
    cursorWidth: 2,
    normalize: false,
    hideScrollbar: true,
    autoScroll: false,
    autoCenter: false,
    minPxPerSec: pxPerSec,
  });
  drawPlayheadOnlyWhenItMoves(ws);
  tickOnlyAsOftenAsThePlayheadMoves(ws);
  // The view moves only through the player (following the playhead, the overview strip, a pan on
  // the waveform, the slider's keys): a scroll container of its own would be a region keyboard
  // users could not reach, and a scroll the player did not ask for.
  // (wavesurfer sets the container's overflow inline on every render: a rule in its shadow root
  // marked important outranks that.)
  const root = ws.getWrapper().getRootNode();
  if (root instanceof ShadowRoot) {
    const rule = document.createElement('style');
    rule.textContent = '.scroll { overflow-x: hidden !important; }';
    root.append(rule);
  }
  ws.on('scroll', (start, end) => onScroll(start, end, ws.getDuration()));
  ws.load('', peaks, duration).catch(() => {
    // A load superseded by destroy() rejects; nothing to report.
  });
  return ws;
}
