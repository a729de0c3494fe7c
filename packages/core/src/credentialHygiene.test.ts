import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startRangeServer, type RangeServer } from '../test/rangeServer';
import { wavBytes } from '../test/wavBytes';
import { downloadRecordingFile } from './downloadRecordingFile';
import { createWaveformEngine } from './waveform/waveformEngine';
import { createRecordingClient } from './recordingClient';
import { probeStorageUrl } from './storageExpiry';

/**
 * A presigned URL is a bearer credential and the host's token is one too: neither may reach an error's
 * message, stack, cause or serialised form, nor the console, whatever the platform's own errors say.
 */
const SIGNATURE = 'c0ffee5ecret51gnature';
const SECRET_URL = `https://storage.example/bucket/visit.wav?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20991124T120000Z&X-Amz-Expires=900&X-Amz-Signature=${SIGNATURE}`;
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.secret-token-payload';

function exposed(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return [
    error.message,
    error.stack ?? '',
    String(error.cause ?? ''),
    JSON.stringify(error),
    JSON.stringify(Object.entries(error)),
    String(error),
  ].join('\n');
}

function expectClean(text: string) {
  expect(text).not.toContain(SIGNATURE);
  expect(text).not.toContain('X-Amz');
  expect(text).not.toContain('storage.example');
  expect(text).not.toContain(TOKEN);
}

/** A fetch whose failures quote the request in full, the way some platforms' messages do. */
const leakyFetch = (kind: 'type' | 'plain') =>
  vi.fn(async (input: string | URL | Request, init?: RequestInit) => {
    const headers = JSON.stringify(init?.headers ?? {});
    const message = `Failed to fetch ${String(input)} with headers ${headers}`;
    throw kind === 'type' ? new TypeError(message) : new Error(message, { cause: { url: String(input) } });
  });

const consoleSpies: ReturnType<typeof vi.spyOn>[] = [];
beforeEach(() => {
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    consoleSpies.push(vi.spyOn(console, method).mockImplementation(() => {}));
  }
});
const servers: RangeServer[] = [];
afterEach(async () => {
  for (const spy of consoleSpies.splice(0)) {
    expectClean(JSON.stringify(spy.mock.calls));
    spy.mockRestore();
  }
  for (const server of servers.splice(0)) await server.close();
});

describe('credential hygiene', () => {
  it('the recording client wraps failing fetches, tokens and odd bodies without the secrets', async () => {
    const errors: unknown[] = [];
    for (const kind of ['type', 'plain'] as const) {
      const client = createRecordingClient({
        baseUrl: 'https://api.example',
        getToken: () => TOKEN,
        fetch: leakyFetch(kind),
      });
      errors.push(await client.getRecording('visit-1').catch((e: unknown) => e));
    }
    const badToken = createRecordingClient({
      baseUrl: 'https://api.example',
      getToken: () => Promise.reject(new Error(`could not refresh ${TOKEN}`)),
      fetch: leakyFetch('type'),
    });
    errors.push(await badToken.getRecording('visit-1').catch((e: unknown) => e));
    const body = {
      recordings: [
        { recording_id: SECRET_URL, presigned_url: `not a url ${SECRET_URL}`, sequence_number: SECRET_URL },
      ],
      is_streamable: SECRET_URL,
    };
    const odd = createRecordingClient({
      baseUrl: 'https://api.example',
      getToken: () => TOKEN,
      fetch: async () => new Response(JSON.stringify(body)),
    });
    errors.push(await odd.getRecording('visit-1').catch((e: unknown) => e));
    expect(errors).toHaveLength(4);
    for (const error of errors) {
      expect(error).toBeInstanceOf(Error);
      expectClean(exposed(error));
    }
  });

  it('downloads fail with typed errors that name neither the URL nor what the storage echoed', async () => {
    const errors: unknown[] = [];
    for (const kind of ['type', 'plain'] as const) {
      errors.push(
        await downloadRecordingFile(SECRET_URL, { fetch: leakyFetch(kind), retryDelayMs: 0 }).catch(
          (e: unknown) => e,
        ),
      );
    }
    // Storages echo the signed request in some error bodies (GCS's StringToSign, say).
    const echo = `<Error><Code>SignatureDoesNotMatch</Code><StringToSign>${SECRET_URL}</StringToSign></Error>`;
    for (const status of [403, 400, 500]) {
      errors.push(
        await downloadRecordingFile(SECRET_URL, {
          fetch: async () => new Response(echo, { status }),
        }).catch((e: unknown) => e),
      );
    }
    expect(errors).toHaveLength(5);
    for (const error of errors) {
      expect(error).toBeInstanceOf(Error);
      expectClean(exposed(error));
    }
  });

  it('the overview and the probe report problems as words, never throwing what fetch threw', async () => {
    const problems: string[] = [];
    const overview = createWaveformEngine({
      sources: [{ url: SECRET_URL }],
      fetch: leakyFetch('type'),
      retryDelaysMs: [1, 1, 1],
      onProblem: (problem) => problems.push(problem),
    });
    await expect(overview.done).resolves.toBeUndefined();
    expect(problems).toEqual(['no-cors']);
    expect(await probeStorageUrl(SECRET_URL, { fetch: leakyFetch('plain') })).toBe('unreachable');

    // Midway failures too, against a real server whose URL carries the secret.
    const bytes = wavBytes({ frames: 16000 * 600 });
    const server = await startRangeServer({ size: bytes.byteLength, read: (s, e) => bytes.subarray(s, e) });
    servers.push(server);
    let calls = 0;
    const failing = createWaveformEngine({
      sources: [{ url: `${server.url}&X-Amz-Credential=${SIGNATURE}` }],
      retryDelaysMs: [1],
      fetch: async (input, init) => {
        calls += 1;
        if (calls > 2) throw new TypeError(`Failed to fetch ${String(input)}`);
        return fetch(input, init);
      },
      onProblem: (problem) => problems.push(problem),
    });
    await expect(failing.done).resolves.toBeUndefined();
    expect(problems).toEqual(['no-cors', 'network']);
  });
});
