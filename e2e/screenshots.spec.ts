import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, patientOf, test } from './fixtures.ts';
import { startStaticServer, type StaticServer } from './staticServer.ts';

/*
 * What a person sees, kept for a person to look at: every story and every state of the demo at a
 * desktop width and at 320 px, in both themes, written to test-results/screenshots/ (CI keeps that
 * folder as an artifact). The assertions here are only that each state is the one named; the
 * pixels are for review, the other specs assert behaviour.
 */

const screenshotDir = fileURLToPath(new URL('../test-results/screenshots', import.meta.url));
const storybookDist = fileURLToPath(new URL('../storybook-static', import.meta.url));

const widths = [1280, 320] as const;
const themes = ['light', 'dark'] as const;
type Theme = (typeof themes)[number];

async function shoot(page: Page, folder: string, name: string, fullPage = true): Promise<void> {
  await mkdir(`${screenshotDir}/${folder}`, { recursive: true });
  // Two frames after a resize: container queries and the waveform's redraw have settled.
  await page.evaluate(
    () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  );
  await page.screenshot({ path: `${screenshotDir}/${folder}/${name}.png`, fullPage });
}

/**
 * Each width and theme in turn on one page: the theme changes after mount, as a reader's would. The
 * viewport only, as the reader sees it: the docked player stays at its bottom edge.
 */
async function everyWidthAndTheme(page: Page, folder: string, name: string): Promise<void> {
  for (const theme of themes) {
    await page.emulateMedia({ colorScheme: theme });
    for (const width of widths) {
      await page.setViewportSize({ width, height: width === 320 ? 640 : 800 });
      // The player in view, as the reader would have scrolled to it (at 320 px the list comes first).
      await page.locator('.nr-dock').scrollIntoViewIfNeeded();
      await shoot(page, folder, `${name}-${width}-${theme}`, false);
    }
  }
}

