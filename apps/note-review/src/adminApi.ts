/**
 * The reference server's admin surface (`--admin` / `admin: true`): demo-only commands that put the
 * server into the states the demo exists to show. Never part of the vendor API.
 */

export type AdminResult<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Whether the server serves the admin surface, asked without side effects: an `OPTIONS` request,
 * which only the admin surface answers (with CORS). Never throws.
 */
export async function probeAdmin(apiUrl: string, signal?: AbortSignal): Promise<boolean> {
  try {
    const response = await fetch(`${apiUrl}/admin/processing`, {
      method: 'OPTIONS',
      ...(signal ? { signal } : {}),
    });
    return response.ok;
  } catch {
    return false;
  }
}

async function command<T>(apiUrl: string, path: string, body: object): Promise<AdminResult<T>> {
  let response: Response;
  try {
    response = await fetch(`${apiUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    return { ok: false, error: 'The reference server did not answer.' };
  }
  const answer: unknown = await response.json().catch(() => null);
  if (response.ok) return { ok: true, value: answer as T };
  const error =
    typeof answer === 'object' && answer !== null && 'error' in answer && typeof answer.error === 'string'
      ? answer.error
      : `HTTP ${response.status}`;
  return { ok: false, error: `The reference server refused: ${error}.` };
}

/** `visit-processing` (or `sessionId`) answers 404 again, from now, for the server's processing window or `seconds`. */
export function restartProcessing(
  apiUrl: string,
  options: { sessionId?: string; seconds?: number } = {},
): Promise<AdminResult<{ sessionId: string; seconds: number }>> {
  return command(apiUrl, '/admin/processing', options);
}

/** The storage sends CORS headers (true), or answers like a bucket without a CORS configuration. */
export function setStorageCors(apiUrl: string, enabled: boolean): Promise<AdminResult<{ cors: boolean }>> {
  return command(apiUrl, '/admin/cors', { enabled });
}
