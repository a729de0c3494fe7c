import type { WaveformDetail, WaveformOverview, WaveformProblem, WaveformSettings } from './waveformEngine';

/** A source that can cross into a worker: a URL, or a Blob (passed by reference, not copied). */
export type WorkerWaveformSource = { url: string; expiresAt?: number | null | undefined } | { file: Blob };

export type ToWaveformWorker =
  | {
      type: 'start';
      sources: WorkerWaveformSource[];
      settings: WaveformSettings & { mode?: 'sampled' | 'whole' | undefined };
      durations?: number[] | undefined;
    }
  | { type: 'set-url'; index: number; url: string; expiresAt?: number | null | undefined }
  | { type: 'set-durations'; durations: number[] }
  | { type: 'show-detail'; start: number; end: number; focus?: number | undefined }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'cancel' };

export type FromWaveformWorker =
  | { type: 'overview'; overview: WaveformOverview }
  | { type: 'detail'; detail: WaveformDetail }
  | { type: 'problem'; problem: WaveformProblem; chunk: number }
  | { type: 'done'; bytesFetched: number };
