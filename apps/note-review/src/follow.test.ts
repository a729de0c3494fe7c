import { describe, expect, it } from 'vitest';
import { scrollsPage, type KeyTarget } from './follow';

const press = (key: string, target: Partial<KeyTarget> = {}): boolean =>
  scrollsPage({ key, tagName: 'BODY', role: null, inPlayer: false, editable: false, ...target });

describe('which key presses are the reader scrolling (and stop following)', () => {
  it('page keys on the page or a note sentence', () => {
    for (const key of ['PageDown', 'PageUp', 'Home', 'End', 'ArrowDown', 'ArrowUp', ' ']) {
      expect(press(key), key).toBe(true);
    }
    expect(press('PageDown', { tagName: 'BUTTON' })).toBe(true);
    expect(press('ArrowDown', { tagName: 'BUTTON' })).toBe(true);
  });

  it('not keys a focused control takes for itself', () => {
    expect(press('ArrowUp', { inPlayer: true, role: 'slider', tagName: 'DIV' })).toBe(false);
    expect(press('PageDown', { inPlayer: true })).toBe(false);
    expect(press('ArrowDown', { tagName: 'INPUT' })).toBe(false);
    expect(press('ArrowDown', { tagName: 'SELECT' })).toBe(false);
    expect(press('Home', { editable: true, tagName: 'DIV' })).toBe(false);
    expect(press('ArrowDown', { role: 'radio', tagName: 'DIV' })).toBe(false);
    // Space presses a button or a summary.
    expect(press(' ', { tagName: 'BUTTON' })).toBe(false);
    expect(press(' ', { tagName: 'SUMMARY' })).toBe(false);
  });

  it('not other keys', () => {
    expect(press('Tab')).toBe(false);
    expect(press('k')).toBe(false);
    expect(press('Enter', { tagName: 'BUTTON' })).toBe(false);
  });
});
