import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, playerTime, test } from './fixtures.ts';

/** Opens the demo on one session of a reference server. */
async function openVisit(page: Page, demoUrl: string, apiUrl: string, visit: string, extra = '') {
  await page.goto(`${demoUrl}/?api=${encodeURIComponent(apiUrl)}&visit=${visit}${extra}`);
}

/** The player region of the demo's dock. */
const player = (page: Page) => page.locator('.nr-dock').getByRole('region', { name: 'Recording player' });

test.describe('hostile answers from the API', () => {
  for (const scheme of ['javascript', 'vbscript', 'data', 'file', 'ftp', 'blob']) {
    test(`a ${scheme}: presigned URL is refused: no script, no navigation, a clear error`, async ({
      page,
      api,
      demoUrl,
    }) => {
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await openVisit(page, demoUrl, api.url, `hostile-url-${scheme}`);
      const pageUrl = page.url();
      await expect(player(page).getByText('The recording could not be loaded.')).toBeVisible();
      await expect(player(page).getByRole('button', { name: 'Download recording' })).toHaveCount(0);
      // Nothing the API sent reached a link, a frame or a media element.
      const planted = await page.evaluate((s) => {
        const attrs = [...document.querySelectorAll('a, iframe, audio, source')].map(
          (el) => el.getAttribute('href') ?? el.getAttribute('src') ?? '',
        );
        return attrs.filter((value) => value.startsWith(`${s}:`));
      }, scheme);
      expect(planted).toEqual([]);
      expect(dialogs).toEqual([]);
      expect(page.url()).toBe(pageUrl);
      // Asked once: a broken answer is not asked again by itself.
      await page.waitForTimeout(1000);
      expect(api.stats().api[`hostile-url-${scheme}`]).toBe(1);
    });
  }

  test('a 50 MB body is refused without being held, and the page stays usable', async ({
    page,
    api,
    demoUrl,
  }) => {
    await openVisit(page, demoUrl, api.url, 'hostile-huge-body');
    await expect(player(page).getByText('The recording could not be loaded.')).toBeVisible({
      timeout: 15_000,
    });
    const heap = await page.evaluate(
      () =>
        (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0,
    );
    expect(heap).toBeLessThan(60 * 1024 * 1024);
    await expectNoAxeViolations(page);
  });

  test('an API that never answers ends in "Try again" after the timeout, and Try again works', async ({
    page,
    startApi,
    demoUrl,
  }) => {
    const api = await startApi({ sessionFaults: { 'visit-demo': { apiHang: true } } });
    await openVisit(page, demoUrl, api.url, 'visit-demo', '&timeout=1500');
    // 1.5 s, once more (a timeout is retried once), then the error view.
    await expect(player(page).getByText('The recording could not be loaded.')).toBeVisible({
      timeout: 10_000,
    });
    expect(api.stats().api['visit-demo']).toBeLessThanOrEqual(3);
    api.setFaults({}, 'visit-demo');
    await player(page).getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('slider', { name: 'Seek' })).toBeVisible({ timeout: 10_000 });
  });

  test('the token never follows a redirect to another origin', async ({ page, startApi, demoUrl }) => {
    const seen: IncomingHttpHeaders[] = [];
    const other = createServer((request, response) => {
      seen.push(request.headers);
      response.writeHead(200, { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'application/json' });
      response.end('{"recordings":[]}');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = other.address() as AddressInfo;
      const api = await startApi({
        sessionFaults: { 'visit-demo': { apiRedirectTo: `http://127.0.0.1:${port}/` } },
      });
      await openVisit(page, demoUrl, api.url, 'visit-demo');
      await expect(player(page).getByText('The recording could not be loaded.')).toBeVisible({
        timeout: 20_000,
      });
      expect(seen.filter((headers) => 'sdp_suki_token' in headers)).toEqual([]);
    } finally {
      other.closeAllConnections();
      await new Promise((resolve) => other.close(resolve));
    }
  });

  test('a far expiry (60 days, microseconds) starts no request storm', async ({
    page,
    startApi,
    demoUrl,
  }) => {
    for (const expiresAtField of ['far', 'microseconds'] as const) {
      const api = await startApi({ expiresAtField });
      await openVisit(page, demoUrl, api.url, 'visit-demo');
      await page.getByRole('button', { name: 'Play', exact: true }).click();
      await page.waitForTimeout(8_000);
      expect(await playerTime(page)).toBeGreaterThanOrEqual(5);
      // The visit list and the player share one request; nothing more in 8 s.
      expect(api.stats().api['visit-demo']).toBe(1);
    }
  });
});

test.describe('bounds', () => {
  test('2,000 chunks: a few <audio> elements, one API request, plays across chunk boundaries, page responsive', async ({
    page,
    api,
    demoUrl,
  }) => {
    let most = 0;
    // The furthest chunk seen playing: at the instant of a boundary the element that ended is paused
    // and the next may not have started yet, so one look at the end could find none playing.
    let furthest = -1;
    await openVisit(page, demoUrl, api.url, 'visit-chunks-2000');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    const started = Date.now();
    while (Date.now() - started < 6_000) {
      most = Math.max(most, await page.evaluate(() => document.querySelectorAll('audio').length));
      const playing = await page.evaluate(() => {
        const audio = [...document.querySelectorAll('audio')].find((a) => !a.paused);
        return audio?.dataset['chunkId'] ?? '';
      });
      if (playing) furthest = Math.max(furthest, Number(playing.split('-').at(-1)));
      // The main thread answers within a frame or two: nothing froze the page.
      const lag = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const at = performance.now();
            requestAnimationFrame(() => resolve(performance.now() - at));
          }),
      );
      expect(lag).toBeLessThan(250);
      await page.waitForTimeout(250);
    }
    expect(most).toBeLessThanOrEqual(4);
    expect(api.stats().api['visit-chunks-2000']).toBe(1);
    // Each chunk is 2 s: six seconds in, playback has crossed at least two boundaries.
    expect(furthest).toBeGreaterThanOrEqual(3);
  });
});

