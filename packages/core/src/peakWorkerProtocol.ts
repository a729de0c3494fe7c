import type { PeakOverviewOptions, PeakOverviewProblem, PeakOverviewUpdate } from './peakOverview';

/** Options that can cross into a worker: no functions. */
export type WorkerOverviewOptions = Omit<PeakOverviewOptions, 'fetch' | 'onUpdate' | 'onProblem'>;

export type ToPeakWorker =
  | { type: 'start'; options: WorkerOverviewOptions }
  | { type: 'set-url'; url: string }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'cancel' };

export type FromPeakWorker =
  | { type: 'update'; update: PeakOverviewUpdate }
  | { type: 'problem'; problem: PeakOverviewProblem }
  | { type: 'done'; bytesFetched: number }
  | { type: 'failed' };
