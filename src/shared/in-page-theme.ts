// The design tokens the in-page UI (toolbar, tip, typing frame) is drawn with, light and dark,
// as CSS custom properties. Sizes are in px: rem would follow the page's own root font size.
export interface InPageTokens {
  [name: string]: string;
}

const COMMON: InPageTokens = {
  font: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif",
  size: '14px',
  'size-small': '13px',
  leading: '20px',
  'space-1': '4px',
  'space-2': '8px',
  radius: '10px',
  'radius-small': '6px',
};

export const IN_PAGE_THEME: { light: InPageTokens; dark: InPageTokens } = {
  light: {
    ...COMMON,
    bg: '#ffffff',
    fg: '#111827',
    muted: '#4b5563',
    line: '#9ca3af',
    'line-soft': '#d1d5db',
    'control-line': '#6b7280',
    'swatch-ring': '#4b5563',
    hover: '#f3f4f6',
    accent: '#1f3a60',
    'accent-hover': '#2b4c7a',
    'accent-fg': '#ffffff',
    focus: '#b45309',
    danger: '#b91c1c',
    'danger-soft': '#fee2e2',
    field: '#ffffff',
    shadow: '0 8px 24px rgb(17 24 39 / 18%), 0 1px 3px rgb(17 24 39 / 12%)',
  },
  dark: {
    ...COMMON,
    bg: '#1f2937',
    fg: '#f3f4f6',
    muted: '#c4c9d2',
    line: '#4b5563',
    'line-soft': '#374151',
    'control-line': '#9ca3af',
    'swatch-ring': '#e5e7eb',
    hover: '#374151',
    accent: '#facc15',
    'accent-hover': '#fde047',
    'accent-fg': '#111827',
    focus: '#facc15',
    danger: '#fca5a5',
    'danger-soft': '#4c1d1d',
    field: '#111827',
    shadow: '0 8px 24px rgb(0 0 0 / 45%), 0 1px 3px rgb(0 0 0 / 35%)',
  },
};

/** `--tm-name: value;` for each token. */
export const tokenDeclarations = (tokens: InPageTokens): string =>
  Object.entries(tokens)
    .map(([name, value]) => `--tm-${name}: ${value};`)
    .join(' ');
