import { isBlob } from '../fileByteReader';
import type { WaveformEngine, WaveformEngineOptions, WaveformSettings } from './waveformEngine';
import type { FromWaveformWorker, ToWaveformWorker, WorkerWaveformSource } from './waveformWorkerProtocol';

export type WaveformExtractorOptions = WaveformEngineOptions & {
  /** 'auto' (default): a Web Worker when the page allows one, else the calling thread. */
  thread?: 'auto' | 'main' | undefined;
  /**
   * Makes the worker, for hosts whose bundler does not handle `new Worker(new URL(..., import.meta.url))`
   * (or that serve the worker themselves). Default: the worker shipped next to this module.
   */
  createWorker?: (() => Worker) | undefined;
  /** Where the worker script is served (a copy of `@ambient-audio/core/waveform-worker`); `createWorker` wins. */
  workerUrl?: string | URL | undefined;
};

export interface WaveformExtractor extends WaveformEngine {
  /**
   * Where the work runs now: a worker, or the calling thread (no Worker, a worker that failed to load,
   * e.g. blocked by CSP, or a custom `fetch`, which cannot enter a worker).
   */
  readonly thread: 'worker' | 'main';
}

function defaultWorker(): Worker {
  // Kept in exactly this form, which bundlers recognise: the library build ships the worker as
  // dist/waveformWorker.js and writes this line back literally (see vite.config.ts), so a host's
  // webpack, Turbopack, Vite, Rollup or Parcel build finds, bundles and serves it.
  return new Worker(new URL('./waveformWorker.ts', import.meta.url), { type: 'module' });
}

/**
 * Vite 7's dev server pre-bundles a dependency into `node_modules/.vite/deps/`, where the worker file
 * next to it is not (vitejs/vite#8427; Vite 8's optimizer keeps it). There, and only there, the worker
 * is loaded from the package's own `dist/`, which the dev server serves as it is.
 */
