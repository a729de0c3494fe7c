import type { PreparedCues } from '@ambient-audio/core';

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

/** Says which cues were left out, and that they were sorted, to the host's developer. */
export function warnAboutCues({ rejected, unsorted }: Pick<PreparedCues, 'rejected' | 'unsorted'>): void {
  // The test written out here, where a host's production build folds it and drops the messages too.
  try {
    if (process.env.NODE_ENV === 'production') return;
  } catch {
    return; // No bundler: nobody to tell.
  }
  for (const { id, problem } of rejected)
    warnInDevelopment(`cue:${id}:${problem}`, `ambient-audio: cue "${id}" was left out (${problem}).`);
  if (unsorted)
    warnInDevelopment(
      'cues:unsorted',
      'ambient-audio: cues were not in order of their start; they are sorted.',
    );
}
