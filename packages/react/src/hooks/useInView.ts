import { useCallback, useState } from 'react';
import { useBrowserLayoutEffect } from './useBrowserLayoutEffect';

/**
 * Whether `element` is on screen now, within `margin` px of the viewport and not clipped away by a
 * scrolling ancestor: what IntersectionObserver would say in its first callback, which only comes
 * after a frame has been painted.
 */
function onScreenNow(element: Element, margin: number): boolean {
  const rect = element.getBoundingClientRect();
  if (rect.width === 0 && rect.height === 0) return false;
  let { top, bottom, left, right } = rect;
  for (let ancestor = element.parentElement; ancestor; ancestor = ancestor.parentElement) {
    if (ancestor === document.body || ancestor === document.documentElement) break;
    const style = getComputedStyle(ancestor);
    if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
    const clip = ancestor.getBoundingClientRect();
    top = Math.max(top, clip.top);
    bottom = Math.min(bottom, clip.bottom);
    left = Math.max(left, clip.left);
    right = Math.min(right, clip.right);
    if (bottom < top || right < left) return false;
  }
  return (
    bottom >= -margin &&
    top <= window.innerHeight + margin &&
    right >= -margin &&
    left <= window.innerWidth + margin
  );
}

/**
 * True once the element has come within `rootMargin` of the viewport, and from then on: a player in
 * a long list of visits fetches nothing (no URL, no peaks) until the listener scrolls to it. A player
 * on screen when it mounts counts as seen at once, before the first paint, so its request is not held
 * back a frame. Where IntersectionObserver does not exist (tests, old browsers) everything counts as
 * in view.
 */
export function useInView(
  enabled: boolean,
  rootMargin = '200px',
): [boolean, (element: Element | null) => void] {
  const [element, setElement] = useState<Element | null>(null);
  const [seen, setSeen] = useState(!enabled || typeof IntersectionObserver === 'undefined');
  useBrowserLayoutEffect(() => {
    if (seen || !element) return;
    if (onScreenNow(element, Number.parseFloat(rootMargin) || 0)) {
      setSeen(true);
      return;
    }
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
