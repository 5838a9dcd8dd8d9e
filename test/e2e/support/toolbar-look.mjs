// Reads what the reader sees of the toolbar and the tip, inside their shadow roots (a test build
// opens them): every text's font, size and contrast against its actual background, and the
// contrast of each control's edge. Run in the page with evaluate(); no access to the roots is
// assumed beyond `shadowRoot` of the open test build.
import { pageNames } from './page-actions.mjs';
import { typingFrame } from './typing-frame-state.mjs';

/** Runs in the page: the audit of one host's surface. */
function auditInPage(hostName) {
  const host = document.querySelector(hostName);
  const root = host?.shadowRoot;
  if (!root) return null;
  const parse = (value) => {
    const m = value.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const [r, g, b, a = 1] = m[1]
      .split(/[ ,/]+/)
      .filter(Boolean)
      .map(Number);
    return [r, g, b, a];
  };
  const lum = ([r, g, b]) => {
    const f = (c) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const contrast = (a, b) => {
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  const parentOf = (node) => node.parentElement ?? node.getRootNode().host ?? null;
  const backgroundOf = (element) => {
    for (let node = element; node; node = parentOf(node)) {
      const c = parse(getComputedStyle(node).backgroundColor);
      if (c && c[3] >= 0.99) return c;
      if (node === host) break;
    }
    return null;
  };
  const visible = (element) =>
    element.getClientRects().length > 0 && getComputedStyle(element).visibility === 'visible';
  const texts = [];
  const controls = [];
  for (const element of root.querySelectorAll('*')) {
    if (!visible(element)) continue;
    const style = getComputedStyle(element);
    const own = [...element.childNodes]
      .filter((n) => n.nodeType === 3)
      .map((n) => n.data.trim())
      .join(' ')
      .trim();
    if (own) {
      const color = parse(style.color);
      const background = backgroundOf(element);
      const zoom = element.currentCSSZoom ?? 1;
      texts.push({
        text: own.slice(0, 40),
        family: style.fontFamily,
        size: parseFloat(style.fontSize) * zoom,
        contrast: color && background ? contrast(color, background) : 0,
      });
    }
    if (element.localName === 'button' && !element.textContent.trim()) {
      // A swatch: what marks it out is the ring around its dot.
      const dot = element.querySelector('.dot') ?? element;
      const ring = parse(getComputedStyle(dot).borderTopColor);
      const background = backgroundOf(element);
      controls.push({
        label: element.getAttribute('aria-label'),
        title: element.getAttribute('title'),
        contrast: ring && background ? contrast(ring, background) : 0,
      });
    }
  }
  const box = host.getBoundingClientRect();
  return {
    texts,
    controls,
    box: { left: box.left, top: box.top, width: box.width, height: box.height },
  };
}

/** `role` is the host's role in this install's page names: 'toolbar' or 'tip'. */
export const auditSurface = (page, role) => page.evaluate(auditInPage, pageNames()[role]);

/** What is wrong with an audit: every text 13–15 px in a system UI font at 4.5:1, rings at 3:1. */
export function lookProblems(audit) {
  const problems = [];
  for (const t of audit.texts) {
    if (!/^system-ui\b/.test(t.family)) problems.push(`"${t.text}" in ${t.family}`);
    if (t.size < 13 || t.size > 15) problems.push(`"${t.text}" at ${t.size}px`);
    if (t.contrast < 4.5) problems.push(`"${t.text}" at ${t.contrast.toFixed(2)}:1`);
  }
  for (const c of audit.controls) {
    if (c.contrast < 3) problems.push(`control ${c.label} at ${c.contrast.toFixed(2)}:1`);
    if (!c.label || !c.title) problems.push(`a control without a name or tooltip`);
  }
  return problems;
}

/** Runs in the page: the centre of the toolbar button with this accessible name. */
function buttonCentre({ name, host }) {
  const root = document.querySelector(host)?.shadowRoot;
  const button = [...(root?.querySelectorAll('button') ?? [])].find(
    (b) => b.getAttribute('aria-label') === name,
  );
  if (!button) return null;
  const r = button.getBoundingClientRect();
  return r.width > 0 ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
}

export const toolbarButton = (page, name) =>
  page.evaluate(buttonCentre, { name, host: pageNames().toolbar });

/** The toolbar's status line, as the reader reads it. */
export const toolbarStatus = (page) =>
  page.evaluate(
    (host) => document.querySelector(host)?.shadowRoot?.querySelector('.status')?.textContent ?? '',
    pageNames().toolbar,
  );

/** Whether the reader's focus is in the typing frame (notes and new tag names). */
export const typingFocused = (page) =>
  page.evaluate((name) => {
    const host = document.querySelector(name);
    const frame = host?.shadowRoot?.querySelector('iframe');
    return Boolean(frame && !frame.hidden && host.shadowRoot.activeElement === frame);
  }, pageNames().toolbar);

/** The computed look of the typing frame's fields, read inside the frame, and which has focus. */
export async function typingFieldsLook(page) {
  const frame = await typingFrame(page);
  if (!frame) return null;
  return frame
    .evaluate(() =>
      Object.fromEntries(
        [...document.querySelectorAll('#note, #tag')].map((field) => {
          const s = getComputedStyle(field);
          return [
            field.id,
            {
              focused: field.matches(':focus'),
              outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`,
              border: `${s.borderTopStyle} ${s.borderTopWidth} ${s.borderTopColor}`,
              fontSize: s.fontSize,
              color: s.color,
              background: s.backgroundColor,
              height: field.getBoundingClientRect().height,
            },
          ];
        }),
      ),
    )
    .catch(() => null);
}
