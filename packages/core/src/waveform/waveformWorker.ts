import { createWaveformEngine, type WaveformEngine } from './waveformEngine';
import type { FromWaveformWorker, ToWaveformWorker } from './waveformWorkerProtocol';

/**
 * The Web Worker side of `createWaveformExtractor`: runs one waveform engine off the main thread, so
 * reading and measuring megabytes of samples never competes with rendering or the player's controls.
 * A thin adapter: all the work is `createWaveformEngine`'s, which runs the same on either side.
 */
interface WorkerScope {
  onmessage: ((event: MessageEvent<ToWaveformWorker>) => void) | null;
  postMessage(message: FromWaveformWorker, transfer?: Transferable[]): void;
  close(): void;
}

const scope = self as unknown as WorkerScope;
let engine: WaveformEngine | null = null;

scope.onmessage = ({ data }) => {
  switch (data.type) {
    case 'start': {
      engine?.cancel();
      const current = createWaveformEngine({
        ...data.settings,
        sources: data.sources,
        durations: data.durations,
        // The arrays are fresh for each update: hand them over instead of copying them.
        onOverview: (overview) =>
          scope.postMessage({ type: 'overview', overview }, [
            overview.peak.buffer as ArrayBuffer,
            overview.rms.buffer as ArrayBuffer,
            overview.quality.buffer as ArrayBuffer,
          ]),
        onDetail: (detail) =>
          scope.postMessage({ type: 'detail', detail }, [
            detail.peak.buffer as ArrayBuffer,
            detail.rms.buffer as ArrayBuffer,
            detail.known.buffer as ArrayBuffer,
          ]),
        onProblem: (problem, chunk) => scope.postMessage({ type: 'problem', problem, chunk }),
      });
      engine = current;
      const finished = () => scope.postMessage({ type: 'done', bytesFetched: current.bytesFetched });
      current.done.then(finished, finished);
      break;
    }
    case 'set-url':
      engine?.setUrl(data.index, data.url, data.expiresAt);
      break;
    case 'set-durations':
      engine?.setDurations(data.durations);
      break;
    case 'show-detail':
      engine?.showDetail(data.start, data.end, data.focus);
      break;
    case 'pause':
      engine?.pause();
      break;
    case 'resume':
      engine?.resume();
      break;
    case 'cancel':
      engine?.cancel();
      scope.close();
      break;
  }
};
