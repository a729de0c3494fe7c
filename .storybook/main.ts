import type { StorybookConfig } from '@storybook/react-vite';
import { fileURLToPath } from 'node:url';
import { workspaceAliases } from '../workspace-aliases.ts';

const config: StorybookConfig = {
  stories: ['../packages/*/src/**/*.mdx', '../packages/*/src/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/react-vite', options: {} },
  staticDirs: [
    // mockServiceWorker.js, from `pnpm exec msw init .storybook/public`.
    './public',
    // The reference server's speech fixture (a 2¼-minute doctor–patient dialogue, 16 kHz mono), which
    // the stories slice into the recordings they serve (packages/react/test/stories/speech.ts).
    { from: '../apps/recording-api/fixtures', to: '/fixtures' },
  ],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  typescript: {
    // Real prop types in the props tables ("readonly number[]", "(event: AuditEvent) => void", the
    // theme's two values), where react-docgen shows "unknown" and "union"; defaults come from each
    // meta's argTypes (packages/react/test/stories/playerArgTypes.ts). Story tests skip this plugin.
    reactDocgen: 'react-docgen-typescript',
    reactDocgenTypescriptOptions: {
      // The components' own project (the root tsconfig.json does not include packages/*/src).
      tsconfigPath: fileURLToPath(new URL('../packages/react/tsconfig.json', import.meta.url)),
      include: ['packages/*/src/**/*.tsx'],
      exclude: ['**/*.stories.tsx', '**/*.test.tsx', '**/node_modules/**'],
      shouldExtractLiteralValuesFromEnum: true,
      shouldRemoveUndefinedFromOptional: true,
      // The components' own props only: not the `key`, `ref` and DOM attributes from @types/react.
      propFilter: (prop) => !prop.parent || !/node_modules/.test(prop.parent.fileName),
    },
  },
  viteFinal(viteConfig) {
    viteConfig.resolve ??= {};
    viteConfig.resolve.alias = workspaceAliases;
    return viteConfig;
  },
};

export default config;
