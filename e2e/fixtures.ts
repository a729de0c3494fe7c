import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import {
  startRecordingApi,
  type RecordingApi,
  type RecordingApiOptions,
} from '../apps/recording-api/src/index.ts';
import { startStaticServer } from './staticServer.ts';

const demoDist = fileURLToPath(new URL('../apps/note-review/dist', import.meta.url));

interface WorkerFixtures {
  /** Base URL of the built note-review demo, served for this worker only. */
  demoUrl: string;
  /** The reference recording server for this worker (default options). */
  api: RecordingApi;
}

interface TestFixtures {
  /** Starts a reference server with its own options for one test; stopped after it. */
  startApi: (options: RecordingApiOptions) => Promise<RecordingApi>;
  /** Opens the demo against a server, on a visit (optionally signed in with another token). */
  openDemo: (api: RecordingApi, sessionId?: string, token?: string) => Promise<void>;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  demoUrl: [
    async ({}, use) => {
      const server = await startStaticServer(demoDist);
      await use(server.url);
      await server.stop();
    },
    { scope: 'worker' },
  ],
  api: [
    async ({}, use) => {
      const api = await startRecordingApi({ processingSeconds: 0 });
      await use(api);
      await api.stop();
    },
    { scope: 'worker' },
  ],
  startApi: async ({}, use) => {
    const started: RecordingApi[] = [];
    await use(async (options) => {
      const api = await startRecordingApi(options);
      started.push(api);
      return api;
    });
    for (const api of started) await api.stop();
  },
  openDemo: async ({ page, demoUrl }, use) => {
    await use(async (api, sessionId = 'visit-demo', token) => {
      await page.goto(
        `${demoUrl}/?api=${encodeURIComponent(api.url)}${token ? `&token=${encodeURIComponent(token)}` : ''}`,
      );
      if (sessionId !== 'visit-demo') {
        await page
          .getByRole('navigation', { name: 'Visits' })
          .getByRole('button', { name: new RegExp(patientOf(sessionId)) })
          .click();
      }
    });
  },
});

const patients: Record<string, string> = {
  'visit-demo': 'Maria Alvarez',
  'visit-multichunk': 'James Okafor',
  'visit-60min': 'Priya Raman',
  'visit-120min': 'Tom Becker',
  'visit-processing': 'Lena Novak',
  'visit-not-streamable': 'Ahmed Haddad',
  'visit-expired': 'Grace Liu',
};

export function patientOf(sessionId: string): string {
  return patients[sessionId] ?? sessionId;
}

export { expect };

/** Fails with the list of rule ids when axe-core finds any accessibility violation on the page. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    ),
  ).toEqual([]);
}

/** The player's position, in seconds, as its seek slider reports it. */
export async function playerTime(page: Page): Promise<number> {
  return Number(await page.getByRole('slider', { name: 'Seek' }).getAttribute('aria-valuenow'));
}

/** Keeps a screenshot of the page as a test artifact. */
export async function keepScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}
