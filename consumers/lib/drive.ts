// Drives one served host app in Chromium through the consumer assertions. Each assertion is its own
// step with a message that says what was expected and what the page showed instead.
import type { Browser, Page } from 'playwright';

export interface StepOutcome {
  step: string;
  ok: boolean;
  detail: string;
}

/** What the shared ConsumerPage records on `window.__consumer`; `thread` is read when it is there. */
interface Recorded {
  progress: { coverage?: unknown; exact?: unknown; bytesFetched?: unknown; thread?: unknown }[];
  audit: { type?: unknown }[];
}

export const driveSteps = [
  'visit-demo plays',
  'waveform draws',
  'peak worker ran in a Worker',
  'seek from the host',
  'visit-not-streamable plays',
  'no page or console errors',
] as const;

class StepFailure extends Error {}

/** A URL as it may be printed: presigned URLs carry their signature in the query, so drop it. */
function printable(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'data:' || parsed.protocol === 'blob:') return `${parsed.protocol}…`;
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return url.split('?')[0] ?? url;
  }
}

/** Strips every URL query from console text, for the same reason; one line, of a readable length. */
function printableText(text: string, max = 400): string {
  const line = text
    .replace(/(https?:\/\/[^\s?'"]+)\?[^\s'"]*/g, '$1?…')
    .replace(/\s+/g, ' ')
    .trim();
  return line.length > max ? `${line.slice(0, max)}…` : line;
}

interface WorkerCall {
  url: string;
  error?: string;
}

/**
 * Records every `new Worker(url)` of the page and whether it threw or failed to load: the diagnosis
 * when the peaks fall back to the main thread. The constructor is forwarded unchanged.
 */
function watchWorkers(): void {
  const calls: WorkerCall[] = [];
  (window as { __consumerWorkers?: WorkerCall[] }).__consumerWorkers = calls;
  window.Worker = new Proxy(window.Worker, {
    construct(target, args: ConstructorParameters<typeof Worker>) {
      const call: WorkerCall = { url: String(args[0]) };
      calls.push(call);
      try {
        const worker = Reflect.construct(target, args) as Worker;
        worker.addEventListener('error', (event) => {
          call.error = `error event${event.message ? `: ${event.message}` : ' (the script did not load or threw)'}`;
        });
        return worker;
      } catch (error) {
        call.error = `threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
        throw error;
      }
    },
  });
}

async function workerCalls(page: Page): Promise<string> {
  const calls = await page.evaluate(
    () => (window as { __consumerWorkers?: WorkerCall[] }).__consumerWorkers ?? [],
  );
  if (!calls.length) return 'the page called new Worker() 0 times';
  return `new Worker() calls: ${calls.map((call) => `${printable(call.url)} → ${call.error ?? 'started'}`).join('; ')}`;
}

async function until<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs: number,
): Promise<{ met: boolean; last: T }> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (!done(last) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    last = await read();
  }
  return { met: done(last), last };
}

async function playerTime(page: Page): Promise<number | null> {
  try {
    const value = await page
      .getByRole('slider', { name: 'Seek' })
      .getAttribute('aria-valuenow', { timeout: 1000 });
    return value === null ? null : Number(value);
  } catch {
    return null;
  }
}

async function recorded(page: Page): Promise<Recorded> {
  return page.evaluate(() => {
    const record = (window as { __consumer?: Recorded }).__consumer;
    return { progress: [...(record?.progress ?? [])], audit: [...(record?.audit ?? [])] };
  });
}

/** What the page shows instead of the player, for a failure message. */
async function visibleText(page: Page): Promise<string> {
  const text = await page
    .locator('body')
    .innerText({ timeout: 2000 })
    .catch(() => '');
  const line = text.replace(/\s+/g, ' ').trim();
  return line ? `page shows: "${line.slice(0, 240)}"` : 'page is blank';
}

async function openAndPlay(page: Page, url: string, readyTimeoutMs: number, minTime: number): Promise<void> {
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  const play = page.getByRole('button', { name: 'Play', exact: true });
  try {
    await play.waitFor({ state: 'visible', timeout: readyTimeoutMs });
    await play.click({ timeout: 10_000 });
  } catch {
    throw new StepFailure(
      `no "Play" button within ${readyTimeoutMs / 1000} s of loading the page; ${await visibleText(page)}`,
    );
  }
  const { met, last } = await until(
    () => playerTime(page),
    (time) => time !== null && time >= minTime,
    20_000,
  );
  if (!met) {
    throw new StepFailure(
      `clicked Play, but the seek slider's aria-valuenow ${last === null ? 'was not there' : `stayed at ${last}`} for 20 s (expected ≥ ${minTime})`,
    );
  }
}

/**
 * Runs every assertion against the host app at `appUrl`, with the recording API at `apiUrl`. Never
 * throws: each step becomes an outcome.
 */
export async function drive(browser: Browser, appUrl: string, apiUrl: string): Promise<StepOutcome[]> {
  const context = await browser.newContext();
  await context.addInitScript(watchWorkers);
  const page = await context.newPage();
  const errors: string[] = [];
  const httpErrors = new Set<string>();
  page.on('pageerror', (error) => errors.push(`pageerror: ${printableText(error.message, 300)}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const { url, lineNumber } = message.location();
    errors.push(
      `console.error: ${printableText(message.text(), 300)}${url ? ` (at ${printable(url)}:${lineNumber})` : ''}`,
    );
  });
  page.on('response', (response) => {
    if (response.status() >= 400) httpErrors.add(`${response.status()} ${printable(response.url())}`);
  });

  const outcomes: StepOutcome[] = [];
  let blocked: string | null = null;
  const step = async (name: (typeof driveSteps)[number], body: () => Promise<string | undefined>) => {
    if (blocked) {
      outcomes.push({ step: name, ok: false, detail: `not checked: ${blocked}` });
      return;
    }
    try {
      outcomes.push({ step: name, ok: true, detail: (await body()) ?? '' });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const line = error instanceof StepFailure ? message : (message.split('\n')[0] ?? message);
      outcomes.push({ step: name, ok: false, detail: printableText(line, 4000) });
      if (!(error instanceof StepFailure)) blocked = `the previous step failed unexpectedly`;
    }
  };
  const demoUrl = `${appUrl}/?api=${encodeURIComponent(apiUrl)}`;

  try {
    await step('visit-demo plays', async () => {
      try {
        await openAndPlay(page, demoUrl, 30_000, 2);
      } catch (error) {
        if ((await playerTime(page)) === null) blocked = 'visit-demo never showed a player';
        throw error;
      }
    });
    await step('waveform draws', async () => {
      const { met, last } = await until(
        () => recorded(page),
        (record) => record.progress.some((p) => typeof p.coverage === 'number' && p.coverage > 0),
        20_000,
      );
      if (!met) {
        throw new StepFailure(
          `no onWaveformProgress call with coverage > 0 within 20 s (${last.progress.length} calls, coverages ${JSON.stringify(last.progress.map((p) => p.coverage))})`,
        );
      }
    });
    await step('peak worker ran in a Worker', async () => {
      const { progress } = await recorded(page);
      const started = await workerCalls(page);
      if (!progress.length) throw new StepFailure(`no onWaveformProgress call arrived. ${started}`);
      const threads = [...new Set(progress.map((p) => p.thread))];
      if (threads.length === 1 && threads[0] === 'worker') return started;
      if (threads.every((thread) => thread === undefined)) {
        throw new StepFailure(
          `WaveformProgress has no \`thread\` field (it has ${Object.keys(progress[0] ?? {}).join(', ')}). ${started}`,
        );
      }
      throw new StepFailure(
        `WaveformProgress.thread was ${JSON.stringify(threads)}, not "worker". ${started}`,
      );
    });
    await step('seek from the host', async () => {
      await page.getByRole('button', { name: 'Seek to 1:00' }).click({ timeout: 5000 });
      const { met, last } = await until(
        () => playerTime(page),
        (time) => time !== null && time >= 59 && time <= 63,
        10_000,
      );
      if (!met) {
        const audit = (await recorded(page)).audit.map((event) => event.type);
        throw new StepFailure(
          `clicked "Seek to 1:00", but aria-valuenow was ${last} after 10 s (expected 59..63); audit events: ${JSON.stringify(audit)}`,
        );
      }
    });
    // The rest does not depend on visit-demo: a page that failed there still gets this check.
    blocked = null;
    await step('visit-not-streamable plays', async () => {
      await openAndPlay(page, `${demoUrl}&session=visit-not-streamable`, 30_000, 1);
    });
    blocked = null;
    await step('no page or console errors', async () => {
      if (errors.length) {
        const http = httpErrors.size ? ` | HTTP errors: ${[...httpErrors].join(', ')}` : '';
        const unique = [...new Set(errors)];
        throw new StepFailure(`${errors.length} error(s): ${unique.join(' | ')}${http}`);
      }
    });
  } finally {
    await context.close().catch(() => {});
  }
  return outcomes;
}
