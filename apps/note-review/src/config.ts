const query = () => new URLSearchParams(window.location.search);

/**
 * Where the recording API is: `?api=` on the page URL (the end-to-end tests start their own server),
 * else the build-time `VITE_RECORDING_API_URL`, else the reference server's default port.
 */
export function recordingApiUrl(): string {
  const fromBuild = import.meta.env['VITE_RECORDING_API_URL'] as string | undefined;
  return query().get('api') ?? fromBuild ?? 'http://127.0.0.1:8787';
}

/** The demo's sign-in: `?token=` lets the end-to-end tests play a host whose token is refused. */
export function hostToken(): string {
  return query().get('token') ?? 'dev-token';
}

/**
 * Whether to offer the Scenarios panel: the reference server was started with `--admin`, as
 * `scripts/demo.sh` says with `VITE_RECORDING_API_ADMIN=1`, or `?admin=1` (`?admin=0` hides it). A
 * server without the admin surface cannot be asked without the browser logging a failed request,
 * so the panel is not offered unless told.
 */
export function adminOffered(): boolean {
  const fromQuery = query().get('admin');
  if (fromQuery !== null) return fromQuery === '1' || fromQuery === 'true';
  return import.meta.env['VITE_RECORDING_API_ADMIN'] === '1';
}

/**
 * How long the recording API may take to answer, ms: `?timeout=` (the end-to-end tests shorten it to
 * see a hanging API end in "Try again" quickly), else the library's default (20 s).
 */
export function apiTimeoutMs(): number | undefined {
  const value = Number(query().get('timeout'));
  return Number.isFinite(value) && value >= 100 ? value : undefined;
}

/**
 * `?sentences=N`: the visit's note replaced by N evenly spread sentences, to measure the player with
 * a long note (the end-to-end tests play 500 cues over two hours); `?measure=1` counts each
 * sentence's renders on `window.__sentenceCommits`.
 */
export function syntheticSentences(): number | null {
  const value = Number(query().get('sentences'));
  return Number.isInteger(value) && value > 0 && value <= 5000 ? value : null;
}

export function measuring(): boolean {
  return query().get('measure') === '1';
}
