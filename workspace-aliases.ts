import { fileURLToPath } from 'node:url';

const at = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Source entry points of the workspace packages. Tests, Storybook and the demo resolve the packages to
 * their sources through these aliases, so nothing needs a build before it runs; the package checks
 * exercise the built `dist/` through each package's `exports` instead. Exact matches only, so a
 * subpath such as `@ambient-audio/react/styles.css` maps to its own source file.
 */
export const workspaceAliases: { find: RegExp; replacement: string }[] = [
  { find: /^@ambient-audio\/core$/, replacement: at('./packages/core/src/index.ts') },
  { find: /^@ambient-audio\/react$/, replacement: at('./packages/react/src/index.ts') },
  { find: /^@ambient-audio\/react\/styles\.css$/, replacement: at('./packages/react/src/styles.css') },
  { find: /^@ambient-audio\/recording-api$/, replacement: at('./apps/recording-api/src/index.ts') },
];
