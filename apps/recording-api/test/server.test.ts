import { afterEach, describe, expect, it } from 'vitest';
import { startRecordingApi, type RecordingApi, type RecordingApiOptions } from '../src/index';

const servers: RecordingApi[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.stop();
});

async function start(options: RecordingApiOptions = {}) {
  const server = await startRecordingApi(options);
  servers.push(server);
  return server;
}

interface Body {
  recordings: {
    recording_id: string;
    presigned_url: string;
    expires_at?: number;
    sequence_number: number;
    is_streamable?: boolean;
  }[];
  is_streamable?: boolean;
}

async function ask(
  server: RecordingApi,
  id: string,
  { download = false, token = 'dev-token' as string | null } = {},
) {
  const headers: Record<string, string> = token ? { sdp_suki_token: token } : {};
  const response = await fetch(`${server.url}/api/v1/ambient/session/${id}/recording?download=${download}`, {
    headers,
  });
  return {
    status: response.status,
    body: (response.status === 200 ? await response.json() : await response.text()) as Body,
  };
}

async function firstUrl(server: RecordingApi, id: string, download = false) {
  const { body } = await ask(server, id, { download });
  return body.recordings[0]?.presigned_url ?? '';
}

/** The test's own WAV header reader: the server shares no code with the library. */
function wavInfo(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  let at = 12;
  const info: Record<string, number | string> = { riff: text(0), wave: text(8) };
  while (at + 8 <= bytes.byteLength) {
    const id = text(at);
    const size = view.getUint32(at + 4, true);
    if (id === 'fmt ') {
      info.tag = view.getUint16(at + 8, true);
      info.channels = view.getUint16(at + 10, true);
      info.rate = view.getUint32(at + 12, true);
      info.bits = view.getUint16(at + 22, true);
      if (info.tag === 0xfffe) info.subTag = view.getUint16(at + 32, true);
    } else if (id !== 'data') info[`chunk:${id}`] = size;
    if (id === 'data') {
      info.dataSize = size;
      info.dataOffset = at + 8;
      break;
    }
    at += 8 + size + (size % 2);
  }
  return info;
}

