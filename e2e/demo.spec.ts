import { expect, expectNoAxeViolations, test } from './fixtures.ts';

test('the note-review demo loads in Chromium with no accessibility violations', async ({ page, demoUrl }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(demoUrl);
  await expect(page.getByRole('heading', { level: 1, name: 'Note review' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: test.info().outputPath('demo.png'), fullPage: true });
  expect(errors).toEqual([]);
});
