import { useLayoutEffect, useSyncExternalStore } from 'react';

export type Theme = 'light' | 'dark';
/** What the reader picked: `system` follows `prefers-color-scheme`. */
export type ThemeChoice = Theme | 'system';

/** Where the reader's pick is kept. index.html's inline script reads the same key before first paint. */
export const THEME_STORAGE_KEY = 'note-review-theme';

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** The theme shown: the reader's pick, else the system's. */
export function resolveTheme(choice: ThemeChoice, systemDark: boolean): Theme {
  if (choice === 'system') return systemDark ? 'dark' : 'light';
  return choice;
}

/** A stored value as a choice: anything but `light` or `dark` (nothing, junk) means `system`. */
export function parseChoice(stored: string | null): ThemeChoice {
  return stored === 'light' || stored === 'dark' ? stored : 'system';
}

function readChoice(): ThemeChoice {
  try {
    return parseChoice(window.localStorage.getItem(THEME_STORAGE_KEY));
  } catch {
    // Storage refused (privacy mode, a sandboxed frame): follow the system.
    return 'system';
  }
}

const choiceListeners = new Set<() => void>();

function subscribeChoice(listener: () => void): () => void {
  choiceListeners.add(listener);
  // Another tab of the demo changed it.
  const onStorage = (event: StorageEvent) => {
    if (event.key === THEME_STORAGE_KEY || event.key === null) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    choiceListeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** The pick when storage refused to keep it: applied for this page's lifetime only. */
let unstoredChoice: ThemeChoice | null = null;

export function setThemeChoice(choice: ThemeChoice): void {
  try {
    if (choice === 'system') window.localStorage.removeItem(THEME_STORAGE_KEY);
    else window.localStorage.setItem(THEME_STORAGE_KEY, choice);
    unstoredChoice = null;
  } catch {
    unstoredChoice = choice;
  }
  for (const listener of choiceListeners) listener();
}

const currentChoice = (): ThemeChoice => unstoredChoice ?? readChoice();

function subscribeSystem(listener: () => void): () => void {
  const query = window.matchMedia(DARK_QUERY);
  query.addEventListener('change', listener);
  return () => query.removeEventListener('change', listener);
}

const systemDark = () => window.matchMedia(DARK_QUERY).matches;

export interface ThemeState {
  choice: ThemeChoice;
  theme: Theme;
  setChoice: (choice: ThemeChoice) => void;
}

/**
 * The page's theme: the system's (`prefers-color-scheme`, followed live) until the reader picks
 * light or dark, which is kept in localStorage. Sets `data-theme` and `color-scheme` on <html>,
 * so the whole page, native controls and scrollbars included, follows.
 */
export function useTheme(): ThemeState {
  const choice = useSyncExternalStore(subscribeChoice, currentChoice, () => 'system' as const);
  const dark = useSyncExternalStore(subscribeSystem, systemDark, () => false);
  const theme = resolveTheme(choice, dark);
  useLayoutEffect(() => {
    const root = document.documentElement;
    root.dataset['theme'] = theme;
    root.style.colorScheme = theme;
  }, [theme]);
  return { choice, theme, setChoice: setThemeChoice };
}
