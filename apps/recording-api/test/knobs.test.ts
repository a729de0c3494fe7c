import { describe, expect, it } from 'vitest';
import { HUGE_BODY_BYTES } from '../src/catalogue';
import { amzDateOf, apiUrl, ask, firstUrl, range, T0, useServers, type Body } from './helpers';

const start = useServers();
const MINUTE = 60_000;

describe('the server clock', () => {
  it('dates every API answer with the server clock and exposes Date to browsers', async () => {
    const server = await start({ now: () => T0, processingSeconds: 60 });
    const answers = [
      await ask(server, 'visit-demo'),
      await ask(server, 'visit-demo', { token: null }),
      await ask(server, 'bad%20id!'),
      await ask(server, 'visit-processing'),
      await ask(server, 'visit-expired'),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 401, 400, 404, 410]);
    const preflight = await fetch(apiUrl(server, 'visit-demo'), { method: 'OPTIONS' });
    for (const headers of [...answers.map((a) => a.headers), preflight.headers]) {
      expect(headers.get('Date')).toBe(new Date(T0).toUTCString());
      expect(headers.get('Access-Control-Expose-Headers')).toBe('Date');
    }
    const storage = await range(await firstUrl(server, 'visit-demo'), 'bytes=0-1');
    expect(storage.response.headers.get('Date')).toBe(new Date(T0).toUTCString());
  });

  it('runs clockOffsetMs ahead of now: Date, X-Amz-Date and expires_at', async () => {
    const server = await start({ now: () => T0, clockOffsetMs: 10 * MINUTE });
    const { headers, body } = await ask(server, 'visit-demo');
    const ahead = T0 + 10 * MINUTE;
    expect(headers.get('Date')).toBe(new Date(ahead).toUTCString());
    const item = body.recordings[0];
    expect(item?.expires_at).toBe(ahead / 1000 + 900);
    const url = new URL(item?.presigned_url ?? '');
    expect(url.searchParams.get('X-Amz-Date')).toBe(amzDateOf(ahead));
    expect(url.searchParams.get('X-Amz-Credential')).toContain(`/${amzDateOf(ahead).slice(0, 8)}/`);
    // Expiry is checked on the same clock, so the URL is good for its 15 minutes.
    expect((await range(url.href, 'bytes=0-1')).response.status).toBe(206);
    expect(server.accessLog[0]?.time).toBe(new Date(ahead).toISOString());
  });

  it('setClockOffset jumps the clock ahead: every URL minted before is now expired', async () => {
    const s3 = await start({ now: () => T0 });
    const url = await firstUrl(s3, 'visit-demo');
    expect((await range(url, 'bytes=0-1')).response.status).toBe(206);
    s3.setClockOffset(20 * MINUTE);
    const expired = await fetch(url);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain('<Message>Request has expired</Message>');
    const fresh = await ask(s3, 'visit-demo');
    expect(fresh.headers.get('Date')).toBe(new Date(T0 + 20 * MINUTE).toUTCString());
    expect(fresh.body.recordings[0]?.expires_at).toBe((T0 + 20 * MINUTE) / 1000 + 900);
    expect((await range(fresh.body.recordings[0]?.presigned_url ?? '', 'bytes=0-1')).response.status).toBe(
      206,
    );

    const gcs = await start({ now: () => T0, flavour: 'gcs' });
    const gcsUrl = await firstUrl(gcs, 'visit-demo', true);
    gcs.setClockOffset(61 * MINUTE);
    const gcsExpired = await fetch(gcsUrl);
    expect(gcsExpired.status).toBe(400);
    expect(await gcsExpired.text()).toContain('<Code>ExpiredToken</Code>');
    gcs.setClockOffset(0);
    expect((await fetch(gcsUrl, { method: 'HEAD' })).status).toBe(200);
  });
});