test.describe('failures that must not look like success', () => {
  test('a file that is not audio shows an alert with Try again, and Play stays disabled', async ({
    page,
    api,
    demoUrl,
  }) => {
    await openVisit(page, demoUrl, api.url, 'bad-not-wav');
    const alert = player(page).getByRole('alert');
    await expect(alert).toContainText('This recording could not be played.', { timeout: 15_000 });
    await expect(player(page).getByRole('button', { name: 'Play', exact: true })).toBeDisabled();
    await expect(player(page).getByRole('button', { name: 'Try again' })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('a storage that drops every connection before its first byte is said to be unreachable, not the file not audio', async ({
    page,
    startApi,
    demoUrl,
  }) => {
    // Chromium reports a load that got no byte as it does a file that is not audio.
    const api = await startApi({ faults: { dropAfterBytes: 0 } });
    await openVisit(page, demoUrl, api.url, 'visit-5min');
    const alert = player(page).getByRole('alert');
    await expect(alert).toContainText('This recording could not be played.', { timeout: 15_000 });
    await expect(alert).toContainText('The recording’s storage could not be reached.');
    await expect(alert).not.toContainText('not audio');
    // The waveform failed too, but a note that "playback is not affected" would contradict the alert.
    await expect(player(page).getByText(/Playback is not affected/)).toHaveCount(0);
    const tryAgain = player(page).getByRole('button', { name: 'Try again' });
    await expect(tryAgain).toBeVisible();
    // Bounded: two loads of the element, one look at the first bytes, the waveform's own few tries.
    expect(api.stats().storage['visit-5min'] ?? 0).toBeLessThan(20);
    // Play waits for Try again. The storage back, Try again loads the audio again, and it plays.
    await expect(player(page).getByRole('button', { name: 'Play', exact: true })).toBeDisabled();
    api.setFaults({});
    await tryAgain.click();
    await player(page).getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => playerTime(page), { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    await expectNoAxeViolations(page);
  });

  test('a connection dropped on the first waveform read does not give up the waveform', async ({
    page,
    startApi,
    demoUrl,
  }) => {
    const api = await startApi({ faults: { dropAfterBytes: 48_000 } });
    await openVisit(page, demoUrl, api.url, 'visit-60min');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    // Every response is cut after 48 kB; the listener still hears the visit.
    await expect.poll(() => playerTime(page), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    await page.waitForTimeout(4_000);
    await expect(page.getByText(/Waveform unavailable/)).toHaveCount(0);
    await expect(page.getByText('This recording could not be played.')).toHaveCount(0);
  });
});
