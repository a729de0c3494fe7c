import { useEffect, useState } from 'react';

/**
 * A lazily loaded module, once `wanted` (and from then on): null until it has arrived, and null for
 * good if it could not be loaded, which the caller treats as "without that feature". `load` must be
 * stable (a module-level loader).
 */
export function useLazyModule<T>(load: () => Promise<T>, wanted: boolean): T | null {
  const [loaded, setLoaded] = useState<T | null>(null);
  useEffect(() => {
    if (!wanted || loaded) return;
    let live = true;
    load().then(
      (module) => {
        if (live) setLoaded(() => module);
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, [load, wanted, loaded]);
  return loaded;
}
