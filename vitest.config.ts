import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { defineConfig } from 'vitest/config';
import { chromiumLaunchOptions } from './chromium.ts';
import { workspaceAliases } from './workspace-aliases.ts';

// A fresh object per project: Vitest names each browser instance after the project that owns it.
const browser = () => ({
  enabled: true,
  headless: true,
  provider: playwright({ launchOptions: chromiumLaunchOptions }),
  instances: [{ browser: 'chromium' as const }],
});

export default defineConfig({
  resolve: { alias: workspaceAliases },
  // Pre-bundled up front: a dependency discovered mid-run reloads the browser page and can load React twice.
  optimizeDeps: {
    include: [
      'react',
      'react/jsx-dev-runtime',
      'react-dom',
      'react-dom/client',
      '@tanstack/react-query',
      'wavesurfer.js',
      '@testing-library/react',
      '@testing-library/user-event',
      'msw',
      'msw-storybook-addon/csf3',
      'storybook/test',
    ],
  },
  test: {
    // Bounded: a hung test fails instead of holding CI.
    testTimeout: 20_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'core',
          environment: 'node',
          include: ['packages/core/src/**/*.test.ts'],
          exclude: ['**/*.browser.test.ts'],
        },
      },
      {
        extends: true,
        plugins: [react()],
        test: {
          name: 'react',
          environment: 'jsdom',
          include: ['packages/react/src/**/*.test.{ts,tsx}'],
          exclude: ['**/*.browser.test.{ts,tsx}'],
          setupFiles: ['packages/react/test/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'recording-api',
          environment: 'node',
          include: ['apps/recording-api/src/**/*.test.ts', 'apps/recording-api/test/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'note-review',
          environment: 'node',
          include: ['apps/note-review/src/**/*.test.{ts,tsx}'],
        },
      },
      {
        extends: true,
        plugins: [react()],
        test: {
          // The packages against the reference server: neither depends on the other, so they meet here.
          name: 'integration',
          environment: 'jsdom',
          include: ['integration/**/*.test.{ts,tsx}'],
          setupFiles: ['packages/react/test/setup.ts'],
        },
      },
      {
        extends: true,
        plugins: [react()],
        test: {
          name: 'browser',
          include: ['packages/*/src/**/*.browser.test.{ts,tsx}'],
          setupFiles: ['packages/react/test/setup.ts'],
          browser: browser(),
        },
      },
      {
        extends: true,
        plugins: [storybookTest({ configDir: '.storybook' })],
        test: {
          name: 'storybook',
          browser: browser(),
        },
      },
    ],
  },
});
