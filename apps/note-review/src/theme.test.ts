import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseChoice, resolveTheme, THEME_STORAGE_KEY } from './theme';

describe('theme', () => {
  it('follows the system until the reader picks light or dark', () => {
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });

  it('reads a stored pick; nothing or junk means the system', () => {
    expect(parseChoice('dark')).toBe('dark');
    expect(parseChoice('light')).toBe('light');
    expect(parseChoice(null)).toBe('system');
    expect(parseChoice('DARK')).toBe('system');
  });

  it('index.html applies the stored pick before first paint, from the same key', () => {
    const html = readFileSync(new URL('../index.html', import.meta.url), 'utf8');
    expect(html).toContain(`localStorage.getItem('${THEME_STORAGE_KEY}')`);
    expect(html).toContain('(prefers-color-scheme: dark)');
  });
});