function optimizedDependencyWorker(): Worker | null {
  const here = import.meta.url;
  if (!/\/node_modules\/\.vite\/deps(_[a-z]+)?\//.test(here)) return null;
  try {
    return new Worker(new URL('../../@ambient-audio/core/dist/waveformWorker.js', here), { type: 'module' });
  } catch {
    return null;
  }
}

let warned = false;

/**
 * Says once per page, on the console, that the waveform runs on the main thread: still correct, but
 * a host would want to know (a CSP without `worker-src 'self'`, a bundler that left the file behind).
 * Never with the worker's URL or anything else from the page.
 */
function warnFallback(why: string): void {
  if (warned) return;
  warned = true;
  console.warn(
    `ambient-audio: the waveform's Web Worker ${why}; it is computed on the main thread instead. ` +
      "Allow worker-src 'self' or pass createWorker (see @ambient-audio/core's README).",
  );
}

function tryCreate(create: () => Worker | null): Worker | null {
  try {
    return create();
  } catch {
    // Some browsers throw at once for a worker the page's CSP forbids.
    return null;
  }
}

/** The settings that can cross into a worker, picked one by one: a function among them would not. */
const SETTING_KEYS = [
  'columns',
  'budgetBytes',
  'budgetShare',
  'firstPassWindows',
  'minWindowBytes',
  'maxWindowBytes',
  'concurrency',
  'detailBinsPerSecond',
  'detailCacheBytes',
  'detailMargin',
  'detailExactMaxBytes',
  'detailSampledColumns',
  'retryDelaysMs',
  'mode',
] as const satisfies readonly (keyof (WaveformSettings & { mode: unknown }))[];

/**
 * The waveform engine of `createWaveformEngine`, in a Web Worker when it can be. A worker that cannot
 * start (no Worker, CSP, a bundler that left the file behind) falls back to the calling thread, where
 * the engine still works (it awaits the network, or yields between blocks of a file), carrying over
 * the latest URLs, lengths, detail window and pause. The extractor owns its worker: `cancel()`
 * terminates it.
 */
export function createWaveformExtractor(options: WaveformExtractorOptions): WaveformExtractor {
  const { createWorker, workerUrl } = options;
  const candidates: (() => Worker | null)[] = [];
  if (options.thread !== 'main' && !options.fetch && typeof Worker !== 'undefined') {
    if (createWorker) candidates.push(createWorker);
    else if (workerUrl !== undefined) candidates.push(() => new Worker(workerUrl, { type: 'module' }));
    else candidates.push(defaultWorker, optimizedDependencyWorker);
  } else if (options.thread !== 'main' && !options.fetch) {
    warnFallback('is not available here');
  }

  // What the engine has been told, replayed into whichever engine ends up doing the work.
  const sources = options.sources.map((source) => ({ ...source }));
  let durations = options.durations ? [...options.durations] : undefined;
  let detail: { start: number; end: number; focus?: number | undefined } | null = null;
  let paused = false;
  let cancelled = false;
  let engine: WaveformEngine | null = null;
  let worker: Worker | null = null;
  let heard = false;
  let bytesFetched = 0;
  let resolveDone: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    resolveDone = resolve;
  });

  // The engine itself is loaded only when it has to run here: the worker has its own copy, and most
  // pages never need this one.
  let local: Promise<void> | null = null;
  const onThisThread = () => {
    local ??= import('./waveformEngine').then(({ createWaveformEngine }) => {
      if (cancelled) return resolveDone();
      const started = createWaveformEngine({ ...options, sources, durations });
      engine = started;
      if (detail) started.showDetail(detail.start, detail.end, detail.focus);
      if (paused) started.pause();
      void started.done.then(resolveDone, resolveDone);
    });
  };

  const stopWorker = () => {
    if (!worker) return;
    worker.onmessage = null;
    worker.onerror = null;
    worker.onmessageerror = null;
    worker.terminate();
    worker = null;
  };

  const send = (message: ToWaveformWorker) => worker?.postMessage(message);

  const startMessage = (): ToWaveformWorker => {
    const settings: Record<string, unknown> = {};
    for (const key of SETTING_KEYS) if (options[key] !== undefined) settings[key] = options[key];
    const crossing: WorkerWaveformSource[] = sources.map((source) =>
      'file' in source
        ? // A Blob crosses by reference; bytes are wrapped in one (a single copy) instead of cloned.
          { file: isBlob(source.file) ? source.file : new Blob([toBlobPart(source.file)]) }
        : { url: source.url, expiresAt: source.expiresAt },
    );
    return { type: 'start', sources: crossing, settings, durations };
  };

  const next = (): void => {
    while (candidates.length > 0) {
      const created = tryCreate(candidates.shift() as () => Worker | null);
      if (!created) continue;
      worker = created;
      heard = false;
      created.onmessage = ({ data }: MessageEvent<FromWaveformWorker>) => {
        heard = true;
        switch (data.type) {
          case 'overview':
            bytesFetched = data.overview.bytesFetched;
            options.onOverview?.(data.overview);
            break;
          case 'detail':
            bytesFetched = data.detail.bytesFetched;
            options.onDetail?.(data.detail);
            break;
          case 'problem':
            options.onProblem?.(data.problem, data.chunk);
            break;
          case 'done':
            bytesFetched = data.bytesFetched;
            resolveDone();
            break;
        }
      };
      // A worker the page refuses to run (CSP, a missing file) fails here, before it has said anything:
      // the next way of starting one, else this thread.
      const failed = (event: Event) => {
        event.preventDefault();
        if (cancelled) return;
        stopWorker();
        if (heard) {
          onThisThread();
          return;
        }
        next();
      };
      created.onerror = failed;
      created.onmessageerror = failed;
      send(startMessage());
      if (detail) send({ type: 'show-detail', ...detail });
      if (paused) send({ type: 'pause' });
      return;
    }
    if (options.thread !== 'main' && !options.fetch) warnFallback('could not be loaded');
    onThisThread();
  };
  next();

  const apply = (message: ToWaveformWorker, local: (target: WaveformEngine) => void) => {
    if (engine) local(engine);
    else send(message);
  };

  return {
    get thread() {
      return engine || local ? 'main' : 'worker';
    },
    done,
    get bytesFetched() {
      return engine?.bytesFetched ?? bytesFetched;
    },
    setUrl(index, url, expiresAt) {
      const source = sources[index];
      if (!source || 'file' in source) return;
      sources[index] = { url, expiresAt };
      apply({ type: 'set-url', index, url, expiresAt }, (target) => target.setUrl(index, url, expiresAt));
    },
    setDurations(lengths) {
      if (durations) return;
      durations = [...lengths];
      apply({ type: 'set-durations', durations }, (target) => target.setDurations(lengths));
    },
    showDetail(start, end, focus) {
      detail = { start, end, focus };
      apply({ type: 'show-detail', start, end, focus }, (target) => target.showDetail(start, end, focus));
    },
    pause() {
      paused = true;
      apply({ type: 'pause' }, (target) => target.pause());
    },
    resume() {
      paused = false;
      apply({ type: 'resume' }, (target) => target.resume());
    },
    cancel() {
      if (cancelled) return;
      cancelled = true;
      engine?.cancel();
      send({ type: 'cancel' });
      stopWorker();
      resolveDone();
    },
  };
}

function toBlobPart(bytes: ArrayBuffer | ArrayBufferView): BlobPart {
  return ArrayBuffer.isView(bytes)
    ? new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength)
    : bytes;
}
