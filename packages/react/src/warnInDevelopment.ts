// Bundlers (Vite, webpack, Turbopack) replace `process.env.NODE_ENV` in the host's build.
declare const process: { env: { NODE_ENV?: string } };

const said = new Set<string>();

/** Whether the host runs a development build; false where that cannot be told (no bundler). */
function isDevelopment(): boolean {
  try {
    return process.env.NODE_ENV !== 'production';
  } catch {
    return false;
  }
}

/** A console warning for the host's developer, once per `key`, and never in a production build. */
export function warnInDevelopment(key: string, message: string): void {
  if (said.has(key) || !isDevelopment()) return;
  said.add(key);
  console.warn(message);
}
