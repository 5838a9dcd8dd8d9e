import { describe, expect, it } from 'vitest';
import { contrastRatio, parseHex } from '../../../src/shared/contrast';
import { PALETTES, tokenCss, type Palette } from '../../../src/shared/design-tokens';

const ratio = (a: string, b: string) => contrastRatio(parseHex(a), parseHex(b));

// Each text colour on each background it is drawn on, and the bar it must reach.
const PAIRS: [keyof Palette, keyof Palette, number][] = [
  ['fg', 'bg', 4.5],
  ['fg', 'surface', 4.5],
  ['fg', 'surfaceRaised', 4.5],
  ['muted', 'bg', 4.5],
  ['muted', 'surface', 4.5],
  ['accentFg', 'accent', 4.5],
  ['dangerFg', 'danger', 4.5],
  ['danger', 'bg', 4.5],
  ['danger', 'surface', 4.5],
  ['control', 'bg', 3],
  ['control', 'surface', 3],
  ['focus', 'bg', 3],
  ['accent', 'bg', 3],
];

describe.each(Object.entries(PALETTES))('the %s palette', (_scheme, palette) => {
  it.each(PAIRS)('%s on %s reaches %s:1', (text, background, bar) => {
    expect(ratio(palette[text], palette[background])).toBeGreaterThanOrEqual(bar);
  });
});

describe('contrastRatio', () => {
  it('is 21 for black on white and 1 for a colour on itself', () => {
    expect(ratio('#000', '#fff')).toBeCloseTo(21, 5);
    expect(ratio('#777777', '#777777')).toBe(1);
  });
  it('refuses what is not a hex colour', () => {
    expect(() => parseHex('red')).toThrow(/not a hex colour/);
  });
});

describe('tokenCss', () => {
  it('follows the colour scheme when auto, and pins one otherwise', () => {
    expect(tokenCss(':root')).toContain('@media (prefers-color-scheme: dark)');
    const pinned = tokenCss(':host', 'dark');
    expect(pinned).not.toContain('@media');
    expect(pinned).toContain(`--tm-bg: ${PALETTES.dark.bg};`);
    expect(pinned).toContain('--tm-text-sm: 13px;');
  });
});
