/**
 * A lazy chunk's loader: one import per page, however many players ask. A failed load (offline, or
 * a deploy that removed the old chunk) is forgotten, so the next caller tries again; the one that
 * failed shows its own fallback and does not retry by itself.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    });
    return loading;
  };
}
