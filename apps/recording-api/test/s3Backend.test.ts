import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalogue, createS3Backend, startRecordingApi, type RecordingApi } from '../src/index';

/**
 * The same API fronting a real S3-compatible store (s3rver, on 127.0.0.1 at a port it picks): the
 * player meets genuine SigV4 presigned URLs, Range answers and expiry refusals.
 */
describe('S3-compatible storage backend', () => {
  const directory = mkdtempSync(join(tmpdir(), 's3rver-'));
  const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
  let store: S3rver;
  let endpoint = '';
  let api: RecordingApi;

  beforeAll(async () => {
    store = new S3rver({
      address: '127.0.0.1',
      port: 0,
      silent: true,
      directory,
      configureBuckets: [{ name: 'recordings' }],
    });
    const address = (await store.run()) as AddressInfo;
    endpoint = `http://127.0.0.1:${address.port}`;
    const s3 = { endpoint, bucket: 'recordings', ...credentials };
    const catalogue = createCatalogue();
    await createS3Backend(s3).seed(
      ['visit-demo', 'visit-multichunk'].map((id) => catalogue.get(id)).filter((s) => s !== undefined),
    );
    api = await startRecordingApi({ s3, ttlSeconds: 2 });
  });

  afterAll(async () => {
    await api.stop();
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('mints real SigV4 URLs that the store serves with Range, then refuses once expired', async () => {
    const response = await fetch(`${api.url}/api/v1/ambient/session/visit-demo/recording?download=false`, {
      headers: { sdp_suki_token: 'dev-token' },
    });
    const body = (await response.json()) as { recordings: { presigned_url: string; expires_at: number }[] };
    const url = new URL(body.recordings[0]?.presigned_url ?? '');
    expect(url.origin).toBe(endpoint);
    expect(url.searchParams.get('X-Amz-Algorithm')).toBe('AWS4-HMAC-SHA256');
    expect(url.searchParams.get('X-Amz-Expires')).toBe('2');

    const part = await fetch(url, { headers: { Range: 'bytes=0-11' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('Content-Range')).toBe('bytes 0-11/4368608');
    const head = new Uint8Array(await part.arrayBuffer());
    expect(String.fromCharCode(...head.subarray(0, 4))).toBe('RIFF');
    expect(String.fromCharCode(...head.subarray(8, 12))).toBe('WAVE');

    await new Promise((resolve) => setTimeout(resolve, 3100));
    const expired = await fetch(url);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain('Request has expired');
  });

  it('signs download URLs with an attachment disposition', async () => {
    const response = await fetch(
      `${api.url}/api/v1/ambient/session/visit-multichunk/recording?download=true`,
      {
        headers: { sdp_suki_token: 'dev-token' },
      },
    );
    const body = (await response.json()) as {
      recordings: { presigned_url: string; sequence_number: number }[];
    };
    expect(body.recordings.map((r) => r.sequence_number)).toEqual([3, 1, 2]);
    const file = await fetch(body.recordings[0]?.presigned_url ?? '');
    expect(file.status).toBe(200);
    expect(file.headers.get('Content-Disposition')).toContain('attachment');
    expect((await file.arrayBuffer()).byteLength).toBe(44 + 30 * 32000);
  });
});
