// Other tools' colour names and hex values, brought onto Trailmark's four highlight colours.
import type { HighlightColor } from '../types';

const BY_NAME: Record<string, HighlightColor> = {
  yellow: 'yellow',
  orange: 'yellow',
  gold: 'yellow',
  green: 'green',
  teal: 'green',
  blue: 'blue',
  purple: 'blue',
  violet: 'blue',
  pink: 'pink',
  red: 'pink',
  magenta: 'pink',
};

/** Hue in degrees, or null for a grey or a value that is not #rgb / #rrggbb. */
function hueOf(hex: string): number | null {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex);
  if (!m?.[1]) return null;
  const digits = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16) / 255) as [
    number,
    number,
    number,
  ];
  const max = Math.max(r, g, b);
  const span = max - Math.min(r, g, b);
  if (span < 0.1) return null;
  const h = max === r ? ((g - b) / span) % 6 : max === g ? (b - r) / span + 2 : (r - g) / span + 4;
  return (h * 60 + 360) % 360;
}

function byHue(hue: number): HighlightColor {
  if (hue < 15 || hue >= 290) return 'pink';
  if (hue < 75) return 'yellow';
  if (hue < 170) return 'green';
  return 'blue';
}

/** The nearest of Trailmark's colours; yellow, the usual highlighter, when there is none. */
export function readColor(value: unknown): HighlightColor {
  if (typeof value !== 'string') return 'yellow';
  const key = value.trim().toLowerCase();
  const named = BY_NAME[key];
  if (named) return named;
  const hue = hueOf(key);
  return hue === null ? 'yellow' : byHue(hue);
}
