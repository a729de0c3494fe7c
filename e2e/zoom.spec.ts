import { expect, expectNoAxeViolations, keepScreenshot, playerTime, test } from './fixtures.ts';

const BYTES_PER_SECOND = 16_000 * 2;

test('zoom in at 90 % of a two-hour recording: exact loudness drawn, Range requests only near that window', async ({
  page,
  api,
  demoUrl,
}) => {
  await page.goto(`${demoUrl}/?api=${encodeURIComponent(api.url)}&visit=visit-120min`);
  const slider = page.getByRole('slider', { name: 'Seek' });
  await expect(slider).toHaveAttribute('aria-valuemax', '7200', { timeout: 15_000 });
  await slider.focus();
  await page.keyboard.press('End');
  for (let i = 0; i < 24; i += 1) await page.keyboard.press('PageDown');
  await expect.poll(() => playerTime(page)).toBe(6480);
  // The overview's own sampled reads (spread over the whole file) are over before the zoom.
  const closedReads = () =>
    api.accessLog.filter((e) => e.event === 'storage' && /^bytes=\d+-\d+$/.test(e.range ?? '')).length;
  let settled = -1;
  await expect
    .poll(
      async () => {
        const before = closedReads();
        await page.waitForTimeout(700);
        settled = closedReads();
        return settled === before;
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  const zoomStartedAt = api.accessLog.length;
  // `+` held through seven halvings (1 h, 30 min, 15 min, 7½ min, 3¾ min, 1 min 52 s, 56 s): only
  // the view it comes to rest on is read. A held key repeats every 30 ms or so, faster than the view
  // settles; the presses go in at once, so that the machine's load cannot space them further apart.
  await slider.evaluate(async (element) => {
    for (let i = 0; i < 7; i += 1) {
      element.dispatchEvent(new KeyboardEvent('keydown', { key: '+', bubbles: true, cancelable: true }));
      // The next press in the next task, as the next repeat of a held key: after React has drawn this one.
      await new Promise<void>((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve();
        channel.port2.postMessage(null);
      });
    }
  });
  await expect(page.getByText(/Waveform zoomed to 56 seconds/)).toBeAttached();
  await expect(slider).toHaveAttribute('data-detail', 'exact', { timeout: 10_000 });
  // The detail's reads are closed ranges near the window (56 s around 6480 s, plus 5 % either side
  // and a second of block rounding); the media element's own reads are open-ended.
  const reads = api.accessLog
    .slice(zoomStartedAt)
    .filter((entry) => entry.event === 'storage' && /^bytes=\d+-\d+$/.test(entry.range ?? ''));
  expect(reads.length).toBeGreaterThan(0);
  let detailBytes = 0;
  for (const read of reads) {
    const [, from = '0', to = '0'] = /bytes=(\d+)-(\d+)/.exec(read.range ?? '') ?? [];
    const seconds = (Number(from) - 44) / BYTES_PER_SECOND;
    expect(seconds).toBeGreaterThan(6480 - 56 - 8);
    expect(seconds).toBeLessThan(6480 + 56 + 8);
    detailBytes += Number(to) - Number(from) + 1;
  }
  // That window's share, and no more than 1.2 times it.
  expect(detailBytes).toBeLessThanOrEqual(1.2 * 56.25 * BYTES_PER_SECOND);
  // (Main-thread tasks while zooming and scrolling: performance.spec.ts, run alone.)
  await expectNoAxeViolations(page);
  await keepScreenshot(page, 'zoomed-120min');
});
