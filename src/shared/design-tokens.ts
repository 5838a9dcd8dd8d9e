// Trailmark's one set of design tokens — colours (light and dark), type scale, spacing and radii —
// shared by every surface: the in-page toolbar and tip (inside their shadow root) and the popup,
// review and welcome pages. Each surface turns them into CSS custom properties with `tokenCss`,
// so no surface keeps ad-hoc values of its own. Contrast of each text colour on each background
// it is used on meets WCAG AA (4.5:1), and control borders 3:1; test/unit/shared checks it.

export interface Palette {
  /** The page or panel behind everything. */
  bg: string;
  /** Cards, rows and inputs that sit on `bg`. */
  surface: string;
  /** Hovered or raised surfaces. */
  surfaceRaised: string;
  fg: string;
  /** Secondary text: still 4.5:1 on `bg` and `surface`. */
  muted: string;
  /** Hairlines between parts; decorative, no contrast needed. */
  line: string;
  /** Borders that show a control's edge: 3:1 on `bg` and `surface`. */
  control: string;
  accent: string;
  accentFg: string;
  focus: string;
  danger: string;
  /** Text on a `danger` fill. */
  dangerFg: string;
}

export const PALETTES: { light: Palette; dark: Palette } = {
  light: {
    bg: '#ffffff',
    surface: '#f5f6f8',
    surfaceRaised: '#e9ecf0',
    fg: '#161a21',
    muted: '#4a5261',
    line: '#dde1e7',
    control: '#7d8593',
    accent: '#1f3a60',
    accentFg: '#ffffff',
    focus: '#b45309',
    danger: '#b42318',
    dangerFg: '#ffffff',
  },
  dark: {
    bg: '#14171c',
    surface: '#1d2229',
    surfaceRaised: '#2a3039',
    fg: '#eef0f3',
    muted: '#b8bfca',
    line: '#323944',
    control: '#7a8392',
    accent: '#f5c84c',
    accentFg: '#14171c',
    focus: '#f5c84c',
    danger: '#f97066',
    dangerFg: '#14171c',
  },
};

/** A system UI font: what the reader's own operating system uses, never the page's font. */
export const FONT_FAMILY =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', sans-serif";

/** Type scale in px. Extension pages use `base`; the in-page toolbar and tip use `sm`. */
export const TYPE = { xs: 12, sm: 13, base: 15, md: 16, lg: 18, xl: 22, xxl: 28 } as const;

export const LINE_HEIGHT = { tight: 1.25, normal: 1.45 } as const;

/** Spacing steps in px. */
export const SPACE = { 1: 2, 2: 4, 3: 8, 4: 12, 5: 16, 6: 24, 7: 32 } as const;

/** Corner radii in px. */
export const RADIUS = { sm: 4, md: 6, lg: 10, pill: 999 } as const;

const kebab = (name: string): string => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The palette as `--tm-…` declarations. */
function paletteDeclarations(palette: Palette): string {
  return Object.entries(palette)
    .map(([name, value]) => `--tm-${kebab(name)}: ${value};`)
    .join(' ');
}

/** Every scale as `--tm-…` declarations (px values written out, so page zoom tricks cannot scale them by rem). */
function scaleDeclarations(): string {
  const scale = (prefix: string, values: Record<string, number>) =>
    Object.entries(values).map(([step, px]) => `--tm-${prefix}-${step}: ${px}px;`);
  return [
    `--tm-font: ${FONT_FAMILY};`,
    ...scale('text', TYPE),
    `--tm-leading-tight: ${LINE_HEIGHT.tight};`,
    `--tm-leading: ${LINE_HEIGHT.normal};`,
    ...scale('space', SPACE),
    ...scale('radius', RADIUS),
  ].join(' ');
}

export type Scheme = 'auto' | 'light' | 'dark';

/**
 * The tokens as CSS custom properties on `selector`. `auto` follows the reader's colour scheme;
 * `light` or `dark` pins one (the in-page toolbar keeps one panel look on every page).
 */
export function tokenCss(selector: string, scheme: Scheme = 'auto'): string {
  const fixed = scheme === 'auto' ? 'light' : scheme;
  const base = `${selector} { ${scaleDeclarations()} ${paletteDeclarations(PALETTES[fixed])} }`;
  if (scheme !== 'auto') return base;
  return `${base}\n@media (prefers-color-scheme: dark) { ${selector} { ${paletteDeclarations(PALETTES.dark)} } }`;
}
