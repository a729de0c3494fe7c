import { useEffect, useLayoutEffect } from 'react';

/**
 * `useLayoutEffect` in the browser, `useEffect` when rendered on a server (Next.js prerenders client
 * components, and React 18 warns about layout effects there). Work here runs in the same task as the
 * commit, before the browser paints: what starts the first audio should not wait for a frame.
 */
export const useBrowserLayoutEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect;
