import { readBody } from './readBody';

/**
 * What the storage serves at a URL, from its first bytes: `wav` a RIFF/WAVE (or RF64) file, `not-wav`
 * anything else (an error page, another format, a refusal), `unreachable` no readable answer (offline,
 * the storage down or busy, no CORS, the connection cut before the signature arrived).
 */
export type StorageSource = 'wav' | 'not-wav' | 'unreachable';

export interface StorageSourceOptions {
  fetch?: typeof fetch;
  signal?: AbortSignal;
}

/** `RIFF` or `RF64`, the size, `WAVE`. */
const SIGNATURE_BYTES = 12;

/**
 * Reads the signature a URL serves and says whether it starts a WAV. A media element that fails
 * before its metadata cannot say why (Chromium reports a dropped connection as it does a file that
 * is not audio); this can. A storage that ignores the Range gets no more read than the signature
 * either. The URL is never included in anything this returns or throws.
 */
export async function probeStorageSource(
  url: string,
  options: StorageSourceOptions = {},
): Promise<StorageSource> {
  const fetchImpl = options.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));
  let response: Response;
  try {
    response = await fetchImpl(url, {
      headers: { Range: `bytes=0-${SIGNATURE_BYTES - 1}` },
      signal: options.signal ?? null,
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch {
    return 'unreachable';
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    // A storage that is down or busy may serve the file in a moment; a refusal or a missing object will not.
    return response.status >= 500 || response.status === 429 ? 'unreachable' : 'not-wav';
  }
  const { bytes, complete } = await readBody(response, undefined, SIGNATURE_BYTES);
  // Cut off before its signature arrived: the connection again, not the file.
  if (bytes.byteLength < SIGNATURE_BYTES) return complete ? 'not-wav' : 'unreachable';
  const text = String.fromCharCode(...bytes.subarray(0, 4), ...bytes.subarray(8, 12));
  return text === 'RIFFWAVE' || text === 'RF64WAVE' ? 'wav' : 'not-wav';
}
