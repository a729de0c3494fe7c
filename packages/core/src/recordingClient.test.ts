import { describe, expect, it, vi } from 'vitest';
import {
  RecordingAuthError,
  RecordingBadRequestError,
  RecordingError,
  RecordingGoneError,
  RecordingNetworkError,
  RecordingProcessingError,
  RecordingResponseError,
  RecordingServerError,
} from './errors';
import { createRecordingClient } from './recordingClient';

const SECRET_URL =
  'https://storage.example/b/o.wav?X-Amz-Date=20261124T120000Z&X-Amz-Expires=900&X-Amz-Signature=deadbeef';
const TOKEN = 'eyJhbGciOi.secret-token';

function item(sequence: number, extra: Record<string, unknown> = {}) {
  return {
    recording_id: `rec-${sequence}`,
    presigned_url: `${SECRET_URL}&n=${sequence}`,
    expires_at: 1_800_000_000 + sequence,
    sequence_number: sequence,
    ...extra,
  };
}

function clientAnswering(status: number, body: unknown) {
  const fetch = vi.fn(
    async (_url: string | URL | Request, _init?: RequestInit) =>
      new Response(typeof body === 'string' ? body : JSON.stringify(body), { status }),
  );
  const client = createRecordingClient({
    baseUrl: 'https://api.example/',
    getToken: () => TOKEN,
    fetch,
    providerId: 'prov-1',
  });
  return { client, fetch };
}

