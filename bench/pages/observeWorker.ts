import { probe, type ZoomRecord } from './probe';

/**
 * The player says nothing about its zoomed detail (`onWaveformProgress` reports the overview only),
 * so the benchmark listens to its waveform worker: every Worker the page creates is this subclass,
 * which reads the `show-detail` windows posted to it and the `detail` answers it sends back (core's
 * waveformWorkerProtocol), and changes nothing else. When the bins of the last window asked for are
 * all exact, the time is noted, and again two frames later, when the player has drawn them.
 */
interface DetailMessage {
  type: 'detail';
  detail: {
    start: number;
    binsPerSecond: number;
    known: Uint8Array;
    exact: boolean;
    bytesFetched: number;
  };
}

interface ShowDetailMessage {
  type: 'show-detail';
  start: number;
  end: number;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** Every bin of [start, end) is known and exact in `detail`. */
function covers(detail: DetailMessage['detail'], start: number, end: number): boolean {
  if (!detail.exact) return false;
  const bps = detail.binsPerSecond;
  const first = Math.floor((start - detail.start) * bps + 1e-6);
  const last = Math.ceil((end - detail.start) * bps - 1e-6);
  if (first < 0 || last > detail.known.length) return false;
  for (let i = first; i < last; i += 1) if (detail.known[i] !== 1) return false;
  return true;
}

export function observeWaveformWorker(): ZoomRecord {
  const record: ZoomRecord = { presses: [], requests: [], engineBytes: 0, details: 0 };
  probe.zoom = record;
  const Native = window.Worker;
  class ObservedWorker extends Native {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      this.addEventListener('message', (event: MessageEvent<unknown>) => {
        const data = event.data;
        if (!isObject(data)) return;
        if (data['type'] === 'overview' && isObject(data['overview'])) {
          record.engineBytes = Math.max(record.engineBytes, Number(data['overview']['bytesFetched']) || 0);
          return;
        }
        if (data['type'] !== 'detail') return;
        const { detail } = data as unknown as DetailMessage;
        record.details += 1;
        record.engineBytes = Math.max(record.engineBytes, detail.bytesFetched);
        const request = record.requests.at(-1);
        if (!request || record.exactAt !== undefined || !covers(detail, request.start, request.end)) return;
        const at = performance.now();
        record.exactAt = at;
        record.exactEngineBytes = detail.bytesFetched;
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            // Only if no newer window was asked for meanwhile.
            if (record.requests.at(-1) === request) record.exactDrawnAt = performance.now();
          }),
        );
      });
    }

    override postMessage(message: unknown, transfer: Transferable[]): void;
    override postMessage(message: unknown, options?: StructuredSerializeOptions): void;
    override postMessage(message: unknown, options?: Transferable[] | StructuredSerializeOptions): void {
      if (isObject(message) && message['type'] === 'show-detail') {
        const { start, end } = message as unknown as ShowDetailMessage;
        record.requests.push({ at: performance.now(), start, end });
        delete record.exactAt;
        delete record.exactDrawnAt;
        delete record.exactEngineBytes;
      }
      if (Array.isArray(options)) super.postMessage(message, options);
      else super.postMessage(message, options);
    }
  }
  window.Worker = ObservedWorker;
  // The presses (a click on "Zoom in", or `+`), before the player handles them. A press starts a
  // new wait: an earlier window drawn exact is not the one this press asks for.
  const pressed = () => {
    record.presses.push(performance.now());
    delete record.exactAt;
    delete record.exactDrawnAt;
    delete record.exactEngineBytes;
  };
  document.addEventListener(
    'click',
    (event) => {
      const target = event.target instanceof Element ? event.target.closest('button') : null;
      if (target?.getAttribute('aria-label') === 'Zoom in') pressed();
    },
    { capture: true },
  );
  document.addEventListener(
    'keydown',
    (event) => {
      if (event.key === '+' || event.key === '=') pressed();
    },
    { capture: true },
  );
  return record;
}
