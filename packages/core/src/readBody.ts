/** A response body as far as it arrived. */
export interface BodyRead {
  bytes: Uint8Array;
  /** False when the connection dropped before the body ended. */
  complete: boolean;
}

/**
 * Reads a response body as it arrives, reporting each piece, and keeps what came before a dropped
 * connection, so callers can continue from there with a Range request instead of starting over.
 * With `limit`, stops (and cancels the rest of the body) once that many bytes have arrived.
 */
export async function readBody(
  response: Response,
  onBytes?: (bytes: number) => void,
  limit = Number.POSITIVE_INFINITY,
): Promise<BodyRead> {
  const reader = response.body?.getReader();
  if (!reader) {
    const all = new Uint8Array(await response.arrayBuffer());
    const bytes = all.byteLength > limit ? all.subarray(0, limit) : all;
    onBytes?.(bytes.byteLength);
    return { bytes, complete: true };
  }
  const parts: Uint8Array[] = [];
  let length = 0;
  let complete = true;
  try {
    while (length < limit) {
      const { done, value } = await reader.read();
      if (done) break;
      const part = length + value.byteLength > limit ? value.subarray(0, limit - length) : value;
      parts.push(part);
      length += part.byteLength;
      onBytes?.(part.byteLength);
    }
    if (length >= limit) await reader.cancel().catch(() => {});
  } catch {
    complete = false;
  }
  if (parts.length === 1 && parts[0]) return { bytes: parts[0], complete };
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.byteLength;
  }
  return { bytes, complete };
}
