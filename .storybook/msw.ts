import { isCommonAssetRequest, type RequestHandler } from 'msw';
import { setupWorker, type SetupWorker } from 'msw/browser';
import type { MswParameter } from 'msw-storybook-addon/csf3';
import type { Loader } from '@storybook/react-vite';

let started: Promise<SetupWorker> | null = null;

/**
 * Keeps the `Range` header of the requests an `<audio>` element makes. msw's service worker sends
 * each intercepted request to the page, which rebuilds it as `new Request(url, { mode, headers, … })`;
 * a media element's request has `mode: 'no-cors'`, and a no-cors Request keeps only CORS-safelisted
 * headers, so its `Range` was dropped and the story storage could only answer 200 with the whole file
 * (msw #2552, "wontfix": the browser's rule). The player deliberately sets no `crossorigin` (buckets
 * without CORS must still play), so here a no-cors request to the page's own origin that carries a
 * Range is rebuilt as `same-origin`, which keeps it. Only constructions go through this trap:
 * `instanceof Request`, the prototype and everything else are the browser's own.
 */
function keepRangeOfMediaRequests(): void {
  const NativeRequest = globalThis.Request;
  globalThis.Request = new Proxy(NativeRequest, {
    construct(target, [input, init]: ConstructorParameters<typeof Request>, newTarget) {
      if (init?.mode === 'no-cors' && init.headers && typeof input === 'string') {
        const sameOrigin = new URL(input, location.href).origin === location.origin;
        if (sameOrigin && new Headers(init.headers).has('range')) {
          return Reflect.construct(target, [input, { ...init, mode: 'same-origin' }], newTarget) as Request;
        }
      }
      return Reflect.construct(target, [input, init], newTarget) as Request;
    },
  });
}

function startWorker(): Promise<SetupWorker> {
  started ??= (async () => {
    keepRangeOfMediaRequests();
    const worker = setupWorker();
    await worker.start({
      quiet: true,
      onUnhandledRequest(request, print) {
        const { pathname } = new URL(request.url);
        // Storybook's own modules and assets, and the speech fixture the stories slice audio from.
        if (isCommonAssetRequest(request) || pathname.startsWith('/fixtures/') || pathname === '/favicon.ico')
          return;
        if (/sb-|iframe\.html|\.mdx$|\.stories\.|@vite|@react-refresh|\/virtual:|__vitest/.test(request.url))
          return;
        print.warning();
      },
    });
    return worker;
  })();
  return started;
}

function handlersOf(parameter: MswParameter | undefined): RequestHandler[] {
  if (!parameter) return [];
  if (Array.isArray(parameter)) return parameter as RequestHandler[];
  const { handlers } = parameter;
  if (!handlers) return [];
  return (Array.isArray(handlers) ? handlers : Object.values(handlers)).flat() as RequestHandler[];
}

/**
 * Registers each story's `parameters.msw` handlers with one service worker and never resets them.
 * msw-storybook-addon's `mswLoader` resets the handlers for every story it loads, so on a Docs page,
 * where all of a component's stories render together, only the last story's handlers survived and
 * every player showed that story's state. Here each story names its own session id, its handlers
 * answer for that id only, and so they coexist: on a Docs page, in the canvas and in the story tests.
 * A story rendered again registers fresh handlers, which msw puts in front of its older ones.
 */
export const mswStoryLoader: Loader = async (context) => {
  const worker = await startWorker();
  const handlers = handlersOf(context.parameters['msw'] as MswParameter | undefined);
  if (handlers.length > 0) worker.use(...handlers);
  return {};
};
