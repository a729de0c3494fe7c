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
  RecordingTimeoutError,
} from './errors';
import { MAX_CHUNKS, createRecordingClient } from './recordingClient';

// Every client in this file runs on this fixed clock: the tests pass on any date, in any time zone.
const NOW = Date.UTC(2026, 10, 24, 12, 0, 30);
const now = () => NOW;
const SECRET_URL =
  'https://storage.example/b/o.wav?X-Amz-Date=20261124T120000Z&X-Amz-Expires=900&X-Amz-Signature=deadbeef';
const TOKEN = 'eyJhbGciOi.secret-token';
const IN_AN_HOUR = Math.floor(NOW / 1000) + 3600;

function item(sequence: number, extra: Record<string, unknown> = {}) {
  return {
    recording_id: `rec-${sequence}`,
    presigned_url: `${SECRET_URL}&n=${sequence}`,
    expires_at: IN_AN_HOUR + sequence,
    sequence_number: sequence,
    ...extra,
  };
}

function clientAnswering(status: number, body: unknown, headers: Record<string, string> = {}) {
  const fetch = vi.fn(
    async (_url: string | URL | Request, _init?: RequestInit) =>
      new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers }),
  );
  const client = createRecordingClient({
    baseUrl: 'https://api.example/',
    getToken: () => TOKEN,
    fetch,
    providerId: 'prov-1',
    now,
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
    const client = createRecordingClient({ baseUrl: 'https://api.example', getToken, fetch, now });
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
    expect(set.recordings[0]).toMatchObject({
      id: 'rec-1',
      expiresAt: (IN_AN_HOUR + 1) * 1000,
      streamable: true,
    });
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
    const { client } = clientAnswering(200, { recordings: [item(1, { expires_at: NOW / 1000 - 60 })] });
    const error = await client.getRecording('s').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecordingResponseError);
    expect((error as Error).message).toContain('already expired');
  });

  it('handles thousands of chunks, in order, up to the cap', async () => {
    const many = Array.from({ length: MAX_CHUNKS }, (_, i) => item(MAX_CHUNKS - i));
    const { client } = clientAnswering(200, { recordings: many, is_streamable: true });
    const set = await client.getRecording('s');
    expect(set.recordings).toHaveLength(MAX_CHUNKS);
    expect(set.recordings[0]?.sequence).toBe(1);
    expect(set.recordings[MAX_CHUNKS - 1]?.sequence).toBe(MAX_CHUNKS);
  });

  it('never puts the token, the URL or its query string into an error', async () => {
    const leaky = vi.fn(async (url: string | URL | Request) => {
      throw new TypeError(`Failed to fetch ${String(url)} with ${TOKEN}`);
    });
    const client = createRecordingClient({
      baseUrl: 'https://api.example',
      getToken: () => TOKEN,
      fetch: leaky,
      now,
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
      now,
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
    const client = createRecordingClient({
      baseUrl: 'https://api.example',
      getToken: () => TOKEN,
      fetch,
      now,
    });
    const pending = client.getRecording('s', { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  describe('a device clock that differs from the server', () => {
    const amzDate = (ms: number) =>
      new Date(ms)
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d{3}/, '');
    /** What a server whose clock is `skewMs` ahead of this device answers for a 15-minute URL. */
    const answerFromServer = (skewMs: number, { dateHeader = true, expiresAt = true } = {}) => {
      const serverNow = NOW + skewMs;
      const body = {
        recordings: [
          {
            recording_id: 'r1',
            presigned_url: `https://storage.example/o.wav?X-Amz-Date=${amzDate(serverNow)}&X-Amz-Expires=900&X-Amz-Signature=s`,
            ...(expiresAt ? { expires_at: Math.floor(serverNow / 1000) + 900 } : {}),
            sequence_number: 1,
          },
        ],
      };
      return clientAnswering(200, body, dateHeader ? { Date: new Date(serverNow).toUTCString() } : {});
    };

    it.each([-30, -10, 10, 30])(
      'plays with the device %i minutes off: expiry and refresh are on the server clock',
      async (minutes) => {
        // The device is `minutes` off: the server is the opposite way from it.
        const skew = -minutes * 60_000;
        for (const options of [{}, { dateHeader: false }, { dateHeader: false, expiresAt: false }]) {
          const { client } = answerFromServer(skew, options);
          const set = await client.getRecording('s');
          const expiresAt = set.recordings[0]?.expiresAt ?? 0;
          // 15 minutes from now on this device's clock, within the 1 s resolution of the evidence.
          expect(Math.abs(expiresAt - (NOW + 900_000))).toBeLessThanOrEqual(1_500);
          expect(Math.abs(set.clockOffsetMs - skew)).toBeLessThanOrEqual(1_500);
          expect(set.refreshAt).toBeGreaterThan(NOW + 12 * 60_000);
          expect(set.refreshAt).toBeLessThan(expiresAt);
        }
      },
    );

    it('does not move expiries for a difference within the evidence’s own resolution', async () => {
      const { client } = answerFromServer(900);
      const set = await client.getRecording('s');
      expect(set.clockOffsetMs).toBe(0);
    });

    it('does not believe a Date header more than a day off, nor a malformed one', async () => {
      for (const date of [new Date(NOW + 3 * 86_400_000).toUTCString(), 'tomorrow', 'x'.repeat(5000)]) {
        const { client } = clientAnswering(200, { recordings: [item(1)] }, { Date: date });
        const set = await client.getRecording('s');
        expect(set.clockOffsetMs).toBe(0);
      }
    });
  });

  describe('the refresh plan', () => {
    it('is planned once per answer, from when it arrived', async () => {
      const { client } = clientAnswering(200, {
        recordings: [item(1, { expires_at: Math.floor(NOW / 1000) + 900 })],
      });
      const set = await client.getRecording('s');
      expect(set.receivedAt).toBe(NOW);
      expect(set.refreshAt).toBe(Math.floor(NOW / 1000) * 1000 + 900_000 - 120_000);
    });

    it('caps far expiries at the 7-day retention: microseconds, far dates, huge X-Amz-Expires', async () => {
      const week = 7 * 24 * 3600_000;
      for (const extra of [
        { expires_at: (NOW / 1000 + 90 * 86_400) * 1e6 },
        { expires_at: NOW / 1000 + 60 * 86_400 },
        {
          expires_at: undefined,
          presigned_url: 'https://s.example/o?X-Amz-Date=20261124T120000Z&X-Amz-Expires=999999999',
        },
      ]) {
        const { client } = clientAnswering(200, { recordings: [item(1, extra)] });
        const set = await client.getRecording('s');
        expect(set.recordings[0]?.expiresAt).toBe(NOW + week);
        expect(set.refreshAt - NOW).toBeLessThan(2 ** 31 - 1);
      }
    });

    it('reads a microsecond expires_at as microseconds', async () => {
      const { client } = clientAnswering(200, {
        recordings: [item(1, { expires_at: (NOW + 900_000) * 1000 })],
      });
      const set = await client.getRecording('s');
      expect(set.recordings[0]?.expiresAt).toBe(NOW + 900_000);
    });
  });

  describe('hostile answers', () => {
    it.each([
      'javascript:alert(document.domain)//',
      'vbscript:msgbox(1)',
      'data:audio/wav;base64,UklGRg==',
      'blob:https://example.com/0b0e4d0e-0000-4000-8000-000000000000',
      'file:///etc/passwd',
      'ftp://example.com/a.wav',
      'http://storage.example/o.wav',
    ])('refuses the presigned URL %s from an https: API', async (url) => {
      const { client } = clientAnswering(200, { recordings: [item(1, { presigned_url: url })] });
      const error = await client.getRecording('s').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RecordingResponseError);
      expect((error as RecordingResponseError).issues).toEqual([
        'recordings.0.presigned_url: expected an https: URL',
      ]);
      expect(String((error as Error).message)).not.toContain(url);
    });

    it('accepts http: URLs only from an http: API (development)', async () => {
      const fetch = vi.fn(
        async () =>
          new Response(
            JSON.stringify({ recordings: [item(1, { presigned_url: 'http://127.0.0.1:9/o.wav' })] }),
          ),
      );
      const client = createRecordingClient({
        baseUrl: 'http://127.0.0.1:8787',
        getToken: () => TOKEN,
        fetch,
        now,
      });
      await expect(client.getRecording('s')).resolves.toMatchObject({ recordings: [{ id: 'rec-1' }] });
    });

    it('never follows a redirect with the token', async () => {
      const { client, fetch } = clientAnswering(200, { recordings: [item(1)] });
      await client.getRecording('s');
      expect(fetch.mock.calls[0]?.[1]).toMatchObject({ redirect: 'error', credentials: 'omit' });
      const redirecting = clientAnswering(307, '', { Location: 'https://elsewhere.example/steal' });
      await expect(redirecting.client.getRecording('s')).rejects.toBeInstanceOf(RecordingResponseError);
    });

    it.each(['.', '..', '...'])('refuses the session id %s before asking the API', async (id) => {
      const { client, fetch } = clientAnswering(200, { recordings: [item(1)] });
      await expect(client.getRecording(id)).rejects.toBeInstanceOf(RecordingBadRequestError);
      expect(fetch).not.toHaveBeenCalled();
    });

    it('refuses more chunks than the cap, and a body over the size cap', async () => {
      const many = Array.from({ length: MAX_CHUNKS + 1 }, (_, i) => item(i + 1));
      const { client } = clientAnswering(200, { recordings: many });
      const error = await client.getRecording('s').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RecordingResponseError);
      expect((error as Error).message).toContain(`more than ${MAX_CHUNKS} chunks`);

      const huge = clientAnswering(200, { recordings: [item(1)], padding: 'x'.repeat(9 * 1024 * 1024) });
      const big = await huge.client.getRecording('s').catch((e: unknown) => e);
      expect(big).toBeInstanceOf(RecordingResponseError);
      expect((big as Error).message).toContain('larger than');
    });

    it('gives up on an API that never answers, with a typed timeout, and leaves no timer', async () => {
      vi.useFakeTimers();
      try {
        let aborted = false;
        const fetch = vi.fn(
          (_url: string | URL | Request, init?: RequestInit) =>
            new Promise<Response>((_resolve, reject) => {
              init?.signal?.addEventListener('abort', () => {
                aborted = true;
                reject(new DOMException('aborted', 'AbortError'));
              });
            }),
        );
        const client = createRecordingClient({
          baseUrl: 'https://api.example',
          getToken: () => TOKEN,
          fetch,
          now,
          timeoutMs: 5_000,
        });
        const pending = client.getRecording('s').catch((e: unknown) => e);
        await vi.advanceTimersByTimeAsync(4_999);
        expect(aborted).toBe(false);
        await vi.advanceTimersByTimeAsync(1);
        const error = await pending;
        expect(error).toBeInstanceOf(RecordingTimeoutError);
        expect(aborted).toBe(true);
        expect(vi.getTimerCount()).toBe(0);
      } finally {
        vi.useRealTimers();
      }
    });
  });
});
