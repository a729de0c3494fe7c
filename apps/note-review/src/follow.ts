import { useCallback, useEffect, useState } from 'react';

/** What a key press does to the page, as far as following is concerned. */
export interface KeyTarget {
  key: string;
  /** The focused element's tag (upper case) and role, if any. */
  tagName: string;
  role: string | null;
  /** Focus is inside the docked player (its slider and buttons keep their own keys). */
  inPlayer: boolean;
  editable: boolean;
}

const SCROLL_KEYS = new Set(['PageUp', 'PageDown', 'Home', 'End', 'ArrowUp', 'ArrowDown', ' ']);
const KEYED_ROLES = new Set(['slider', 'radio', 'listbox', 'menu', 'combobox', 'spinbutton', 'textbox']);

/** A key that scrolls the page itself (not one a focused control takes for its own use). */
export function scrollsPage({ key, tagName, role, inPlayer, editable }: KeyTarget): boolean {
  if (!SCROLL_KEYS.has(key) || inPlayer || editable) return false;
  if (tagName === 'INPUT' || tagName === 'SELECT' || tagName === 'TEXTAREA') return false;
  if (role !== null && KEYED_ROLES.has(role)) return false;
  // Space on a button or a summary presses it.
  if (key === ' ' && tagName !== 'BODY' && tagName !== 'HTML') return false;
  return true;
}

function keyTarget(event: KeyboardEvent): KeyTarget {
  const element = event.target instanceof Element ? event.target : document.body;
  return {
    key: event.key,
    tagName: element.tagName,
    role: element.getAttribute('role'),
    inPlayer: element.closest('.nr-dock') !== null,
    editable: element instanceof HTMLElement && element.isContentEditable,
  };
}

export interface FollowPlayback {
  /** The heard sentence is kept in view. */
  following: boolean;
  /** Follow again (the "Follow playback" button, a click on a sentence). */
  resume: () => void;
}

/**
 * Follow mode: on until the reader scrolls the page themselves (wheel, touch, scroll keys, the
 * scrollbar), which the note's own smooth scrolling never looks like. Programmatic scrolling fires
 * none of those events, so it never stops following by itself.
 */
export function useFollowPlayback(): FollowPlayback {
  const [following, setFollowing] = useState(true);
  useEffect(() => {
    if (!following) return;
    const stop = () => setFollowing(false);
    const onKey = (event: KeyboardEvent) => {
      if (!event.defaultPrevented && scrollsPage(keyTarget(event))) stop();
    };
    // A press on the page's own scrollbar lands on <html>.
    const onPointer = (event: PointerEvent) => {
      if (event.target === document.documentElement) stop();
    };
    window.addEventListener('wheel', stop, { passive: true });
    window.addEventListener('touchmove', stop, { passive: true });
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onPointer);
    return () => {
      window.removeEventListener('wheel', stop);
      window.removeEventListener('touchmove', stop);
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onPointer);
    };
  }, [following]);
  const resume = useCallback(() => setFollowing(true), []);
  return { following, resume };
}

/** Smooth, unless the reader asked for less motion. */
export function scrollBehavior(): ScrollBehavior {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
}

/**
 * Measures the docked player (its whole box, as it wraps or changes state) into `--nr-dock-height`
 * on <html>, where `scroll-padding-bottom` keeps anything scrolled into view (the heard sentence, a
 * focused one) above it. A callback ref.
 */
export function useDockHeight(): (element: HTMLElement | null) => void {
  return useCallback((element: HTMLElement | null) => {
    if (!element) return;
    const root = document.documentElement;
    const observer = new ResizeObserver(([entry]) => {
      const height = entry?.borderBoxSize[0]?.blockSize ?? element.getBoundingClientRect().height;
      root.style.setProperty('--nr-dock-height', `${Math.ceil(height)}px`);
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--nr-dock-height');
    };
  }, []);
}