describe('API faults', () => {
  it('apiHang: the API never answers, the client gives up, and stop() still returns promptly', async () => {
    const server = await start({ sessionFaults: { 'visit-5min': { apiHang: true } } });
    const gaveUp = ask(server, 'visit-5min', { signal: AbortSignal.timeout(150) });
    await expect(gaveUp).rejects.toThrow();
    expect((await ask(server, 'visit-demo')).status).toBe(200);
    server.setFaults({ apiHang: true });
    const held = fetch(apiUrl(server, 'visit-demo'), { headers: { sdp_suki_token: 'dev-token' } });
    const outcome = held.then(
      () => 'answered',
      () => 'failed',
    );
    // A bounded real wait: the request must be seen held before the server stops.
    for (let i = 0; i < 100 && server.stats().api['visit-demo'] !== 2; i += 1)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(server.stats().api['visit-demo']).toBe(2);
    const stopping = Date.now();
    await server.stop();
    expect(Date.now() - stopping).toBeLessThan(1000);
    expect(await outcome).toBe('failed');
  });

  it('apiRedirectTo: 307 with Location, before the token is looked at', async () => {
    const server = await start({ faults: { apiRedirectTo: 'https://elsewhere.example/capture' } });
    const fixed = await ask(server, 'visit-demo', { token: null });
    expect(fixed.status).toBe(307);
    expect(fixed.headers.get('Location')).toBe('https://elsewhere.example/capture');
    server.setFaults({ apiRedirectTo: 'https://elsewhere.example/' }, 'visit-multichunk');
    const withPath = await ask(server, 'visit-multichunk', { download: true });
    expect(withPath.status).toBe(307);
    expect(withPath.headers.get('Location')).toBe(
      'https://elsewhere.example/api/v1/ambient/session/visit-multichunk/recording?download=true',
    );
    expect(withPath.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(server.accessLog.map((e) => [e.event, e.status])).toEqual([
      ['api', 307],
      ['api', 307],
    ]);
  });

  it('contentDisposition: false serves download URLs without Content-Disposition', async () => {
    const server = await start({ contentDisposition: false });
    const download = await fetch(await firstUrl(server, 'visit-demo', true), { method: 'HEAD' });
    expect(download.status).toBe(200);
    expect(download.headers.get('Content-Disposition')).toBeNull();
    expect(server.accessLog.at(-1)).toMatchObject({ event: 'storage', mode: 'download', status: 200 });
  });

  it.each([
    ['microseconds', (T0 / 1000 + 900) * 1e6],
    ['far', T0 / 1000 + 60 * 24 * 3600],
  ] as const)('expiresAtField %s', async (expiresAtField, expected) => {
    const server = await start({ now: () => T0, expiresAtField });
    const item = (await ask(server, 'visit-demo')).body.recordings[0];
    expect(item?.expires_at).toBe(expected);
    // The URL itself still expires per the policy.
    expect(new URL(item?.presigned_url ?? '').searchParams.get('X-Amz-Expires')).toBe('900');
  });
});

describe('generated and hostile sessions', () => {
  it('visit-chunks-2000: 2000 chunks of 2 s, shuffled, sequence numbers 1..2000, each playable', async () => {
    const server = await start({ now: () => T0 });
    const { status, body } = await ask(server, 'visit-chunks-2000');
    expect(status).toBe(200);
    expect(body.is_streamable).toBe(true);
    expect(body.recordings).toHaveLength(2000);
    const sequences = body.recordings.map((r) => r.sequence_number);
    expect(new Set(sequences).size).toBe(2000);
    expect([...sequences].sort((a, b) => a - b)).toEqual(Array.from({ length: 2000 }, (_, i) => i + 1));
    expect(sequences).not.toEqual([...sequences].sort((a, b) => a - b));
    for (const item of body.recordings) {
      expect(Object.keys(item).sort()).toEqual([
        'expires_at',
        'presigned_url',
        'recording_id',
        'sequence_number',
      ]);
      expect(item.recording_id).toBe(`visit-chunks-2000-${item.sequence_number}`);
      // 4000 s of audio: the streaming URL lives for the session length + 10 minutes.
      expect(item.expires_at).toBe(T0 / 1000 + 4000 + 600);
    }
    const again = await start({ now: () => T0 });
    expect((await ask(again, 'visit-chunks-2000')).body.recordings.map((r) => r.sequence_number)).toEqual(
      sequences,
    );

    const chunk = body.recordings.find((r) => r.sequence_number === 1000);
    const head = await range(chunk?.presigned_url ?? '', 'bytes=0-43');
    expect(head.response.status).toBe(206);
    expect(head.response.headers.get('Content-Range')).toBe(`bytes 0-43/${44 + 2 * 32000}`);
    const view = new DataView(head.bytes.buffer);
    expect(String.fromCharCode(...head.bytes.subarray(0, 4))).toBe('RIFF');
    expect(view.getUint32(24, true)).toBe(16000);
    expect(view.getUint16(22, true)).toBe(1);
    expect(view.getUint16(34, true)).toBe(16);
    expect(view.getUint32(40, true)).toBe(2 * 32000);
    const tail = await range(chunk?.presigned_url ?? '', 'bytes=60000-');
    expect(tail.response.status).toBe(206);
    expect(tail.bytes.byteLength).toBe(44 + 64000 - 60000);
  });

  it('answers 404 for visit-chunks ids out of 2..10000, and 200 with 10000 chunks at the top', async () => {
    const server = await start();
    for (const id of [
      'visit-chunks-1',
      'visit-chunks-0',
      'visit-chunks-10001',
      'visit-chunks-02',
      'visit-chunks-x',
    ])
      expect([id, (await ask(server, id)).status]).toEqual([id, 404]);
    expect(
      (await ask(server, 'visit-chunks-2')).body.recordings.map((r) => r.sequence_number).sort(),
    ).toEqual([1, 2]);
    expect((await ask(server, 'visit-chunks-10000')).body.recordings).toHaveLength(10000);
  });

  it.each([
    ['hostile-url-javascript', 'javascript:alert(document.domain)//'],
    ['hostile-url-vbscript', 'vbscript:msgbox(1)'],
    ['hostile-url-data', 'data:audio/wav;base64,UklGRg=='],
    ['hostile-url-file', 'file:///etc/passwd'],
    ['hostile-url-ftp', 'ftp://example.com/a.wav'],
    ['hostile-url-blob', 'blob:https://example.com/0b0e4d0e-0000-4000-8000-000000000000'],
  ])('%s answers 200 with presigned_url %s', async (id, url) => {
    const server = await start({ now: () => T0 });
    for (const download of [false, true]) {
      const { status, body } = await ask(server, id, { download });
      expect(status).toBe(200);
      expect(body).toEqual({
        recordings: [
          { recording_id: `${id}-1`, presigned_url: url, expires_at: T0 / 1000 + 900, sequence_number: 1 },
        ],
        is_streamable: true,
      });
    }
  });

  it('hostile-huge-body answers 200 with a 50 MiB JSON body of a valid shape, streamed', async () => {
    const server = await start({ now: () => T0 });
    const response = await fetch(apiUrl(server, 'hostile-huge-body'), {
      headers: { sdp_suki_token: 'dev-token' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/json');
    expect(response.headers.get('Content-Length')).toBeNull();
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(bytes.byteLength).toBe(HUGE_BODY_BYTES);
    expect(HUGE_BODY_BYTES).toBe(50 * 1024 * 1024);
    const body = JSON.parse(new TextDecoder().decode(bytes)) as Body & { padding: string };
    expect(body.padding.length).toBeGreaterThan(52_000_000);
    expect(body.is_streamable).toBe(true);
    expect(body.recordings).toHaveLength(1);
    expect(body.recordings[0]).toMatchObject({ recording_id: 'hostile-huge-body-1', sequence_number: 1 });
    expect(body.recordings[0]?.expires_at).toBe(T0 / 1000 + 900);
    expect((await range(body.recordings[0]?.presigned_url ?? '', 'bytes=0-3')).response.status).toBe(206);
  });
});

describe('runtime toggles', () => {
  it('setCors turns the storage CORS off and on at runtime', async () => {
    const server = await start();
    const url = await firstUrl(server, 'visit-demo');
    expect((await range(url, 'bytes=0-1')).response.headers.get('Access-Control-Allow-Origin')).toBe('*');
    server.setCors(false);
    const bare = await range(url, 'bytes=0-1');
    expect(bare.response.status).toBe(206);
    expect(bare.response.headers.get('Access-Control-Allow-Origin')).toBeNull();
    expect((await fetch(url, { method: 'OPTIONS' })).status).toBe(403);
    server.setCors(true);
    expect((await range(url, 'bytes=0-1')).response.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect((await fetch(url, { method: 'OPTIONS' })).status).toBe(204);
  });

  it('restartProcessing makes a session answer 404 again for its seconds, counted from the call', async () => {
    let clock = T0;
    const server = await start({ now: () => clock, processingSeconds: 5 });
    expect((await ask(server, 'visit-processing')).status).toBe(404);
    clock += 5000;
    expect((await ask(server, 'visit-processing')).status).toBe(200);
    clock += 60_000;
    server.restartProcessing();
    expect((await ask(server, 'visit-processing')).status).toBe(404);
    clock += 4999;
    expect((await ask(server, 'visit-processing')).status).toBe(404);
    clock += 1;
    expect((await ask(server, 'visit-processing')).status).toBe(200);
    server.restartProcessing('visit-demo', 2);
    const processing = await ask(server, 'visit-demo');
    expect(processing.status).toBe(404);
    expect(processing.text).toContain('processing');
    expect((await ask(server, 'visit-processing')).status).toBe(200);
    clock += 2000;
    expect((await ask(server, 'visit-demo')).status).toBe(200);
    expect(() => server.restartProcessing('no-such-visit')).toThrow();
    expect(() => server.restartProcessing('visit-demo', -1)).toThrow();
  });
});

describe('the admin surface', () => {
  const post = (server: { url: string }, path: string, body: unknown) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('answers 404 unless admin is on', async () => {
    const server = await start();
    expect((await post(server, '/admin/cors', { enabled: false })).status).toBe(404);
    expect((await post(server, '/admin/processing', {})).status).toBe(404);
    expect((await post(server, '/admin/faults', { faults: {} })).status).toBe(404);
    expect((await fetch(`${server.url}/admin/faults`, { method: 'OPTIONS' })).status).toBe(404);
    expect(
      (await range(await firstUrl(server, 'visit-demo'), 'bytes=0-1')).response.headers.get(
        'Access-Control-Allow-Origin',
      ),
    ).toBe('*');
  });

  it('answers its preflight and sends CORS headers', async () => {
    const server = await start({ admin: true });
    const preflight = await fetch(`${server.url}/admin/cors`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://demo.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(preflight.headers.get('Access-Control-Allow-Methods')).toContain('POST');
    expect(preflight.headers.get('Access-Control-Allow-Headers')).toBe('content-type');
    const answer = await post(server, '/admin/cors', { enabled: true });
    expect(answer.headers.get('Access-Control-Allow-Origin')).toBe('*');
    const refused = await post(server, '/admin/cors', { enabled: 'no' });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('Access-Control-Allow-Origin')).toBe('*');
  });

  it('POST /admin/cors turns the storage CORS off and on', async () => {
    const server = await start({ admin: true });
    const url = await firstUrl(server, 'visit-demo');
    const off = await post(server, '/admin/cors', { enabled: false });
    expect(off.status).toBe(200);
    expect(await off.json()).toEqual({ ok: true, cors: false });
    expect((await range(url, 'bytes=0-1')).response.headers.get('Access-Control-Allow-Origin')).toBeNull();
    expect((await post(server, '/admin/cors', { enabled: true })).status).toBe(200);
    expect((await range(url, 'bytes=0-1')).response.headers.get('Access-Control-Allow-Origin')).toBe('*');
  });

  it('POST /admin/processing restarts a processing window', async () => {
    let clock = T0;
    const server = await start({ admin: true, now: () => clock, processingSeconds: 0 });
    expect((await ask(server, 'visit-processing')).status).toBe(200);
    const restarted = await post(server, '/admin/processing', { seconds: 30 });
    expect(await restarted.json()).toEqual({ ok: true, sessionId: 'visit-processing', seconds: 30 });
    expect((await ask(server, 'visit-processing')).status).toBe(404);
    clock += 30_000;
    expect((await ask(server, 'visit-processing')).status).toBe(200);
    expect((await post(server, '/admin/processing', { sessionId: 'visit-5min', seconds: 10 })).status).toBe(
      200,
    );
    expect((await ask(server, 'visit-5min')).status).toBe(404);
    // Without seconds: the processingSeconds option (0 here).
    expect((await post(server, '/admin/processing', { sessionId: 'visit-5min' })).status).toBe(200);
    expect((await ask(server, 'visit-5min')).status).toBe(200);
  });

  it('POST /admin/faults sets faults server-wide or for one session', async () => {
    const server = await start({ admin: true });
    const set = await post(server, '/admin/faults', { sessionId: 'visit-demo', faults: { apiErrorRate: 1 } });
    expect(set.status).toBe(200);
    expect((await ask(server, 'visit-demo')).status).toBe(503);
    expect((await ask(server, 'visit-5min')).status).toBe(200);
    await post(server, '/admin/faults', { sessionId: 'visit-demo', faults: {} });
    expect((await ask(server, 'visit-demo')).status).toBe(200);
    await post(server, '/admin/faults', {
      faults: { apiRedirectTo: 'https://elsewhere.example/x', latencyMs: 1 },
    });
    const redirected = await ask(server, 'visit-5min');
    expect([redirected.status, redirected.headers.get('Location')]).toEqual([
      307,
      'https://elsewhere.example/x',
    ]);
    await post(server, '/admin/faults', { faults: {} });
    expect((await ask(server, 'visit-5min')).status).toBe(200);
  });

  it.each([
    ['/admin/cors', 'not json'],
    ['/admin/cors', '[]'],
    ['/admin/cors', {}],
    ['/admin/cors', { enabled: 1 }],
    ['/admin/cors', { enabled: true, extra: 1 }],
    ['/admin/processing', { sessionId: 7 }],
    ['/admin/processing', { sessionId: 'no-such-visit' }],
    ['/admin/processing', { sessionId: 'bad id!' }],
    ['/admin/processing', { seconds: -1 }],
    ['/admin/processing', { seconds: '5' }],
    ['/admin/processing', { session: 'visit-demo' }],
    ['/admin/faults', {}],
    ['/admin/faults', { faults: null }],
    ['/admin/faults', { faults: [] }],
    ['/admin/faults', { faults: { latency: 5 } }],
    ['/admin/faults', { faults: { latencyMs: '5' } }],
    ['/admin/faults', { faults: { latencyMs: -5 } }],
    ['/admin/faults', { faults: { apiErrorRate: 2 } }],
    ['/admin/faults', { faults: { bandwidthBytesPerSecond: 0 } }],
    ['/admin/faults', { faults: { apiHang: 'yes' } }],
    ['/admin/faults', { faults: { apiRedirectTo: 42 } }],
    ['/admin/faults', '{"faults":{"__proto__":{"apiHang":true}}}'],
    ['/admin/faults', { faults: { constructor: 1 } }],
    ['/admin/faults', { faults: {}, sessionId: 3 }],
    ['/admin/faults', { faults: {}, other: true }],
  ])('POST %s refuses %j with 400', async (path, body) => {
    const server = await start({ admin: true });
    const answer = await post(server, path, body);
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ error: expect.any(String) });
    // Nothing changed.
    expect((await ask(server, 'visit-demo')).status).toBe(200);
    expect(
      (await range(await firstUrl(server, 'visit-demo'), 'bytes=0-1')).response.headers.get(
        'Access-Control-Allow-Origin',
      ),
    ).toBe('*');
  });
});
