import { expect, playerTime, test } from './fixtures.ts';

/*
 * Main-thread budgets, measured in real Chromium. This file runs in its own Playwright project after
 * every other e2e test, one test at a time (playwright.config.ts): a task's length is wall-clock time,
 * so a second browser busy on the same two cores would be measured too.
 */
test.describe.configure({ mode: 'default' });

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  args?: { name?: string };
}

test('zooming and scrolling a two-hour recording: no main-thread task over 50 ms', async ({
  page,
  api,
  demoUrl,
}) => {
  await page.goto(`${demoUrl}/?api=${encodeURIComponent(api.url)}&visit=visit-120min`);
  const slider = page.getByRole('slider', { name: 'Seek' });
  await expect(slider).toHaveAttribute('aria-valuemax', '7200', { timeout: 15_000 });
  await page.evaluate(() => {
    const long: number[] = [];
    (window as unknown as { __long: number[] }).__long = long;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) long.push(entry.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  await slider.focus();
  await page.keyboard.press('End');
  for (let i = 0; i < 24; i += 1) await page.keyboard.press('PageDown');
  await expect.poll(() => playerTime(page)).toBe(6480);
  // Zoom in step by step to a minute, reading each level's exact loudness on the way.
  for (let i = 0; i < 7; i += 1) {
    await page.keyboard.press('+');
    await page.waitForTimeout(150);
  }
  await expect(slider).toHaveAttribute('data-detail', 'exact', { timeout: 10_000 });
  // Scroll the zoomed view through the recording from the overview strip, then drag it.
  for (let i = 0; i < 10; i += 1) {
    await page.locator('.aa-overview').click({ position: { x: 40 + i * 60, y: 10 } });
  }
  const box = await slider.boundingBox();
  if (!box) throw new Error('no waveform box');
  await page.mouse.move(box.x + box.width * 0.8, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.2, box.y + box.height / 2, { steps: 20 });
  await page.mouse.up();
  // And back out to the whole recording.
  for (let i = 0; i < 7; i += 1) await page.keyboard.press('-');
  await expect(page.getByText('Waveform shows the whole recording.')).toBeAttached();
  await page.waitForTimeout(500);
  const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
  test.info().annotations.push({
    type: 'main thread while zooming',
    description: `long tasks: ${long.length ? long.map((d) => d.toFixed(0)).join(', ') : 'none'} ms`,
  });
  expect(Math.max(0, ...long)).toBeLessThanOrEqual(50);
});

test('500 cues on a two-hour recording: no main-thread task over 16 ms while playing, two sentences re-render per change', async ({
  page,
  browser,
  api,
  demoUrl,
}) => {
  await page.goto(
    `${demoUrl}/?api=${encodeURIComponent(api.url)}&visit=visit-120min&sentences=500&measure=1`,
  );
  const slider = page.getByRole('slider', { name: 'Seek' });
  await expect(slider).toHaveAttribute('aria-valuemax', '7200', { timeout: 15_000 });
  await expect(page.locator('.nr-sentence')).toHaveCount(500);
  // Sentences of 14.4 s, end to end: start 3 s before the boundary of sentences 3 and 4.
  await slider.focus();
  for (let i = 0; i < 8; i += 1) await page.keyboard.press('ArrowRight');
  // (40 s: sentence 3 of [28.8, 43.2), the next boundary 3 s on.)
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(() => playerTime(page)).toBeGreaterThanOrEqual(41);
  const before = await page.evaluate(() => ({
    ...(window as unknown as { __sentenceCommits: Record<string, number> }).__sentenceCommits,
  }));
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'],
  });
  await page.waitForTimeout(12_000);
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
  const after = await page.evaluate(() => ({
    ...(window as unknown as { __sentenceCommits: Record<string, number> }).__sentenceCommits,
  }));

  // The renderer's main thread(s), by name.
  const mains = new Set(
    trace.traceEvents
      .filter((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain')
      .map((event) => `${event.pid}:${event.tid}`),
  );
  const tasks = trace.traceEvents.filter(
    (event) => event.name === 'RunTask' && event.ph === 'X' && mains.has(`${event.pid}:${event.tid}`),
  );
  expect(tasks.length).toBeGreaterThan(100);
  // Per task, the time spent running the page's script (timers, frames, events, microtasks), nested
  // calls counted once. Headless Chromium rasterises in software, so a task's whole length also holds
  // the compositor's commit of the page's paint, which is the browser's work, not the player's.
  const SCRIPT = new Set([
    'FunctionCall',
    'EvaluateScript',
    'TimerFire',
    'FireAnimationFrame',
    'EventDispatch',
    'RunMicrotasks',
  ]);
  const at = (event: TraceEvent) => (event as unknown as { ts: number }).ts;
  const scripts = trace.traceEvents.filter(
    (event) => SCRIPT.has(event.name) && event.ph === 'X' && mains.has(`${event.pid}:${event.tid}`),
  );
  let longestScript = 0;
  let longestTask = 0;
  for (const task of tasks) {
    const from = at(task);
    const to = from + (task.dur ?? 0);
    longestTask = Math.max(longestTask, (task.dur ?? 0) / 1000);
    const inside = scripts
      .filter(
        (event) => event.pid === task.pid && event.tid === task.tid && at(event) >= from && at(event) < to,
      )
      .sort((a, b) => at(a) - at(b));
    let total = 0;
    let reached = -1;
    for (const event of inside) {
      const end = at(event) + (event.dur ?? 0);
      if (at(event) >= reached) total += event.dur ?? 0;
      else if (end > reached) total += end - reached;
      reached = Math.max(reached, end);
    }
    longestScript = Math.max(longestScript, total / 1000);
  }
  test.info().annotations.push({
    type: 'main thread while playing',
    description: `longest script per task ${longestScript.toFixed(1)} ms; longest task ${longestTask.toFixed(1)} ms`,
  });
  expect(longestScript).toBeLessThanOrEqual(16);

  // 12 s of playback crossed a sentence boundary or two: only the sentences whose state changed
  // re-rendered, never the 500.
  const changed = Object.keys(after).filter((id) => after[id] !== before[id]);
  expect(changed.length).toBeGreaterThanOrEqual(2);
  expect(changed.length).toBeLessThanOrEqual(4);
  for (const id of changed) expect((after[id] ?? 0) - (before[id] ?? 0)).toBeLessThanOrEqual(2);
});
