import { useCallback } from 'react';
import type { KeyboardEvent } from 'react';

export interface PlayerShortcutHandlers {
  togglePlay: () => void;
  skip: (deltaSeconds: number) => void;
  changeRate: (direction: -1 | 1) => void;
  skipSeconds: number;
  /** `+` and `-`: zoom the waveform in and out (left out when it cannot zoom further). */
  zoomIn?: (() => void) | undefined;
  zoomOut?: (() => void) | undefined;
  /** `N` / `]` and `P` / `[`: the next and previous cue (left out without cues). */
  nextCue?: (() => void) | undefined;
  previousCue?: (() => void) | undefined;
  /** `R`: replay the last five seconds. */
  replay?: (() => void) | undefined;
}

const typingTargets = new Set(['INPUT', 'SELECT', 'TEXTAREA']);

/**
 * Keyboard shortcuts while focus is inside the player: Space/K play-pause, J/L back/forward,
 * `<`/`>` slower/faster, `+`/`-` zoom the waveform in/out, N/P (or `]`/`[`) next/previous cue, R
 * replay the last five seconds. None needs a modifier, so none clashes with the browser's or a
 * screen reader's own (those use Ctrl, Alt or Insert). Keys meant for the focused control stay with it: Space on a button presses
 * that button, and nothing fires while typing in a field or choosing from a select.
 */
export function usePlayerShortcuts({
  togglePlay,
  skip,
  changeRate,
  skipSeconds,
  zoomIn,
  zoomOut,
  nextCue,
  previousCue,
  replay,
}: PlayerShortcutHandlers) {
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
        case '+':
        case '=':
          if (!zoomIn) return;
          zoomIn();
          break;
        case '-':
        case '_':
          if (!zoomOut) return;
          zoomOut();
          break;
        case 'n':
        case 'N':
        case ']':
          if (!nextCue) return;
          nextCue();
          break;
        case 'p':
        case 'P':
        case '[':
          if (!previousCue) return;
          previousCue();
          break;
        case 'r':
        case 'R':
          if (!replay) return;
          replay();
          break;
        default:
          return;
      }
      event.preventDefault();
    },
    [togglePlay, skip, changeRate, skipSeconds, zoomIn, zoomOut, nextCue, previousCue, replay],
  );
}
