/**
 * Where the recording API is: `?api=` on the page URL (the end-to-end tests start their own server),
 * else the build-time `VITE_RECORDING_API_URL`, else the reference server's default port.
 */
export function recordingApiUrl(): string {
  const fromQuery = new URLSearchParams(window.location.search).get('api');
  const fromBuild = import.meta.env['VITE_RECORDING_API_URL'] as string | undefined;
  return fromQuery ?? fromBuild ?? 'http://127.0.0.1:8787';
}

/** The demo's sign-in: `?token=` lets the end-to-end tests play a host whose token is refused. */
export function hostToken(): string {
  return new URLSearchParams(window.location.search).get('token') ?? 'dev-token';
}
