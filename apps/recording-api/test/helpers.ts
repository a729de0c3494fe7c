import { afterEach } from 'vitest';
import { startRecordingApi, type RecordingApi, type RecordingApiOptions } from '../src/index';

export interface Item {
  recording_id: string;
  presigned_url: string;
  expires_at?: number;
  sequence_number: number;
  is_streamable?: boolean;
}

export interface Body {
  recordings: Item[];
  is_streamable?: boolean;
}

/** One server per test, stopped after it: call once at the top of a test file. */
export function useServers(): (options?: RecordingApiOptions) => Promise<RecordingApi> {
  const servers: RecordingApi[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) await server.stop();
  });
  return async (options = {}) => {
    const server = await startRecordingApi(options);
    servers.push(server);
    return server;
  };
}

/** A fixed instant on a whole second, so `Date` headers (second resolution) compare exactly. */
export const T0 = Date.UTC(2025, 0, 15, 12, 0, 0);

export function apiUrl(server: RecordingApi, id: string, download = false): string {
  return `${server.url}/api/v1/ambient/session/${id}/recording?download=${download}`;
}

export async function ask(
  server: RecordingApi,
  id: string,
  { download = false, token = 'dev-token' as string | null, signal = null as AbortSignal | null } = {},
) {
  const headers: Record<string, string> = token !== null ? { sdp_suki_token: token } : {};
  const response = await fetch(apiUrl(server, id, download), { headers, redirect: 'manual', signal });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: (response.status === 200 ? JSON.parse(text) : { recordings: [] }) as Body,
    text,
  };
}

export async function firstUrl(server: RecordingApi, id: string, download = false): Promise<string> {
  const { body } = await ask(server, id, { download });
  return body.recordings[0]?.presigned_url ?? '';
}

export async function range(url: string, header: string) {
  const response = await fetch(url, { headers: { Range: header } });
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

/** `YYYYMMDDTHHMMSSZ`, written here rather than imported: the test checks the server. */
export function amzDateOf(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}T${two(d.getUTCHours())}${two(
    d.getUTCMinutes(),
  )}${two(d.getUTCSeconds())}Z`;
}
