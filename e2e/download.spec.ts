import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const DEMO_BYTES = 4_368_608;
const NAME = /^visit-demo-\d{4}-\d{2}-\d{2}\.wav$/;

/**
 * Headless Chromium cancels every file picker, so the picker is answered with a file in the origin's
 * private file system: the File System Access path writes a real file through a real writable stream.
 */
async function pickIntoPrivateFileSystem(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>;
    w['showSaveFilePicker'] = async ({ suggestedName }: { suggestedName: string }) => {
      const picked = (w['__picked'] as string[] | undefined) ?? [];
      picked.push(suggestedName);
      w['__picked'] = picked;
      const root = await navigator.storage.getDirectory();
      return root.getFileHandle(suggestedName, { create: true });
    };
    w['showDirectoryPicker'] = async () => navigator.storage.getDirectory();
  });
}

/** A browser without the File System Access API (Firefox, Safari). */
async function withoutFilePickers(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>;
    delete w['showSaveFilePicker'];
    delete w['showDirectoryPicker'];
  });
}

async function savedFile(page: Page, name: string) {
  return page.evaluate(async (file) => {
    const root = await navigator.storage.getDirectory();
    const blob = await (await root.getFileHandle(file)).getFile();
    const head = new Uint8Array(await blob.slice(0, 12).arrayBuffer());
    return {
      size: blob.size,
      riff: String.fromCharCode(...head.slice(0, 4)),
      wave: String.fromCharCode(...head.slice(8)),
    };
  }, name);
}

/** Counts navigations of the page itself after it loaded: a download must cause none. */
function watchNavigations(page: Page) {
  const navigations: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations.push(frame.url());
  });
  return navigations;
}

test.describe('download', () => {
  test('streams to the file the listener picks, named after the session and date, and never navigates — even without Content-Disposition', async ({
    page,
    startApi,
    openDemo,
  }) => {
    const api = await startApi({ contentDisposition: false });
    await pickIntoPrivateFileSystem(page);
    await openDemo(api);
    const navigations = watchNavigations(page);
    const pageUrl = page.url();
    await page.getByRole('button', { name: 'Download recording' }).click();
    await expect(page.getByRole('status').filter({ hasText: /Saved as visit-demo-/ })).toBeVisible({
      timeout: 15_000,
    });
    const [picked] =
      (await page.evaluate(() => (window as unknown as { __picked: string[] }).__picked)) ?? [];
    expect(picked).toMatch(NAME);
    expect(await savedFile(page, picked ?? '')).toEqual({ size: DEMO_BYTES, riff: 'RIFF', wave: 'WAVE' });
    expect(navigations).toEqual([]);
    expect(page.url()).toBe(pageUrl);
  });

  test('without a file picker (Firefox, Safari) it saves from the page’s own memory, never navigating', async ({
    page,
    startApi,
    openDemo,
  }) => {
    const api = await startApi({ contentDisposition: false });
    await withoutFilePickers(page);
    await openDemo(api);
    const navigations = watchNavigations(page);
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download recording' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(NAME);
    expect(download.url()).toMatch(/^blob:/);
    const path = test.info().outputPath('saved.wav');
    await download.saveAs(path);
    const { readFile } = await import('node:fs/promises');
    const bytes = await readFile(path);
    expect(bytes.byteLength).toBe(DEMO_BYTES);
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('RIFF');
    expect(navigations).toEqual([]);
  });

  test('a second download after the first URL expired uses a fresh URL, and the storage refuses nothing', async ({
    page,
    startApi,
    openDemo,
  }) => {
    const api = await startApi({ ttlSeconds: 8 });
    await pickIntoPrivateFileSystem(page);
    await openDemo(api);
    await page.getByRole('button', { name: 'Download recording' }).click();
    await expect(page.getByText(/Saved as visit-demo-/)).toBeVisible({ timeout: 15_000 });
    await page.waitForTimeout(9_000);
    await page.getByRole('button', { name: 'Download recording' }).click();
    await expect
      .poll(() => api.accessLog.filter((e) => e.event === 'mint' && e.mode === 'download').length)
      .toBe(2);
    await expect(page.getByText(/Saved as visit-demo-/)).toBeVisible({ timeout: 15_000 });
    expect(api.accessLog.filter((e) => e.event === 'storage' && e.status >= 400)).toEqual([]);
  });

  test('a bucket without CORS: the browser saves the attachment from a sandboxed frame; the page stays', async ({
    page,
    startApi,
    openDemo,
  }) => {
    const api = await startApi({ cors: false });
    await withoutFilePickers(page);
    await openDemo(api);
    const navigations = watchNavigations(page);
    const downloading = page.waitForEvent('download', { timeout: 20_000 });
    await page.getByRole('button', { name: 'Download recording' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.wav$/);
    await expect(page.getByText(/Download started: visit-demo-/)).toBeVisible();
    expect(navigations).toEqual([]);
  });
});
