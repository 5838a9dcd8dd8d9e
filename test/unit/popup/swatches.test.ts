// The colour swatches of the extension pages show each highlight in the colour the page paints.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import colors from '../../../src/content/paint-colors.json';

const css = readFileSync(new URL('../../../src/ui/common/base.css', import.meta.url), 'utf8');

describe('highlight swatches', () => {
  it.each(Object.entries(colors))('%s is the painted colour', (name, { background }) => {
    const rule = new RegExp(`\\.swatch-${name} \\{\\s*background: (#[0-9a-f]{6});`, 'i');
    expect(css.match(rule)?.[1]?.toLowerCase()).toBe(background.toLowerCase());
  });
});
