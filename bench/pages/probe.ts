/**
 * What each benchmark page records, read by bench/run.ts: times are ms since navigation start
 * (performance.now()), the same clock for all three players.
 */
export interface BenchProbe {
  firstAudio?: number;
  waveform?: number;
  waveformBytes?: number;
  seekStart?: number;
  seekDone?: number;
  duration?: number;
  error?: string;
  seek90?: () => void;
}

declare global {
  interface Window {
    __bench: BenchProbe;
  }
}

export const probe: BenchProbe = {};
window.__bench = probe;

export function params(): URLSearchParams {
  return new URLSearchParams(window.location.search);
}

/** First audio: `playing` fired and the position has moved on since. */
export function watchFirstAudio(media: HTMLMediaElement): void {
  let playingAt: number | null = null;
  media.addEventListener('playing', () => {
    playingAt ??= media.currentTime;
  });
  const check = () => {
    if (probe.firstAudio === undefined && playingAt !== null && media.currentTime > playingAt + 0.05) {
      probe.firstAudio = performance.now();
      return;
    }
    if (probe.firstAudio === undefined) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

/** Seek done: playback advances past the target. */
export function watchSeek(media: () => HTMLMediaElement | null, target: number): void {
  probe.seekStart = performance.now();
  const check = () => {
    const element = media();
    if (element && !element.paused && element.currentTime > target + 0.25) {
      probe.seekDone = performance.now();
      return;
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}
