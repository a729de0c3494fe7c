import { expect, expectNoAxeViolations, keepScreenshot, playerTime, test } from './fixtures.ts';

test.describe('note-review demo against the reference server', () => {
  test('loads with the visit list, the note and the player, with no accessibility violations', async ({
    page,
    api,
    openDemo,
  }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await openDemo(api);
    await expect(page.getByRole('heading', { level: 1, name: 'Note review' })).toBeVisible();
    await expect(page.getByRole('slider', { name: 'Seek' })).toHaveAttribute('aria-valuemax', '137');
    await expect(
      page.getByRole('navigation', { name: 'Visits' }).getByText('Recording ready').first(),
    ).toBeVisible();
    await expectNoAxeViolations(page);
    await keepScreenshot(page, 'demo-ready');
    expect(errors).toEqual([]);
  });

  test('loading, ready and gone take the same height: no layout shift on the note-review screen', async ({
    page,
    startApi,
    openDemo,
  }) => {
    const api = await startApi({ faults: { latencyMs: 1500 } });
    await openDemo(api);
    const player = page.locator('.nr-dock section').first();
    await expect(player).toHaveAttribute('aria-busy', 'true');
    const loading = (await player.boundingBox())?.height;
    await page.getByRole('slider', { name: 'Seek' }).waitFor();
    const ready = (await player.boundingBox())?.height;
    await page
      .getByRole('navigation', { name: 'Visits' })
      .getByRole('button', { name: /Grace Liu/ })
      .click();
    await expect(page.getByText('This recording is no longer available.')).toBeVisible();
    const gone = (await player.boundingBox())?.height;
    expect(loading).toBe(ready);
    expect(gone).toBe(ready);
  });

  test('plays, and time advances', async ({ page, api, openDemo }) => {
    await openDemo(api);
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
    await expect.poll(() => playerTime(page), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
  });

  test('seeks by click, drag and keyboard', async ({ page, api, openDemo }) => {
    await openDemo(api);
    const slider = page.getByRole('slider', { name: 'Seek' });
    await expect(slider).toHaveAttribute('aria-valuemax', '137');
    const box = await slider.boundingBox();
    if (!box) throw new Error('no slider box');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => playerTime(page)).toBeGreaterThanOrEqual(66);
    expect(await playerTime(page)).toBeLessThanOrEqual(70);

    await page.mouse.move(box.x + box.width * 0.25, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.75, box.y + box.height / 2, { steps: 5 });
    await expect(slider.locator('.aa-seek-preview')).toBeVisible();
    await page.mouse.up();
    await expect.poll(() => playerTime(page)).toBeGreaterThanOrEqual(100);

    await slider.focus();
    await page.keyboard.press('Home');
    await expect.poll(() => playerTime(page)).toBe(0);
    await page.keyboard.press('PageUp');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => playerTime(page)).toBe(35);
    await expect(slider).toHaveAttribute('aria-valuetext', '35 seconds of 2 minutes 16 seconds');
  });

  test('a note sentence seeks to when it was said, plays, and is highlighted while heard', async ({
    page,
    api,
    openDemo,
  }) => {
    await openDemo(api);
    const sentence = page.getByRole('button', { name: /BP 132\/84/ });
    await sentence.click();
    await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
    await expect(sentence).toHaveAttribute('aria-current', 'true');
    const time = await playerTime(page);
    // The sentence was written from what was said at 1:03.
    expect(time).toBeGreaterThanOrEqual(62);
    expect(time).toBeLessThanOrEqual(70);
    await keepScreenshot(page, 'sentence-highlighted');
  });

  test('a multi-chunk recording plays across a chunk boundary on one timeline', async ({
    page,
    api,
    openDemo,
  }) => {
    await openDemo(api, 'visit-multichunk');
    const slider = page.getByRole('slider', { name: 'Seek' });
    await expect(slider).toHaveAttribute('aria-valuemax', '90');
    await expect(page.locator('.aa-marker')).toHaveCount(2);
    // Five seconds before the end of the first chunk.
    await slider.focus();
    await page.keyboard.press('PageUp');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => playerTime(page)).toBe(25);
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => playerTime(page), { timeout: 10_000 }).toBeGreaterThanOrEqual(31);
    await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  });

  test('a seek far into an hour-long recording plays from there without fetching what lies between', async ({
    page,
    api,
    demoUrl,
  }) => {
    await page.goto(`${demoUrl}/?api=${encodeURIComponent(api.url)}&visit=visit-60min`);
    const slider = page.getByRole('slider', { name: 'Seek' });
    await expect(slider).toHaveAttribute('aria-valuemax', '3600');
    await slider.focus();
    await page.keyboard.press('End');
    for (let i = 0; i < 12; i += 1) await page.keyboard.press('PageDown');
    await expect.poll(() => playerTime(page)).toBe(3240);
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => playerTime(page), { timeout: 10_000 }).toBeGreaterThanOrEqual(3242);
    // The media element's own requests are open-ended ranges; one starts right at the 90 % mark.
    const size = 44 + 3600 * 32000;
    const mediaStarts = api.accessLog
      .filter(
        (e) => e.event === 'storage' && e.session === 'visit-60min' && /^bytes=\d+-$/.test(e.range ?? ''),
      )
      .map((e) => Number(/\d+/.exec(e.range ?? '')?.[0]));
    expect(mediaStarts.some((start) => start > size * 0.89 && start < size * 0.91)).toBe(true);
  });

  test('processing turns into ready without a reload', async ({ page, startApi, openDemo }) => {
    const api = await startApi({ processingSeconds: 4 });
    await openDemo(api, 'visit-processing');
    await expect(page.getByText('The recording is still being processed.')).toBeVisible();
    await expectNoAxeViolations(page);
    await keepScreenshot(page, 'processing');
    await expect(page.getByRole('slider', { name: 'Seek' })).toBeVisible({ timeout: 20_000 });
  });

  test('a gone recording (410) says so and is never asked for again', async ({
    page,
    startApi,
    openDemo,
  }) => {
    const api = await startApi({});
    await openDemo(api, 'visit-expired');
    await expect(page.getByText('This recording is no longer available.')).toBeVisible();
    await expectNoAxeViolations(page);
    await keepScreenshot(page, 'gone');
    const asked = api.stats().api['visit-expired'];
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await page.waitForTimeout(1500);
    expect(api.stats().api['visit-expired']).toBe(asked);
    expect(asked).toBe(1);
  });

  test('a recording that cannot stream is downloaded, then plays', async ({ page, api, openDemo }) => {
    await openDemo(api, 'visit-not-streamable');
    const slider = page.getByRole('slider', { name: 'Seek' });
    await expect(slider).toHaveAttribute('aria-valuemax', '40', { timeout: 15_000 });
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => playerTime(page), { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    await keepScreenshot(page, 'downloaded');
  });

  test('a bucket without CORS still plays, without a waveform', async ({ page, startApi, openDemo }) => {
    const api = await startApi({ cors: false });
    await openDemo(api);
    await expect(page.getByText(/Waveform unavailable/)).toBeVisible();
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => playerTime(page), { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    await expectNoAxeViolations(page);
    await keepScreenshot(page, 'no-cors');
  });

  test('a URL that expires mid-playback is replaced without an error and without losing the position', async ({
    page,
    startApi,
    openDemo,
  }) => {
    const api = await startApi({ ttlSeconds: 12 });
    await openDemo(api);
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => playerTime(page), { timeout: 25_000 }).toBeGreaterThanOrEqual(16);
    await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
    await expect(page.getByText('This recording could not be played.')).toHaveCount(0);
    // At least two URLs were minted for the recording: the first, and its replacement.
    const minted = api.accessLog.filter(
      (e) => e.event === 'mint' && e.session === 'visit-demo' && e.mode === 'stream',
    );
    expect(minted.length).toBeGreaterThanOrEqual(2);
    // Storage never refused a request: the swap came before expiry.
    expect(api.accessLog.filter((e) => e.event === 'storage' && e.status >= 400)).toEqual([]);
  });
});
