// The in-browser half of the visual checks: one self-contained function, run inside the page,
// that reads every visible text the way a person meets it — computed colour and size of its element,
// against the background actually painted behind it — and says which fall short.
//
// It must not close over anything: drivers serialise it into the page as source text.

/**
 * @param {{ minPx?: number, minRatio?: number, hosts?: string[] | null, fonts?: string[] | null }} options
 *   `hosts`: only the text inside these elements' shadow roots (the in-page UI; open in the test
 *   build); null: the whole document and its open shadow roots.
 *   `fonts`: when given, the first family each text asks for must be one of these (lower case).
 * @returns {Promise<{ checked: number, texts: string[], failures: object[] }>}
 */
export async function auditVisibleText({
  minPx = 12,
  minRatio = 4.5,
  hosts = null,
  fonts = null,
} = {}) {
  const shadowOf = (el) => el.shadowRoot ?? null;
  const parentOf = (node) => {
    if (node.assignedSlot) return node.assignedSlot;
    if (node.parentElement) return node.parentElement;
    const root = node.getRootNode?.();
    return root && root !== document && root.host ? root.host : null;
  };

  // Wait for what would change the picture: fonts, and transitions or animations still running.
  const roots = [];
  if (hosts) {
    for (const name of hosts) {
      for (const host of document.querySelectorAll(name)) {
        const root = shadowOf(host);
        if (root) roots.push(root);
      }
    }
  } else {
    roots.push(document);
  }
  await document.fonts.ready;
  for (const root of roots) {
    for (const animation of root.getAnimations?.() ?? []) {
      try {
        if (Number.isFinite(animation.effect?.getComputedTiming().endTime)) animation.finish();
      } catch {
        // An animation that cannot finish (infinite) keeps running; its element is judged as is.
      }
    }
  }
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

  const paint = new OffscreenCanvas(1, 1).getContext('2d', { willReadFrequently: true });
  /** Any CSS colour to [r, g, b, a]; computed colours are rgb()/rgba() in both browsers. */
  const rgba = (css) => {
    const m =
      /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+)(%?))?\s*\)$/.exec(
        css.trim(),
      );
    if (m) {
      const alpha = m[4] === undefined ? 1 : Number(m[4]) / (m[5] ? 100 : 1);
      return [Number(m[1]), Number(m[2]), Number(m[3]), alpha];
    }
    paint.clearRect(0, 0, 1, 1);
    paint.fillStyle = '#000';
    paint.fillStyle = css;
    paint.fillRect(0, 0, 1, 1);
    const d = paint.getImageData(0, 0, 1, 1).data;
    return [d[0], d[1], d[2], d[3] / 255];
  };
  const over = ([r, g, b, a], [R, G, B]) => [
    r * a + R * (1 - a),
    g * a + G * (1 - a),
    b * a + B * (1 - a),
    1,
  ];
  const channel = (c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const luminance = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  const ratioOf = (a, b) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  const hex = ([r, g, b]) =>
    `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

  const describe = (el) => {
    const parts = [];
    for (let n = el; n && parts.length < 4; n = parentOf(n)) {
      const classes = [...(n.classList ?? [])]
        .slice(0, 2)
        .map((c) => `.${c}`)
        .join('');
      // Numbered ids (virtual list rows) would make every row a style of its own.
      const id = n.id && !/\d$/.test(n.id) ? `#${n.id}` : '';
      parts.unshift(`${n.localName}${id}${classes}`);
    }
    return parts.join(' > ');
  };

  /** The canvas behind a document whose own elements paint nothing: white, or dark by scheme. */
  let canvas;
  const canvasColor = () => {
    if (canvas) return canvas;
    const probe = document.createElement('trailmark-audit-probe');
    probe.style.cssText =
      'all: initial; position: fixed; background: Canvas; color-scheme: inherit';
    document.documentElement.append(probe);
    canvas = rgba(getComputedStyle(probe).backgroundColor);
    probe.remove();
    if (canvas[3] < 1) canvas = over(canvas, [255, 255, 255]);
    return canvas;
  };

  /**
   * What is painted behind an element: its and its ancestors' background colours, composited
   * until an opaque one; gradients count as each of their stops (the worst one decides), and a
   * background picture cannot be judged, so it is reported.
   */
  const backdrop = (el) => {
    const layers = [];
    const stops = [];
    let picture = null;
    let opacity = 1;
    for (let n = el; n; n = parentOf(n)) {
      const style = getComputedStyle(n);
      const image = style.backgroundImage;
      if (image && image !== 'none') {
        if (/url\(/.test(image)) picture ??= describe(n);
        for (const stop of image.match(/rgba?\([^)]*\)/g) ?? []) stops.push(rgba(stop));
      }
      const color = rgba(style.backgroundColor);
      if (color[3] > 0) layers.push(color);
      if (color[3] >= 1) break;
      opacity *= Number(style.opacity);
    }
    const opaque = layers.length > 0 && layers[layers.length - 1][3] >= 1;
    let solid = opaque ? layers.pop() : canvasColor();
    for (const layer of layers.reverse()) solid = over(layer, solid);
    const candidates = [solid, ...stops.map((stop) => over(stop, solid))];
    return { solid, candidates, picture, opacity };
  };

  const clipped = (el) => {
    for (let n = el; n; n = parentOf(n)) {
      const style = getComputedStyle(n);
      if (style.clip === 'rect(0px, 0px, 0px, 0px)' || /inset\(50%\)/.test(style.clipPath)) {
        return true;
      }
      if (style.overflow !== 'visible') {
        const box = n.getBoundingClientRect();
        if (box.width <= 1 || box.height <= 1) return true;
      }
    }
    return false;
  };
  const shown = (el, rects) =>
    rects.some((r) => r.width >= 1 && r.height >= 1) &&
    (el.checkVisibility?.({ opacityProperty: true, visibilityProperty: true }) ?? true) &&
    !el.closest(':disabled') &&
    !clipped(el);

  const seen = [];
  const failures = new Map();
  /** `style` may be a pseudo-element's (a placeholder), whose own opacity also fades the text. */
  const judge = (el, text, style, pseudo = false) => {
    const fontPx = Number.parseFloat(style.fontSize) * (el.currentCSSZoom ?? 1);
    const { solid, candidates, picture, opacity } = backdrop(el);
    const ink = rgba(style.color);
    ink[3] *= opacity * (pseudo ? Number(style.opacity || 1) : 1);
    const ratio = Math.min(...candidates.map((bg) => ratioOf(over(ink, bg), bg)));
    const problems = [];
    if (fontPx < minPx - 0.01) problems.push(`size ${+fontPx.toFixed(2)}px < ${minPx}px`);
    if (ratio < minRatio) problems.push(`contrast ${ratio.toFixed(2)}:1 < ${minRatio}:1`);
    const family = style.fontFamily
      .split(',')[0]
      .trim()
      .replace(/^["']|["']$/g, '');
    if (fonts && !fonts.includes(family.toLowerCase())) {
      problems.push(`font "${family}" is not a system UI font`);
    }
    if (picture) problems.push(`on a background image (${picture}) that cannot be judged`);
    seen.push(text);
    if (problems.length === 0) return;
    const where = describe(el);
    const fact = {
      problems,
      where,
      color: hex(over(ink, solid)),
      background: hex(solid),
      ratio: +ratio.toFixed(2),
      fontPx: +fontPx.toFixed(2),
      font: family,
    };
    const key = JSON.stringify(fact);
    const entry = failures.get(key) ?? { ...fact, texts: [], count: 0 };
    entry.count += 1;
    if (entry.texts.length < 4) entry.texts.push(text.slice(0, 60));
    failures.set(key, entry);
  };

  const TEXT_INPUTS = /^(text|search|email|url|tel|number|password|date|time|month|week)$/;
  const visitControl = (el) => {
    const rects = [el.getBoundingClientRect()];
    if (!shown(el, rects)) return;
    if (el.localName === 'select') {
      const text = el.selectedOptions?.[0]?.textContent.trim();
      if (text) judge(el, text, getComputedStyle(el));
      return;
    }
    if (el.localName === 'input' && /^(button|submit|reset)$/.test(el.type)) {
      if (el.value.trim()) judge(el, el.value.trim(), getComputedStyle(el));
      return;
    }
    if (el.localName === 'input' && !TEXT_INPUTS.test(el.type)) return;
    if (el.value.trim()) judge(el, el.value.trim(), getComputedStyle(el));
    else if (el.placeholder?.trim()) {
      judge(el, el.placeholder.trim(), getComputedStyle(el, '::placeholder'), true);
    }
  };

  const range = document.createRange();
  const walk = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.ELEMENT_NODE) {
        if (/^(input|textarea|select)$/.test(node.localName)) visitControl(node);
        const inner = node.shadowRoot;
        if (inner && !hosts) walk(inner);
        continue;
      }
      const text = node.nodeValue.replace(/\s+/g, ' ').trim();
      const el = node.parentElement;
      if (
        !text ||
        !el ||
        /^(script|style|noscript|template|option|textarea|title)$/.test(el.localName)
      ) {
        continue;
      }
      range.selectNodeContents(node);
      if (!shown(el, [...range.getClientRects()])) continue;
      judge(el, text, getComputedStyle(el));
    }
  };
  for (const root of roots) walk(root);
  return { checked: seen.length, texts: seen, failures: [...failures.values()] };
}
