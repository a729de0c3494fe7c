import { createPeakOverview, type PeakOverview, type PeakOverviewOptions } from './peakOverview';
import type { FromPeakWorker, ToPeakWorker } from './peakWorkerProtocol';

export interface PeakExtractorOptions extends PeakOverviewOptions {
  /** 'auto' (default): a Web Worker when the page allows one, else the calling thread. */
  thread?: 'auto' | 'worker' | 'main';
}

export interface PeakExtractor extends PeakOverview {
  /** Where the work runs: a worker, or the calling thread (no Worker, or one blocked by CSP). */
  readonly thread: 'worker' | 'main';
}

function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./peakWorker.ts', import.meta.url), {
      type: 'module',
      name: 'ambient-audio-peaks',
    });
  } catch {
    return null;
  }
}

/**
 * The progressive peak overview of `createPeakOverview`, in a Web Worker when it can be. A worker
 * that cannot start (CSP, an old bundler) falls back to the calling thread, where the overview still
 * works: it awaits the network between small bursts of arithmetic. `fetch` overrides only apply on
 * the calling thread.
 */
export function createPeakExtractor(options: PeakExtractorOptions): PeakExtractor {
  const worker = options.thread === 'main' || options.fetch ? null : startWorker();
  if (!worker) return inline(options);

  let bytesFetched = 0;
  let settled = false;
  let fallback: PeakOverview | null = null;
  let resolveDone: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    resolveDone = resolve;
  });
  const finish = () => {
    if (settled) return;
    settled = true;
    worker.terminate();
    resolveDone();
  };
  const send = (message: ToPeakWorker) => {
    if (!settled) worker.postMessage(message);
  };
  worker.onmessage = ({ data }: MessageEvent<FromPeakWorker>) => {
    switch (data.type) {
      case 'update':
        bytesFetched = data.update.bytesFetched;
        options.onUpdate?.(data.update);
        break;
      case 'problem':
        options.onProblem?.(data.problem);
        break;
      case 'done':
      case 'failed':
        finish();
        break;
    }
  };
  // A worker the page refuses to run (CSP) fails here: continue on this thread instead.
  worker.onerror = (event) => {
    event.preventDefault();
    if (settled) return;
    settled = true;
    worker.terminate();
    fallback = createPeakOverview({ ...options, url: currentUrl });
    void fallback.done.then(resolveDone);
  };
  let currentUrl = options.url;
  const {
    fetch: _fetch,
    onUpdate: _onUpdate,
    onProblem: _onProblem,
    thread: _thread,
    ...transferable
  } = options;
  send({ type: 'start', options: transferable });

  return {
    thread: 'worker',
    done,
    get bytesFetched() {
      return fallback?.bytesFetched ?? bytesFetched;
    },
    setUrl(url) {
      currentUrl = url;
      if (fallback) fallback.setUrl(url);
      else send({ type: 'set-url', url });
    },
    pause() {
      if (fallback) fallback.pause();
      else send({ type: 'pause' });
    },
    resume() {
      if (fallback) fallback.resume();
      else send({ type: 'resume' });
    },
    cancel() {
      if (fallback) fallback.cancel();
      send({ type: 'cancel' });
      finish();
    },
  };
}

function inline(options: PeakExtractorOptions): PeakExtractor {
  const overview = createPeakOverview(options);
  return {
    thread: 'main',
    done: overview.done,
    get bytesFetched() {
      return overview.bytesFetched;
    },
    setUrl: (url) => overview.setUrl(url),
    pause: () => overview.pause(),
    resume: () => overview.resume(),
    cancel: () => overview.cancel(),
  };
}
