import { afterEach, describe, expect, it } from 'vitest';
import { startRangeServer, type RangeServer } from '../test/rangeServer';
import { wavBytes } from '../test/wavBytes';
import { downloadRecordingFile } from './downloadRecordingFile';
import { DownloadUrlExpiredError, RecordingNetworkError, RecordingStorageError } from './errors';

const servers: RangeServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

describe('downloadRecordingFile', () => {
  const bytes = wavBytes({ frames: 300_000 });
  const read = (s: number, e: number) => bytes.subarray(s, e);

  it('downloads the whole file with progress up to the total', async () => {
    const server = await startRangeServer({ size: bytes.byteLength, read });
    servers.push(server);
    const progress: number[] = [];
    const blob = await downloadRecordingFile(server.url, {
      onProgress: ({ loaded, total }) => {
        progress.push(loaded);
        expect(total).toBe(bytes.byteLength);
      },
    });
    expect(blob.size).toBe(bytes.byteLength);
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(bytes);
    expect(progress.at(-1)).toBe(bytes.byteLength);
  });

  it('resumes with a Range request after a dropped connection', async () => {
    const server = await startRangeServer({ size: bytes.byteLength, read, dropAfterBytes: 200_000 });
    servers.push(server);
    const blob = await downloadRecordingFile(server.url, { maxResumes: 5 });
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(bytes);
    expect(server.stats.ranges[0]).toBe('');
    expect(server.stats.ranges[1]).toMatch(/^bytes=\d+-$/);
  });

  it('starts over when the storage ignores Range', async () => {
    let calls = 0;
    const server = await startRangeServer({
      size: bytes.byteLength,
      read,
      ignoreRange: true,
      intercept: (_request, response) => {
        calls += 1;
        if (calls > 1) return false;
        response.writeHead(200, { 'Content-Length': String(bytes.byteLength) });
        response.write(bytes.subarray(0, 1000), () => response.destroy());
        return true;
      },
    });
    servers.push(server);
    const blob = await downloadRecordingFile(server.url);
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(bytes);
  });

  it('says when the URL expired, and aborts on request', async () => {
    const server = await startRangeServer({
      size: bytes.byteLength,
      read,
      intercept: (request, response) => {
        if (!request.url?.includes('old')) return false;
        response.writeHead(400).end('<Error><Code>ExpiredToken</Code></Error>');
        return true;
      },
    });
    servers.push(server);
    await expect(downloadRecordingFile(`${server.url}&old=1`)).rejects.toBeInstanceOf(
      DownloadUrlExpiredError,
    );
    const controller = new AbortController();
    controller.abort();
    await expect(downloadRecordingFile(server.url, { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });

  it('says which refusal is not expiry, and retries a failed request a bounded number of times', async () => {
    const server = await startRangeServer({
      size: bytes.byteLength,
      read,
      intercept: (_request, response) => {
        response.writeHead(404).end('<Error><Code>NoSuchKey</Code></Error>');
        return true;
      },
    });
    servers.push(server);
    const missing = await downloadRecordingFile(server.url).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(RecordingStorageError);
    expect(missing).toMatchObject({ kind: 'storage', status: 404 });

    let calls = 0;
    const offline = async () => {
      calls += 1;
      throw new TypeError('Failed to fetch');
    };
    const down = await downloadRecordingFile('https://bucket.example/o.wav', {
      fetch: offline,
      retryDelayMs: 1,
      maxResumes: 2,
    }).catch((e: unknown) => e);
    expect(down).toBeInstanceOf(RecordingNetworkError);
    expect(calls).toBe(3);
    // At its known expiry, a failed request means the link expired (storages without CORS on errors).
    const late = await downloadRecordingFile('https://bucket.example/o.wav', {
      fetch: offline,
      expiresAt: Date.now() - 1,
    }).catch((e: unknown) => e);
    expect(late).toBeInstanceOf(DownloadUrlExpiredError);
  });
});
