import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from './staticServer.ts';

const demoDist = fileURLToPath(new URL('../apps/note-review/dist', import.meta.url));

interface WorkerFixtures {
  /** Base URL of the built note-review demo, served for this worker only. */
  demoUrl: string;
}

export const test = base.extend<object, WorkerFixtures>({
  demoUrl: [
    async ({}, use) => {
      const server = await startStaticServer(demoDist);
      await use(server.url);
      await server.stop();
    },
    { scope: 'worker' },
  ],
});

export { expect };

/** Fails with the list of rule ids when axe-core finds any accessibility violation on the page. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}
