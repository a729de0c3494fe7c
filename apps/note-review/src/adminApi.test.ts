import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRecordingApi, type RecordingApi } from '../../recording-api/src/index.ts';
import { probeAdmin, restartProcessing, setStorageCors } from './adminApi';

const recording = (api: RecordingApi, sessionId: string) =>
  fetch(`${api.url}/api/v1/ambient/session/${sessionId}/recording?download=false`, {
    headers: { sdp_suki_token: 'dev-token' },
  });

describe('the Scenarios panel’s admin client, against the reference server', () => {
  let withAdmin: RecordingApi;
  let withoutAdmin: RecordingApi;
  beforeAll(async () => {
    withAdmin = await startRecordingApi({ admin: true, processingSeconds: 0 });
    withoutAdmin = await startRecordingApi({ processingSeconds: 0 });
  });
  afterAll(async () => {
    await withAdmin.stop();
    await withoutAdmin.stop();
  });

  it('finds the admin surface only where it is served', async () => {
    expect(await probeAdmin(withAdmin.url)).toBe(true);
    expect(await probeAdmin(withoutAdmin.url)).toBe(false);
    expect(await probeAdmin('http://127.0.0.1:9')).toBe(false);
  });

  it('restarts visit-processing’s window: 404 again, for the seconds it says', async () => {
    expect((await recording(withAdmin, 'visit-processing')).status).toBe(200);
    const result = await restartProcessing(withAdmin.url, { seconds: 30 });
    expect(result).toEqual({ ok: true, value: { ok: true, sessionId: 'visit-processing', seconds: 30 } });
    expect((await recording(withAdmin, 'visit-processing')).status).toBe(404);
    await restartProcessing(withAdmin.url, { seconds: 0 });
    expect((await recording(withAdmin, 'visit-processing')).status).toBe(200);
  });

  it('switches the storage’s CORS off and on', async () => {
    const body = (await (await recording(withAdmin, 'visit-demo')).json()) as {
      recordings: { presigned_url: string }[];
    };
    const url = body.recordings[0]?.presigned_url ?? '';
    const corsHeader = async () =>
      (await fetch(url, { headers: { Range: 'bytes=0-43', Origin: 'http://127.0.0.1:5173' } })).headers.get(
        'access-control-allow-origin',
      );
    expect(await setStorageCors(withAdmin.url, false)).toEqual({
      ok: true,
      value: { ok: true, cors: false },
    });
    expect(await corsHeader()).toBeNull();
    expect(await setStorageCors(withAdmin.url, true)).toEqual({ ok: true, value: { ok: true, cors: true } });
    expect(await corsHeader()).toBe('*');
  });

  it('says what went wrong, never throws', async () => {
    expect(await setStorageCors(withoutAdmin.url, false)).toEqual({
      ok: false,
      error: 'The reference server refused: HTTP 404.',
    });
    expect(await restartProcessing(withAdmin.url, { sessionId: 'no-such-visit' })).toEqual({
      ok: false,
      error: 'The reference server refused: sessionId must be a known session id.',
    });
    expect(await setStorageCors('http://127.0.0.1:9', true)).toEqual({
      ok: false,
      error: 'The reference server did not answer.',
    });
  });
});
