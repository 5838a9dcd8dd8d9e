// The few page styles highlights need — a colour per highlight registry name, the flash, the
// marks on pending and on noted highlights, and a pointer over a highlight — written from this install's names, since a stylesheet shipped in
// the package would have to name them. Adopted only once something is drawn, so a page without
// highlights gets no sheet at all.
import { HIGHLIGHT_COLORS } from '../shared/types';
import { names } from './page-names';
import { PAINT_COLORS } from './paint-colors';

const FLASH = { background: '#f97316', text: '#111111' };
/** Drawn but not saved yet: a dashed line under the colour. */
export const PENDING_LINE = '#b45309';
/** Carries a note: a dotted line under the colour. */
const NOTED_LINE = '#1a1a1a';

function pageCss(): string {
  const { colors, flash, pending, noted, pointer } = names();
  const rule = (name: string, { background, text }: typeof FLASH) =>
    `::highlight(${name}) { background-color: ${background}; color: ${text}; }`;
  return [
    ...HIGHLIGHT_COLORS.map((color) => rule(colors[color], PAINT_COLORS[color])),
    rule(flash, FLASH),
    `::highlight(${pending}) { text-decoration: underline dashed ${PENDING_LINE}; }`,
    // A dotted underline, readable on every highlight colour.
    `::highlight(${noted}) { text-decoration: underline dotted 2px ${NOTED_LINE}; }`,
    // Only while the pointer is over a highlight, so the reader sees it can be clicked.
    `html[${pointer}], html[${pointer}] * { cursor: pointer !important; }`,
  ].join('\n');
}

let adopted = false;

/** Constructed sheets escape a strict style-src CSP; a style element is the fallback. */
export function ensurePageStyle(): void {
  if (adopted) return;
  adopted = true;
  const css = pageCss();
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = css;
    (document.head ?? document.documentElement).append(style);
  }
}
