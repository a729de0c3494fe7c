import { useCallback, useEffect, useState } from 'react';

/**
 * True once the element has come within `rootMargin` of the viewport, and from then on: a player in
 * a long list of visits fetches nothing (no URL, no peaks) until the listener scrolls to it. Where
 * IntersectionObserver does not exist (tests, old browsers) everything counts as in view.
 */
export function useInView(
  enabled: boolean,
  rootMargin = '200px',
): [boolean, (element: Element | null) => void] {
  const [element, setElement] = useState<Element | null>(null);
  const [seen, setSeen] = useState(!enabled || typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    if (seen || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setSeen(true);
      },
      { rootMargin },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [element, seen, rootMargin]);
  const ref = useCallback((next: Element | null) => setElement(next), []);
  return [seen, ref];
}
