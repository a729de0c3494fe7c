import { useCallback } from 'react';
import type { KeyboardEvent } from 'react';

export interface PlayerShortcutHandlers {
  togglePlay: () => void;
  skip: (deltaSeconds: number) => void;
  changeRate: (direction: -1 | 1) => void;
  skipSeconds: number;
}

const typingTargets = new Set(['INPUT', 'SELECT', 'TEXTAREA']);

/**
 * Keyboard shortcuts while focus is inside the player: Space/K play-pause, J/L back/forward,
 * `<`/`>` slower/faster. Keys meant for the focused control stay with it: Space on a button presses
 * that button, and nothing fires while typing in a field or choosing from a select.
 */
export function usePlayerShortcuts({ togglePlay, skip, changeRate, skipSeconds }: PlayerShortcutHandlers) {
  return useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target as HTMLElement;
      if (typingTargets.has(target.tagName) || target.isContentEditable) return;
      const onButton = target.tagName === 'BUTTON';
      switch (event.key) {
        case ' ':
          if (onButton) return;
          togglePlay();
          break;
        case 'k':
        case 'K':
          togglePlay();
          break;
        case 'j':
        case 'J':
          skip(-skipSeconds);
          break;
        case 'l':
        case 'L':
          skip(skipSeconds);
          break;
        case '<':
          changeRate(-1);
          break;
        case '>':
          changeRate(1);
          break;
        default:
          return;
      }
      event.preventDefault();
    },
    [togglePlay, skip, changeRate, skipSeconds],
  );
}
