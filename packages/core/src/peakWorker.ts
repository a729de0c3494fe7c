import { createPeakOverview, type PeakOverview } from './peakOverview';
import type { FromPeakWorker, ToPeakWorker } from './peakWorkerProtocol';

/**
 * The Web Worker side of `createPeakExtractor`: runs one overview off the main thread, so reading
 * and measuring megabytes of samples never competes with rendering or the player's controls.
 */
interface WorkerScope {
  onmessage: ((event: MessageEvent<ToPeakWorker>) => void) | null;
  postMessage(message: FromPeakWorker, transfer?: Transferable[]): void;
  close(): void;
}

const scope = self as unknown as WorkerScope;
let overview: PeakOverview | null = null;

scope.onmessage = ({ data }) => {
  switch (data.type) {
    case 'start':
      overview?.cancel();
      overview = createPeakOverview({
        ...data.options,
        onUpdate: (update) =>
          scope.postMessage(
            { type: 'update', update },
            update.peaks.map((channel) => channel.buffer as ArrayBuffer),
          ),
        onProblem: (problem) => scope.postMessage({ type: 'problem', problem }),
      });
      overview.done.then(
        () => scope.postMessage({ type: 'done', bytesFetched: overview?.bytesFetched ?? 0 }),
        () => scope.postMessage({ type: 'failed' }),
      );
      break;
    case 'set-url':
      overview?.setUrl(data.url);
      break;
    case 'pause':
      overview?.pause();
      break;
    case 'resume':
      overview?.resume();
      break;
    case 'cancel':
      overview?.cancel();
      scope.close();
      break;
  }
};