describe('createRecordingClient', () => {
  it('asks the contract endpoint with the token header, the provider and the mode', async () => {
    const { client, fetch } = clientAnswering(200, { recordings: [item(1)], is_streamable: true });
    await client.getRecording('sess-1', { mode: 'download' });
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe('https://api.example/api/v1/ambient/session/sess-1/recording?download=true');
    expect(init?.headers).toMatchObject({ sdp_suki_token: TOKEN, sdp_provider_id: 'prov-1' });
    await client.getRecording('sess-1');
    expect(fetch.mock.calls[1]?.[0]).toContain('download=false');
  });

  it('asks the host for a token on every request', async () => {
    const getToken = vi.fn().mockResolvedValueOnce('t1').mockResolvedValueOnce('t2');
    const fetch = vi.fn(async () => new Response(JSON.stringify({ recordings: [item(1)] })));
    const client = createRecordingClient({ baseUrl: 'https://api.example', getToken, fetch });
    await client.getRecording('s');
    await client.getRecording('s');
    expect(fetch.mock.calls.map((call) => (call as unknown[])[1])).toMatchObject([
      { headers: { sdp_suki_token: 't1' } },
      { headers: { sdp_suki_token: 't2' } },
    ]);
  });

  it('sorts chunks by sequence_number, not array order, and converts expiry to ms', async () => {
    const { client } = clientAnswering(200, { recordings: [item(3), item(1), item(2)], is_streamable: true });
    const set = await client.getRecording('s');
    expect(set.recordings.map((r) => r.sequence)).toEqual([1, 2, 3]);
    expect(set.recordings[0]).toMatchObject({ id: 'rec-1', expiresAt: 1_800_000_001_000, streamable: true });
    expect(set).toMatchObject({ sessionId: 's', mode: 'stream', streamable: true });
  });

  it('reads is_streamable at the top level or per item, the item winning, and ignores unknown fields', async () => {
    const { client } = clientAnswering(200, {
      recordings: [item(1, { is_streamable: false, codec: 'pcm' }), item(2)],
      is_streamable: true,
      region: 'us',
    });
    const set = await client.getRecording('s');
    expect(set.recordings.map((r) => r.streamable)).toEqual([false, true]);
    expect(set.streamable).toBe(false);
  });

  it('reads the expiry from the URL when expires_at is missing', async () => {
    const { client } = clientAnswering(200, { recordings: [item(1, { expires_at: undefined })] });
    const set = await client.getRecording('s');
    expect(set.recordings[0]?.expiresAt).toBe(Date.UTC(2026, 10, 24, 12, 15));
  });

  it.each([
    [404, RecordingProcessingError],
    [410, RecordingGoneError],
    [401, RecordingAuthError],
    [403, RecordingAuthError],
    [400, RecordingBadRequestError],
    [500, RecordingServerError],
    [503, RecordingServerError],
  ])('maps HTTP %i to its typed error', async (status, type) => {
    const { client } = clientAnswering(status, 'nope');
    const error = await client.getRecording('s').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(type);
    expect(error).toBeInstanceOf(RecordingError);
    expect((error as RecordingError).status).toBe(status);
  });

  it.each([
    ['not JSON', '<html>502 Bad Gateway</html>'],
    ['no recordings', {}],
    ['empty recordings', { recordings: [] }],
    ['wrong types', { recordings: [{ ...item(1), sequence_number: '1' }] }],
    ['a missing URL', { recordings: [{ ...item(1), presigned_url: undefined }] }],
    ['duplicate sequence numbers', { recordings: [item(1), item(1)] }],
  ])('rejects a body with %s as RecordingResponseError', async (_what, body) => {
    const { client } = clientAnswering(200, body);
    await expect(client.getRecording('s')).rejects.toBeInstanceOf(RecordingResponseError);
  });

  it('refuses URLs that expired before they arrived, instead of handing them out', async () => {
    const { client } = clientAnswering(200, { recordings: [item(1, { expires_at: 1_000_000_000 })] });
    const error = await client.getRecording('s').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecordingResponseError);
    expect((error as Error).message).toContain('already expired');
  });

  it('handles thousands of chunks, in order', async () => {
    const many = Array.from({ length: 5000 }, (_, i) => item(5000 - i));
    const { client } = clientAnswering(200, { recordings: many, is_streamable: true });
    const set = await client.getRecording('s');
    expect(set.recordings).toHaveLength(5000);
    expect(set.recordings[0]?.sequence).toBe(1);
    expect(set.recordings[4999]?.sequence).toBe(5000);
  });

  it('never puts the token, the URL or its query string into an error', async () => {
    const leaky = vi.fn(async (url: string | URL | Request) => {
      throw new TypeError(`Failed to fetch ${String(url)} with ${TOKEN}`);
    });
    const client = createRecordingClient({
      baseUrl: 'https://api.example',
      getToken: () => TOKEN,
      fetch: leaky,
    });
    const network = await client.getRecording('s').catch((e: unknown) => e);
    expect(network).toBeInstanceOf(RecordingNetworkError);

    const bad = clientAnswering(200, { recordings: [{ ...item(1), sequence_number: SECRET_URL }] });
    const response = await bad.client.getRecording('s').catch((e: unknown) => e);

    const failing = createRecordingClient({
      baseUrl: 'https://api.example',
      getToken: () => {
        throw new Error(`refresh failed for ${TOKEN}`);
      },
      fetch: leaky,
    });
    const auth = await failing.getRecording('s').catch((e: unknown) => e);
    expect(auth).toBeInstanceOf(RecordingAuthError);

    for (const error of [network, response, auth] as Error[]) {
      const text = `${error.message} ${error.stack ?? ''} ${String(error.cause ?? '')} ${JSON.stringify(error)}`;
      expect(text).not.toContain('deadbeef');
      expect(text).not.toContain('X-Amz');
      expect(text).not.toContain(TOKEN);
    }
  });

  it('refuses a malformed session id before asking the API', async () => {
    const { client, fetch } = clientAnswering(200, {});
    await expect(client.getRecording('../admin')).rejects.toBeInstanceOf(RecordingBadRequestError);
    await expect(client.getRecording('')).rejects.toBeInstanceOf(RecordingBadRequestError);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('rejects with an AbortError when the caller aborts', async () => {
    const controller = new AbortController();
    const fetch = vi.fn(
      (_url: string | URL | Request, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    );
    const client = createRecordingClient({ baseUrl: 'https://api.example', getToken: () => TOKEN, fetch });
    const pending = client.getRecording('s', { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});
