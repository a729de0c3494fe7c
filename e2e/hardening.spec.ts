import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, keepScreenshot, playerTime, test } from './fixtures.ts';

/** Patterns of credentials: presigned-URL parameters, signatures and the host's token. */
const SECRETS = [/X-(Amz|Goog)-/i, /Signature=/i, /dev-token/, /\?X-/];

async function everythingStored(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const dom = document.documentElement.cloneNode(true) as HTMLElement;
    // The media element's own src is where the URL must be; everything else must not hold it.
    dom.querySelectorAll('audio').forEach((audio) => audio.removeAttribute('src'));
    const storage = (s: Storage) =>
      Object.keys(s)
        .map((key) => `${key}=${s.getItem(key) ?? ''}`)
        .join('\n');
    const databases =
      'databases' in indexedDB ? (await indexedDB.databases()).map((db) => db.name ?? '').join(',') : '';
    const cacheKeys = await caches.keys();
    const cached: string[] = [];
    for (const key of cacheKeys) {
      const cache = await caches.open(key);
      cached.push(...(await cache.keys()).map((request) => request.url));
    }
    return [
      dom.outerHTML,
      storage(localStorage),
      storage(sessionStorage),
      databases,
      cacheKeys.join(','),
      cached.join(','),
    ].join('\n');
  });
}

test.describe('credential hygiene', () => {
  test('no signature, token or URL query string leaks into the console, errors, audit trail, DOM or storage', async ({
    page,
    startApi,
    openDemo,
  }) => {
    const api = await startApi({ ttlSeconds: 10, processingSeconds: 2 });
    const seen: string[] = [];
    page.on('console', (message) => seen.push(message.text()));
    page.on('pageerror', (error) => seen.push(`${error.message}\n${error.stack ?? ''}`));

    await openDemo(api);
    await page.getByRole('button', { name: /BP 132\/84/ }).click();
    await expect.poll(() => playerTime(page), { timeout: 20_000 }).toBeGreaterThanOrEqual(75);
    await page.getByRole('button', { name: 'Download recording' }).click();
    for (const patient of ['James Okafor', 'Lena Novak', 'Ahmed Haddad', 'Grace Liu']) {
      await page
        .getByRole('navigation', { name: 'Visits' })
        .getByRole('button', { name: new RegExp(patient) })
        .click();
      await page.waitForTimeout(1500);
      seen.push(await everythingStored(page));
    }
    seen.push(await everythingStored(page));
    // The audit trail the demo shows is fed by onAuditEvent.
    await expect(
      page.getByRole('region', { name: 'Access log' }).getByRole('listitem').first(),
    ).toBeVisible();

    const leaks = seen.filter((text) => SECRETS.some((pattern) => pattern.test(text)));
    expect(leaks).toEqual([]);
  });
});

test.describe('faults', () => {
  test('a connection dropped mid-stream does not stop playback, with a bounded number of requests', async ({
    page,
    startApi,
    openDemo,
  }) => {
    const api = await startApi({ sessionFaults: { 'visit-demo': { dropAfterBytes: 400_000 } } });
    await openDemo(api);
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => playerTime(page), { timeout: 25_000 }).toBeGreaterThanOrEqual(15);
    await expect(page.getByText('This recording could not be played.')).toHaveCount(0);
    // 15 s of 16 kHz 16-bit audio is 480 kB; the overview and playback together stay far from a storm.
    expect(api.stats().storage['visit-demo']).toBeLessThan(120);
  });

  test('5xx bursts from the API are retried with backoff, within a bound', async ({
    page,
    startApi,
    openDemo,
  }) => {
    // Only this session draws from the seeded generator, so its pattern of failures is the same on
    // every run, whatever order the page's other requests come in.
    // Seed 7 draws fail, fail, succeed.
    const api = await startApi({ sessionFaults: { 'visit-demo': { apiErrorRate: 0.6 } }, seed: 7 });
    await openDemo(api);
    await expect(page.getByRole('slider', { name: 'Seek' })).toBeVisible({ timeout: 30_000 });
    // Two 503s, each retried after a backoff, then the answer: three requests, within the bound of four.
    expect(api.accessLog.filter((e) => e.session === 'visit-demo' && e.status === 503)).toHaveLength(2);
    expect(api.stats().api['visit-demo']).toBe(3);
  });

  test('latency spikes delay but do not break playback', async ({ page, startApi, openDemo }) => {
    const api = await startApi({ faults: { latencyMs: 1500 } });
    await openDemo(api);
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => playerTime(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
  });

  test('a refused host token shows the sign-in message and is not retried', async ({
    page,
    startApi,
    openDemo,
  }) => {
    const api = await startApi({});
    await openDemo(api, 'visit-demo', 'expired-token');
    await expect(page.getByText(/Sign in again/)).toBeVisible();
    await expectNoAxeViolations(page);
    await keepScreenshot(page, 'auth-error');
    await page.waitForTimeout(1000);
    expect(api.stats().api['visit-demo']).toBe(1);
  });

  test('URLs expiring during play, pause and seek: playback continues where it was, with bounded requests', async ({
    page,
    startApi,
    openDemo,
  }) => {
    const api = await startApi({ ttlSeconds: 8 });
    await openDemo(api);
    const slider = page.getByRole('slider', { name: 'Seek' });
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await page.waitForTimeout(6000);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    const paused = await playerTime(page);
    await page.waitForTimeout(9000);
    // Past the first URL's expiry while paused: the position is kept.
    expect(await playerTime(page)).toBe(paused);
    await slider.focus();
    await page.keyboard.press('PageUp');
    await page.keyboard.press('PageUp');
    await expect.poll(() => playerTime(page)).toBe(paused + 60);
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => playerTime(page), { timeout: 15_000 }).toBeGreaterThanOrEqual(paused + 63);
    await expect(page.getByText('This recording could not be played.')).toHaveCount(0);
    // About one refresh per 5 s of an 8 s lifetime over ~25 s, for the player and the visit list together.
    expect(api.stats().api['visit-demo']).toBeLessThanOrEqual(10);
  });
});

test.describe('bad audio', () => {
  for (const session of ['bad-not-wav', 'bad-truncated', 'bad-lying-header', 'bad-content-type']) {
    test(`${session}: a clear outcome, no crash, bounded requests`, async ({ page, api, demoUrl }) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      const before = api.stats().storage[session] ?? 0;
      await page.goto(`${demoUrl}/?api=${encodeURIComponent(api.url)}&visit=${session}`);
      const failed = page.getByText('This recording could not be played.');
      const slider = page.getByRole('slider', { name: 'Seek' });
      await expect(slider.or(failed).first()).toBeVisible({ timeout: 15_000 });
      if (session !== 'bad-not-wav') {
        await page.getByRole('button', { name: 'Play', exact: true }).click();
        await expect
          .poll(async () => Number(await slider.getAttribute('aria-valuenow')), { timeout: 10_000 })
          .toBeGreaterThanOrEqual(1);
      } else {
        await expect(failed).toBeVisible({ timeout: 10_000 });
        await expect(page.getByRole('alert')).toContainText('not audio this browser can play');
      }
      await page.waitForTimeout(1000);
      expect(errors).toEqual([]);
      expect((api.stats().storage[session] ?? 0) - before).toBeLessThan(40);
    });
  }
});