test.describe('demo screenshots', () => {
  // The demo follows prefers-color-scheme until the reader picks a theme; no pick is stored here.
  test.use({ viewport: { width: 1280, height: 800 } });

  async function openVisit(page: Page, demoUrl: string, apiUrl: string, visit: string, extra = '') {
    await page.goto(`${demoUrl}/?api=${encodeURIComponent(apiUrl)}&visit=${visit}${extra}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Note review' })).toBeVisible();
  }

  test('ready, with the heard sentence marked', async ({ page, api, demoUrl }) => {
    await openVisit(page, demoUrl, api.url, 'visit-demo');
    await expect(page.getByRole('slider', { name: 'Seek' })).toHaveAttribute('aria-valuemax', '137');
    await page.locator('.aa-waveform canvas').first().waitFor();
    await everyWidthAndTheme(page, 'demo', 'ready');
    const sentence = page.locator('.nr-note .nr-sentence').nth(3);
    await sentence.click();
    await expect(sentence).toHaveAttribute('aria-current', 'true');
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await everyWidthAndTheme(page, 'demo', 'sentence-heard');
  });

  test('download, with its confirmation', async ({ page, api, demoUrl }) => {
    // Headless Chromium has a save picker that nobody can answer: the browser's download instead.
    await page.addInitScript(() => {
      delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker;
    });
    await openVisit(page, demoUrl, api.url, 'visit-demo');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /^Download/ }).click();
    await (await download).cancel();
    await expect(page.locator('.nr-dock').getByText(/Saved as|Download started/)).toBeVisible();
    await everyWidthAndTheme(page, 'demo', 'download-confirmed');
  });

  test('multi-chunk visit', async ({ page, api, demoUrl }) => {
    await openVisit(page, demoUrl, api.url, 'visit-multichunk');
    await expect(page.getByRole('slider', { name: 'Seek' })).toHaveAttribute('aria-valuemax', '90');
    await everyWidthAndTheme(page, 'demo', 'multichunk');
  });

  test('two hours, zoomed in', async ({ page, api, demoUrl }) => {
    await openVisit(page, demoUrl, api.url, 'visit-120min');
    const slider = page.getByRole('slider', { name: 'Seek' });
    await expect(slider).toHaveAttribute('aria-valuemax', '7200');
    // Six halvings: 1 min 52 s across, read exactly.
    for (let i = 0; i < 6; i += 1) await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect(page.getByText(/Waveform zoomed to 1 minute 52 seconds/)).toBeAttached();
    await expect(slider).toHaveAttribute('data-detail', 'exact', { timeout: 15_000 });
    await everyWidthAndTheme(page, 'demo', 'zoomed-120min');
  });

  test('processing', async ({ page, startApi, demoUrl }) => {
    const api = await startApi({ processingSeconds: 600 });
    await openVisit(page, demoUrl, api.url, 'visit-processing');
    await expect(page.locator('.nr-dock').getByText(/still being processed/)).toBeVisible();
    await everyWidthAndTheme(page, 'demo', 'processing');
  });

  test('not streamable: downloaded, then played', async ({ page, api, demoUrl }) => {
    await openVisit(page, demoUrl, api.url, 'visit-not-streamable');
    await expect(page.getByRole('slider', { name: 'Seek' })).toBeVisible({ timeout: 20_000 });
    await everyWidthAndTheme(page, 'demo', 'not-streamable');
  });

  test('gone', async ({ page, api, demoUrl }) => {
    await openVisit(page, demoUrl, api.url, 'visit-expired');
    await expect(page.getByText('This recording is no longer available.')).toBeVisible();
    await everyWidthAndTheme(page, 'demo', 'gone');
  });

  test('a file that is not audio: the message keeps clear of the controls at every width', async ({
    page,
    api,
    demoUrl,
  }) => {
    await openVisit(page, demoUrl, api.url, 'bad-not-wav');
    const alert = page.locator('.nr-dock').getByRole('alert');
    await expect(alert).toContainText('This recording could not be played.', { timeout: 15_000 });
    for (const width of widths) {
      await page.setViewportSize({ width, height: width === 320 ? 640 : 800 });
      await page.locator('.nr-dock').scrollIntoViewIfNeeded();
      const message = await alert.boundingBox();
      const controls = await page.locator('.nr-dock .aa-controls').boundingBox();
      // At 320 px the message wraps to several lines; it must push the controls down, not run under them.
      expect(message && controls && message.y + message.height <= controls.y + 0.5).toBe(true);
    }
    await everyWidthAndTheme(page, 'demo', 'not-audio');
  });

  test('storage unreachable as the audio starts: says so, not that the file is not audio', async ({
    page,
    startApi,
    demoUrl,
  }) => {
    const api = await startApi({ faults: { dropAfterBytes: 0 } });
    await openVisit(page, demoUrl, api.url, 'visit-demo');
    const alert = page.locator('.nr-dock').getByRole('alert');
    await expect(alert).toContainText('The recording’s storage could not be reached.', { timeout: 15_000 });
    await everyWidthAndTheme(page, 'demo', 'storage-unreachable');
  });

  test('storage without CORS: plays with a plain track', async ({ page, startApi, demoUrl }) => {
    const api = await startApi({ processingSeconds: 0, cors: false });
    await openVisit(page, demoUrl, api.url, 'visit-demo');
    await expect(page.getByText(/Waveform unavailable/)).toBeVisible();
    await everyWidthAndTheme(page, 'demo', 'no-cors');
  });

  test('signed out', async ({ page, api, demoUrl }) => {
    await openVisit(page, demoUrl, api.url, 'visit-demo', '&token=expired-token');
    await expect(page.locator('.nr-dock').getByText(/You are not signed in/)).toBeVisible();
    await everyWidthAndTheme(page, 'demo', 'signed-out');
  });

  test('the visit list names every patient', async ({ page, api, demoUrl }) => {
    await openVisit(page, demoUrl, api.url, 'visit-demo');
    await expect(
      page.getByRole('navigation', { name: 'Visits' }).getByText(patientOf('visit-120min')),
    ).toBeVisible();
  });
});

test.describe('storybook screenshots', () => {
  let storybook: StaticServer;

  test.beforeAll(async () => {
    if (!existsSync(`${storybookDist}/index.json`)) {
      throw new Error('storybook-static/ is missing: run `pnpm build-storybook` before the e2e tests');
    }
    storybook = await startStaticServer(storybookDist);
  });
  test.afterAll(async () => {
    await storybook.stop();
  });

  const index = existsSync(`${storybookDist}/index.json`)
    ? (JSON.parse(readFileSync(`${storybookDist}/index.json`, 'utf8')) as {
        entries: Record<string, { id: string; type: string }>;
      })
    : { entries: {} };
  const storyIds = Object.values(index.entries)
    .filter((entry) => entry.type === 'story')
    .map((entry) => entry.id);

  for (const id of storyIds) {
    test(`story ${id}`, async ({ page }) => {
      for (const theme of themes) {
        await openStory(page, id, theme);
        for (const width of widths) {
          await page.setViewportSize({ width, height: 800 });
          await shoot(page, 'storybook', `${id}-${width}-${theme}`);
        }
      }
    });
  }

  for (const docs of ['introduction--docs', 'player-recordingplayer--docs', 'player-waveformplayer--docs']) {
    test(`docs page ${docs}`, async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${storybook.url}/iframe.html?id=${docs}&viewMode=docs`);
      // Each story of the page in its own state (the docs page renders every one of them).
      await expect(page.locator('.sbdocs-content').first()).toBeVisible({ timeout: 30_000 });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      // The players are lazy (they fetch once scrolled near): scroll through the page as a reader would.
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      for (let y = 0; y < height; y += 600) {
        await page.mouse.wheel(0, 600);
        await page.waitForTimeout(150);
      }
      await page
        .waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length <= 1, undefined, {
          timeout: 10_000,
        })
        .catch(() => undefined);
      await shoot(page, 'storybook', docs);
    });
  }

  async function openStory(page: Page, id: string, theme: Theme): Promise<void> {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(
      `${storybook.url}/iframe.html?id=${id}&viewMode=story&globals=theme:${theme}${
        theme === 'dark' ? ';backgrounds.value:dark' : ''
      }`,
    );
    // The story has rendered and its play function (which asserts the state it shows) has run.
    await page.waitForFunction(
      () => {
        const preview = (
          window as unknown as {
            __STORYBOOK_PREVIEW__?: { currentRender?: { phase?: string } };
          }
        ).__STORYBOOK_PREVIEW__;
        const phase = preview?.currentRender?.phase;
        return phase === 'finished' || phase === 'completed' || phase === 'errored';
      },
      undefined,
      { timeout: 30_000 },
    );
    expect(
      await page.evaluate(
        () =>
          (window as unknown as { __STORYBOOK_PREVIEW__: { currentRender: { phase: string } } })
            .__STORYBOOK_PREVIEW__.currentRender.phase,
      ),
    ).toMatch(/^(finished|completed)$/);
    // A story whose player streams never goes network-idle; wait for its fonts and for a player
    // that is loading to finish (the Loading story never does: a bounded wait, then the picture).
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page
      .waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0, undefined, {
        timeout: 5_000,
      })
      .catch(() => undefined);
  }
});