async function range(url: string, header: string) {
  const response = await fetch(url, { headers: { Range: header } });
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

describe('the recording API', () => {
  it('answers the contract body: presigned URLs, expires_at in seconds, sequence numbers, is_streamable', async () => {
    const server = await start();
    const before = Math.floor(Date.now() / 1000);
    const { status, body } = await ask(server, 'visit-demo');
    expect(status).toBe(200);
    expect(body.is_streamable).toBe(true);
    expect(body.recordings).toHaveLength(1);
    const item = body.recordings[0];
    expect(Object.keys(item ?? {}).sort()).toEqual([
      'expires_at',
      'presigned_url',
      'recording_id',
      'sequence_number',
    ]);
    expect(item?.expires_at).toBeGreaterThanOrEqual(before + 900);
    expect(item?.expires_at).toBeLessThanOrEqual(before + 901);
    const url = new URL(item?.presigned_url ?? '');
    expect(url.searchParams.get('X-Amz-Expires')).toBe('900');
    expect(url.searchParams.get('X-Amz-Date')).toMatch(/^\d{8}T\d{6}Z$/);
  });

  it('gives long sessions session length + 10 minutes, and downloads an hour', async () => {
    const server = await start();
    const now = Math.floor(Date.now() / 1000);
    expect((await ask(server, 'visit-60min')).body.recordings[0]?.expires_at).toBeGreaterThanOrEqual(
      now + 4200,
    );
    expect(
      (await ask(server, 'visit-demo', { download: true })).body.recordings[0]?.expires_at,
    ).toBeGreaterThanOrEqual(now + 3600);
  });

  it('refuses a missing or unknown token with 401, and a malformed id with 400', async () => {
    const server = await start();
    expect((await ask(server, 'visit-demo', { token: null })).status).toBe(401);
    expect((await ask(server, 'visit-demo', { token: 'stolen' })).status).toBe(401);
    expect((await ask(server, 'bad%20id!')).status).toBe(400);
    expect((await ask(server, 'no-such-visit')).status).toBe(404);
  });

  it('answers 404 while a session is processing, then 200', async () => {
    const server = await start({ processingSeconds: 0.3 });
    expect((await ask(server, 'visit-processing')).status).toBe(404);
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect((await ask(server, 'visit-processing')).status).toBe(200);
  });

  it('answers 410 for a session older than 7 days', async () => {
    const server = await start();
    expect((await ask(server, 'visit-expired')).status).toBe(410);
  });

  it('lists multi-chunk sessions out of order with their sequence numbers', async () => {
    const server = await start();
    const { body } = await ask(server, 'visit-multichunk');
    expect(body.recordings.map((r) => r.sequence_number)).toEqual([3, 1, 2]);
    const sizes = await Promise.all(
      body.recordings.map(async (r) =>
        (await fetch(r.presigned_url, { method: 'HEAD' })).headers.get('Content-Length'),
      ),
    );
    expect(sizes.every((size) => Number(size) > 900_000)).toBe(true);
  });

  it('can omit expires_at, put is_streamable per item, or send milliseconds', async () => {
    const omit = await start({ expiresAtField: 'omit', streamableField: 'item' });
    const { body } = await ask(omit, 'visit-not-streamable');
    expect(body.recordings[0]?.expires_at).toBeUndefined();
    expect(body.recordings[0]?.is_streamable).toBe(false);
    expect(body.is_streamable).toBeUndefined();
    const ms = await start({ expiresAtField: 'milliseconds' });
    expect((await ask(ms, 'visit-demo')).body.recordings[0]?.expires_at).toBeGreaterThan(1e12);
  });

  it('answers 503 at the configured rate, from a seeded generator', async () => {
    const server = await start({ faults: { apiErrorRate: 0.5 }, seed: 7 });
    const statuses = [];
    for (let i = 0; i < 20; i += 1) statuses.push((await ask(server, 'visit-demo')).status);
    expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(3);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(3);
    const again = await start({ faults: { apiErrorRate: 0.5 }, seed: 7 });
    const replay = [];
    for (let i = 0; i < 20; i += 1) replay.push((await ask(again, 'visit-demo')).status);
    expect(replay).toEqual(statuses);
  });
});

describe('the presigned storage', () => {
  it('serves Range requests with 206 and Content-Range, the whole file without, and 416 past the end', async () => {
    const server = await start();
    const url = await firstUrl(server, 'visit-60min');
    const part = await range(url, 'bytes=100-199');
    expect(part.response.status).toBe(206);
    expect(part.response.headers.get('Content-Range')).toBe('bytes 100-199/115200044');
    expect(part.bytes.byteLength).toBe(100);
    const tail = await range(url, 'bytes=-10');
    expect(tail.response.headers.get('Content-Range')).toBe('bytes 115200034-115200043/115200044');
    const beyond = await range(url, 'bytes=115200044-');
    expect(beyond.response.status).toBe(416);
    expect(beyond.response.headers.get('Content-Range')).toBe('bytes */115200044');
    const head = await fetch(url, { method: 'HEAD' });
    expect(head.headers.get('Content-Length')).toBe('115200044');
    expect(head.headers.get('Accept-Ranges')).toBe('bytes');
    const whole = await fetch(await firstUrl(server, 'visit-demo'));
    expect(whole.status).toBe(200);
    expect((await whole.arrayBuffer()).byteLength).toBe(4368608);
  });

  it('refuses an expired URL the way S3 does, or the way GCS does', async () => {
    let clock = Date.now();
    const s3 = await start({ now: () => clock, ttlSeconds: 60 });
    const url = await firstUrl(s3, 'visit-demo');
    expect((await range(url, 'bytes=0-1')).response.status).toBe(206);
    clock += 61_000;
    const expired = await fetch(url);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toMatch(/<Code>AccessDenied<\/Code><Message>Request has expired<\/Message>/);

    const gcs = await start({ now: () => clock, ttlSeconds: 60, flavour: 'gcs' });
    const gcsUrl = await firstUrl(gcs, 'visit-demo');
    expect(new URL(gcsUrl).searchParams.get('X-Goog-Expires')).toBe('60');
    clock += 61_000;
    const gcsExpired = await fetch(gcsUrl);
    expect(gcsExpired.status).toBe(400);
    expect(await gcsExpired.text()).toContain('<Code>ExpiredToken</Code>');
  });

  it('refuses a tampered or missing signature', async () => {
    const server = await start();
    const url = new URL(await firstUrl(server, 'visit-demo'));
    const tampered = new URL(url);
    tampered.searchParams.set('X-Amz-Expires', '999999');
    expect((await fetch(tampered)).status).toBe(403);
    const other = new URL(url);
    other.pathname = '/storage/visit-60min/visit-60min-1.wav';
    expect((await fetch(other)).status).toBe(403);
    expect((await fetch(`${url.origin}${url.pathname}`)).status).toBe(403);
  });

  it('answers download URLs as attachments', async () => {
    const server = await start();
    const response = await fetch(await firstUrl(server, 'visit-demo', true), { method: 'HEAD' });
    expect(response.headers.get('Content-Disposition')).toBe(
      'attachment; filename="01KFJZTJWZH28GRHQXVCGW4Y47.wav"',
    );
  });

  it('sends CORS headers by default and none when CORS is off', async () => {
    const on = await start();
    const url = await firstUrl(on, 'visit-demo');
    const response = await range(url, 'bytes=0-1');
    expect(response.response.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(response.response.headers.get('Access-Control-Expose-Headers')).toContain('Content-Range');
    const preflight = await fetch(url, { method: 'OPTIONS' });
    expect(preflight.headers.get('Access-Control-Allow-Headers')).toBe('Range');
    const off = await start({ cors: false });
    const bare = await range(await firstUrl(off, 'visit-demo'), 'bytes=0-1');
    expect(bare.response.status).toBe(206);
    expect(bare.response.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it('ignores Range for a session that cannot stream', async () => {
    const server = await start();
    const { body } = await ask(server, 'visit-not-streamable');
    expect(body.is_streamable).toBe(false);
    const response = await range(body.recordings[0]?.presigned_url ?? '', 'bytes=0-99');
    expect(response.response.status).toBe(200);
    expect(response.response.headers.get('Accept-Ranges')).toBeNull();
    expect(response.bytes.byteLength).toBe(44 + 40 * 16000 * 2);
  });

  it.each([
    ['visit-demo', { tag: 1, channels: 1, rate: 16000, bits: 16 }],
    ['visit-5min', { tag: 1, channels: 1, rate: 16000, bits: 16, dataSize: 300 * 32000 }],
    ['visit-120min', { tag: 1, channels: 1, rate: 16000, bits: 16, dataSize: 7200 * 32000 }],
    ['visit-60min-stereo', { tag: 1, channels: 2, rate: 44100, bits: 16 }],
    ['wav-24bit', { tag: 1, bits: 24 }],
    ['wav-float32', { tag: 3, bits: 32 }],
    ['wav-stereo-44k', { channels: 2, rate: 44100 }],
    ['wav-extensible', { tag: 0xfffe, subTag: 1 }],
    ['wav-list-chunk', { 'chunk:LIST': 19 }],
    ['wav-streaming-header', { dataSize: 0xffffffff }],
  ])('serves %s as a WAV of its format', async (id, expected) => {
    const server = await start();
    const { bytes } = await range(await firstUrl(server, id), 'bytes=0-1023');
    const info = wavInfo(bytes);
    expect(info).toMatchObject({ riff: 'RIFF', wave: 'WAVE', ...expected });
    if (id === 'wav-streaming-header') expect(new DataView(bytes.buffer).getUint32(4, true)).toBe(0xffffffff);
  });

  it('synthesizes speech-like audio: loud syllables and quiet pauses', async () => {
    const server = await start();
    const url = await firstUrl(server, 'visit-60min');
    const { bytes } = await range(url, `bytes=${44 + 32000 * 1800}-${44 + 32000 * 1807 - 1}`);
    const view = new DataView(bytes.buffer);
    const windows = [];
    for (let w = 0; w < 70; w += 1) {
      let peak = 0;
      for (let i = 0; i < 1600; i += 1)
        peak = Math.max(peak, Math.abs(view.getInt16((w * 1600 + i) * 2, true)));
      windows.push(peak / 32768);
    }
    expect(Math.max(...windows)).toBeGreaterThan(0.3);
    expect(Math.min(...windows)).toBeLessThan(0.05);
  });
});

describe('faults and the access log', () => {
  it('drops a storage connection after N bytes', async () => {
    const server = await start({ sessionFaults: { 'visit-demo': { dropAfterBytes: 100_000 } } });
    const response = await fetch(await firstUrl(server, 'visit-demo'));
    await expect(response.arrayBuffer()).rejects.toThrow();
  });

  it('caps bandwidth and adds latency', async () => {
    const server = await start({ faults: { latencyMs: 150, bandwidthBytesPerSecond: 1_000_000 } });
    const url = await firstUrl(server, 'visit-60min');
    const began = Date.now();
    const { bytes } = await range(url, 'bytes=0-499999');
    const took = Date.now() - began;
    expect(bytes.byteLength).toBe(500_000);
    expect(took).toBeGreaterThanOrEqual(150 + 400);
    server.setFaults({});
    const quick = Date.now();
    await range(url, 'bytes=0-499999');
    expect(Date.now() - quick).toBeLessThan(took);
  });

  it('shares one link cap between parallel storage responses', async () => {
    const server = await start({ faults: { linkBandwidthBytesPerSecond: 2_000_000 } });
    const url = await firstUrl(server, 'visit-60min');
    const began = Date.now();
    await Promise.all([range(url, 'bytes=0-499999'), range(url, 'bytes=500000-999999')]);
    // 1 MB over a 2 MB/s link takes half a second, whichever way it is split.
    expect(Date.now() - began).toBeGreaterThanOrEqual(450);
  });

  it('logs every URL minted and storage request without signatures or tokens, and counts requests', async () => {
    const lines: string[] = [];
    const server = await start({ log: (entry) => lines.push(JSON.stringify(entry)) });
    const url = await firstUrl(server, 'visit-demo');
    await range(url, 'bytes=0-9');
    expect(server.accessLog.map((e) => [e.event, e.status])).toEqual([
      ['mint', 200],
      ['api', 200],
      ['storage', 206],
    ]);
    expect(server.accessLog[0]).toMatchObject({ subject: 'dev', session: 'visit-demo', mode: 'stream' });
    expect(server.accessLog[2]).toMatchObject({
      range: 'bytes=0-9',
      recording: '01KFJZTJWZH28GRHQXVCGW4Y47',
    });
    const signature = new URL(url).searchParams.get('X-Amz-Signature') ?? 'missing';
    expect(lines.join('\n')).not.toContain(signature);
    expect(lines.join('\n')).not.toContain('dev-token');
    expect(lines.join('\n')).not.toContain('X-Amz');
    expect(server.stats()).toMatchObject({
      api: { 'visit-demo': 1 },
      storage: { 'visit-demo': 1 },
      storageBytes: 10,
      storageBytesByDest: { audio: 0, empty: 0, other: 10 },
    });
  });

  it('counts storage bytes by the request’s Sec-Fetch-Dest, an unknown value as other', async () => {
    const server = await start();
    const url = await firstUrl(server, 'visit-demo');
    const read = async (dest: string, bytes: number) => {
      const response = await fetch(url, {
        headers: { Range: `bytes=0-${bytes - 1}`, 'Sec-Fetch-Dest': dest },
      });
      await response.arrayBuffer();
    };
    await read('audio', 100);
    await read('empty', 20);
    await read('audio', 5);
    await read('<script>', 7);
    expect(server.stats()).toMatchObject({
      storageBytes: 132,
      storageBytesByDest: { audio: 105, empty: 20, other: 7 },
    });
  });
});
