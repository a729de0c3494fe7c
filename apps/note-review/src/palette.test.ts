import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * WCAG AA contrast of every pair of colours that meets on screen, in both themes: the page's tokens
 * (app.css) and the docked player as it is drawn here (the library's variables with the demo's
 * overrides). 4.5:1 for text, 3:1 for borders, focus rings and other marks (WCAG 1.4.3 and 1.4.11).
 */

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const appCss = read('./app.css');
const playerCss = read('../../../packages/react/src/styles.css');

type Vars = Record<string, string>;

/** Custom properties declared in every rule whose selector list includes `selector` (nested rules too). */
function declared(css: string, selector: string): Vars {
  const vars: Vars = {};
  const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const [, selectors = '', body = ''] of withoutComments.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    if (!selectors.split(',').some((s) => s.trim() === selector)) continue;
    for (const [, name = '', value = ''] of body.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) {
      vars[name] = value.trim();
    }
  }
  return vars;
}

/** Resolves `var(--x)` against `scope`, once. */
function resolve(vars: Vars, scope: Vars): Vars {
  return Object.fromEntries(
    Object.entries(vars).map(([name, value]) => {
      const reference = /^var\((--[\w-]+)\)$/.exec(value)?.[1];
      return [name, reference ? (scope[reference] ?? value) : value];
    }),
  );
}

function luminance(hex: string): number {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex);
  if (!match?.[1]) throw new Error(`${hex} is not a hex colour`);
  const digits = match[1].length === 3 ? [...match[1]].map((d) => d + d).join('') : match[1];
  const [r = 0, g = 0, b = 0] = [0, 2, 4].map((i) => {
    const channel = parseInt(digits.slice(i, i + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

const light = declared(appCss, ':root');
const themes: Record<'light' | 'dark', Vars> = {
  light,
  dark: { ...light, ...declared(appCss, ":root[data-theme='dark']") },
};

const playerLight = declared(playerCss, '.aa-player');
const playerDark = { ...playerLight, ...declared(playerCss, ".aa-player[data-theme='dark']") };
const demoOverrides = declared(appCss, '.nr-dock .aa-player');
const player = {
  light: { ...playerLight, ...resolve(demoOverrides, themes.light) },
  dark: { ...playerDark, ...resolve(demoOverrides, themes.dark) },
};

/** [foreground, background] token pairs. */
const pageText: [string, string][] = [
  ...['--nr-fg', '--nr-muted'].flatMap((fg): [string, string][] =>
    ['--nr-bg', '--nr-surface', '--nr-hover', '--nr-heard'].map((bg): [string, string] => [fg, bg]),
  ),
  ['--nr-on-accent', '--nr-accent'],
  ['--nr-badge-fg', '--nr-badge-bg'],
  ['--nr-ready-fg', '--nr-ready-bg'],
  ['--nr-processing-fg', '--nr-processing-bg'],
  ['--nr-gone-fg', '--nr-gone-bg'],
];
const pageMarks: [string, string][] = [
  ['--nr-border', '--nr-bg'],
  ['--nr-border', '--nr-surface'],
  ['--nr-accent', '--nr-surface'],
  ['--nr-accent', '--nr-bg'],
  ['--nr-accent', '--nr-heard'],
  ['--nr-focus', '--nr-bg'],
  ['--nr-focus', '--nr-surface'],
];
const playerText: [string, string][] = [
  ['--aa-fg', '--aa-bg'],
  ['--aa-muted', '--aa-bg'],
  ['--aa-accent-fg', '--aa-accent'],
  ['--aa-danger', '--aa-bg'],
  ['--aa-bg', '--aa-fg'],
];
const playerMarks: [string, string][] = [
  ['--aa-border', '--aa-bg'],
  ['--aa-wave', '--aa-bg'],
  ['--aa-progress', '--aa-bg'],
  ['--aa-cursor', '--aa-bg'],
  ['--aa-focus', '--aa-bg'],
  ['--aa-accent', '--aa-bg'],
];

function failing(vars: Vars, pairs: [string, string][], minimum: number): string[] {
  return pairs.flatMap(([fg, bg]) => {
    const a = vars[fg];
    const b = vars[bg];
    if (!a || !b) return [`${fg} or ${bg} is not declared`];
    const ratio = contrast(a, b);
    return ratio >= minimum ? [] : [`${fg} ${a} on ${bg} ${b}: ${ratio.toFixed(2)}:1`];
  });
}

describe.each(['light', 'dark'] as const)('%s theme', (theme) => {
  it('page text is at least 4.5:1', () => {
    expect(failing(themes[theme], pageText, 4.5)).toEqual([]);
  });
  it('page borders, marks and focus rings are at least 3:1', () => {
    expect(failing(themes[theme], pageMarks, 3)).toEqual([]);
  });
  it('the docked player’s text is at least 4.5:1', () => {
    expect(failing(player[theme], playerText, 4.5)).toEqual([]);
  });
  it('the docked player’s borders, waveform, cursor and focus ring are at least 3:1', () => {
    expect(failing(player[theme], playerMarks, 3)).toEqual([]);
  });
});

it('the dark theme reassigns every colour token of the light one', () => {
  const dark = declared(appCss, ":root[data-theme='dark']");
  expect(Object.keys(light).filter((name) => !(name in dark))).toEqual([]);
});

it('the contrast formula gives the known ratios', () => {
  expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
  expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
});
