/** A response body as far as it arrived. */
export interface BodyRead {
  bytes: Uint8Array;
  /** False when the connection dropped before the body ended. */
  complete: boolean;
}

/**
 * Reads a response body as it arrives, reporting each piece, and keeps what came before a dropped
 * connection, so callers can continue from there with a Range request instead of starting over.
 */
export async function readBody(response: Response, onBytes?: (bytes: number) => void): Promise<BodyRead> {
  const reader = response.body?.getReader();
  if (!reader) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    onBytes?.(bytes.byteLength);
    return { bytes, complete: true };
  }
  const parts: Uint8Array[] = [];
  let length = 0;
  let complete = true;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      length += value.byteLength;
      onBytes?.(value.byteLength);
    }
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
