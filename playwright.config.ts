import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium.ts';

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/e2e',
  fullyParallel: true,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: Boolean(process.env['CI']),
  // One retry on CI: a test that needs it is reported as "flaky" in the summary, never hidden.
  retries: process.env['CI'] ? 1 : 0,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: chromiumLaunchOptions,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'e2e', testIgnore: /performance\.spec\.ts$/ },
    // Main-thread budgets are wall-clock lengths: measured after everything else, one at a time,
    // so no other browser shares the cores (e2e/performance.spec.ts), and without Playwright's trace,
    // whose DOM snapshot at every action runs on the page's main thread and was itself a long task
    // (half the runs of the zoom test over 50 ms with it, none in six without).
    {
      name: 'performance',
      testMatch: /performance\.spec\.ts$/,
      dependencies: ['e2e'],
      use: { trace: 'off' },
    },
  ],
});
