import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, keepScreenshot, playerTime, test } from './fixtures.ts';

const sentence = (page: Page, text: RegExp) => page.getByRole('button', { name: text });
/** The player's own media position, to the hundredth (the slider rounds to seconds). */
const mediaTime = (page: Page) =>
  page.evaluate(() => {
    const audio = [...document.querySelectorAll('audio')].find((a) => a.dataset['chunkId']);
    return audio?.currentTime ?? 0;
  });

test.describe('the note’s sentences as cues', () => {
  test('a sentence plays from its start, the highlight follows playback, axe clean', async ({
    page,
    api,
    openDemo,
  }) => {
    await openDemo(api);
    await expect(page.getByRole('slider', { name: 'Seek' })).toHaveAttribute('aria-valuemax', '137');
    // Drawn on the waveform: one band per sentence of the note.
    await expect(page.locator('.nr-dock .aa-cue')).toHaveCount(await page.locator('.nr-sentence').count());
    await sentence(page, /^BP 132\/84/).click();
    await expect.poll(() => playerTime(page)).toBeGreaterThanOrEqual(64);
    expect(await playerTime(page)).toBeLessThanOrEqual(66);
    await expect(sentence(page, /^BP 132\/84/)).toHaveAttribute('aria-current', 'true');
    // Playback moves on into the next sentence, and the highlight with it.
    await expect(sentence(page, /^Lungs clear/)).toHaveAttribute('aria-current', 'true', { timeout: 12_000 });
    await expect(sentence(page, /^BP 132\/84/)).not.toHaveAttribute('aria-current');
    expect(await page.locator('.nr-sentence[aria-current="true"]').count()).toBe(1);
    await expectNoAxeViolations(page);
    await keepScreenshot(page, 'cues-playing');
  });

  test('"stop at the end of each sentence" plays one sentence and stops within 0.3 s of its end', async ({
    page,
    api,
    openDemo,
  }) => {
    await openDemo(api);
    await expect(page.getByRole('slider', { name: 'Seek' })).toHaveAttribute('aria-valuemax', '137');
    await page.getByRole('checkbox', { name: 'Stop at the end of each sentence' }).check();
    await sentence(page, /^BP 132\/84/).click();
    await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible({ timeout: 15_000 });
    // The sentence is transcript line 12: 63.73 s to 70.93 s.
    expect(Math.abs((await mediaTime(page)) - 70.93)).toBeLessThanOrEqual(0.3);
  });

  test('N and P step through the sentences from the keyboard, each announced', async ({
    page,
    api,
    openDemo,
  }) => {
    await openDemo(api);
    const slider = page.getByRole('slider', { name: 'Seek' });
    await expect(slider).toHaveAttribute('aria-valuemax', '137');
    await slider.focus();
    // From the start (before any sentence), N goes to the first sentence, then the second.
    await page.keyboard.press('n');
    await expect(page.locator('.nr-dock')).toContainText(/Sentence 1 of \d+: Ten-day cough/);
    const first = await playerTime(page);
    await page.keyboard.press('n');
    await expect(page.locator('.nr-dock')).toContainText(/Sentence 2 of \d+: Now dry; yellow sputum/);
    await expect.poll(() => playerTime(page)).toBeGreaterThan(first);
    await expect(page.getByRole('button', { name: /^Now dry/ })).toHaveAttribute('aria-current', 'true');
    // P right after the start of a sentence goes to the one before, as "previous track" does.
    await page.keyboard.press('p');
    await expect.poll(() => playerTime(page)).toBe(first);
    await expect(page.locator('.nr-dock')).toContainText(/Sentence 1 of \d+/);
    // R replays the last five seconds.
    await page.keyboard.press('End');
    await page.keyboard.press('r');
    await expect.poll(() => playerTime(page)).toBe(132);
    await expectNoAxeViolations(page);
  });

  test('a play of a sentence is audited with its cue id, never its text', async ({ page, api, openDemo }) => {
    await openDemo(api);
    await expect(page.getByRole('slider', { name: 'Seek' })).toHaveAttribute('aria-valuemax', '137');
    await sentence(page, /^BP 132\/84/).click();
    await expect(
      page.getByRole('region', { name: 'Access log' }).or(page.locator('.nr-audit')),
    ).toContainText('play');
    const trail = await page.locator('.nr-audit').innerText();
    expect(trail).not.toContain('132/84');
  });
});
