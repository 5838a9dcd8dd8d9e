// Generated pages whose visible characters each carry their original offset (a mark) through the
// edits the issue names — characters inserted and deleted, words replaced in a quote's context, a
// paragraph inserted at the top, text nodes split and joined — so that a property can check where
// an anchored range landed, not merely that it holds equal text: equal text in the wrong place is
// the failure that matters most.
import fc from 'fast-check';
import { textNodes } from './helpers';

/** Original offset of each character of a text node; -1 for characters an edit inserted. */
export type Marks = Map<Text, Int32Array>;

/** Original offsets [start, end) of a highlighted passage. */
export interface Span {
  start: number;
  end: number;
}

export interface MarkedPage {
  root: HTMLElement;
  marks: Marks;
  /** The original visible text, the characters the marks point into. */
  text: string;
}

// ---- generated pages ----

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const letter = fc.constantFrom(...LETTERS);
const word = fc.array(letter, { minLength: 3, maxLength: 9 }).map((l) => l.join(''));

/** A uniform fraction: fc.double crowds its values near 0, which would put every edit there. */
export const fraction = fc.integer({ min: 0, max: 999_999 }).map((n) => n / 1_000_000);

/** Stands for a word until the page is filled in. */
const SLOT = '\u0001';

/**
 * The page's words come from a seeded generator rather than from fast-check: shrinking would
 * turn them all into 'aaa', and a repeat with equal context cannot be told apart by anyone.
 */
function fillWords(html: string, seed: number): string {
  let state = seed >>> 0 || 1;
  const next = (n: number): number => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % n;
  };
  return html.replaceAll(SLOT, () => {
    let w = '';
    for (let i = 3 + next(7); i > 0; i--) w += LETTERS.charAt(next(LETTERS.length));
    return w;
  });
}

const gap = fc.constantFrom(' ', ' ', '  ', '\n    ');
const run = fc
  .array(gap, { minLength: 1, maxLength: 8 })
  .map((gaps) => gaps.map((g) => SLOT + g).join(''));
// No <a>: the parser refuses to nest it, and the shapes should be what the generator says.
const inlineTag = fc.constantFrom('b', 'i', 'em', 'span', 'code');
const wrapped = (tag: string, inner: string): string => `<${tag}>${inner}</${tag}>`;
const innermost = fc.oneof(
  run,
  fc.tuple(inlineTag, run).map(([t, r]) => wrapped(t, r)),
);
const inline = fc.oneof(
  { weight: 4, arbitrary: run },
  {
    weight: 2,
    arbitrary: fc
      .tuple(inlineTag, fc.array(innermost, { minLength: 1, maxLength: 3 }))
      .map(([t, parts]) => wrapped(t, parts.join(''))),
  },
  { weight: 1, arbitrary: fc.constant('<br>') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '<script>var hidden = 1;</script>',
      '<style>p { color: red }</style>',
    ),
  },
);
const block = fc
  .tuple(fc.constantFrom('p', 'div', 'li', 'h2'), fc.array(inline, { minLength: 1, maxLength: 6 }))
  .map(([t, parts]) => wrapped(t, parts.join('')));

export const pageHtml = fc
  .tuple(fc.array(block, { minLength: 3, maxLength: 10 }), fc.integer())
  .map(([blocks, seed]) => fillWords(blocks.join('\n'), seed));

// ---- marks ----

const HIDDEN = 'script, style, template, noscript, textarea';

function visibleText(root: Element): Text[] {
  return textNodes(root).filter((n) => !n.parentElement?.closest(HIDDEN));
}

export function markPage(root: HTMLElement): MarkedPage {
  const marks: Marks = new Map();
  let text = '';
  for (const node of visibleText(root)) {
    const own = new Int32Array(node.length);
    for (let i = 0; i < own.length; i++) own[i] = text.length + i;
    marks.set(node, own);
    text += node.data;
  }
  return { root, marks, text };
}

const MIN_LETTERS = 5;

/** A passage starting on a letter at fraction `at` of the text, or null if too little is left. */
export function pickSpan(page: MarkedPage, at: number, length: number): Span | null {
  let start = Math.floor(at * page.text.length);
  while (start < page.text.length && /\s/.test(page.text.charAt(start))) start++;
  const end = Math.min(page.text.length, start + length);
  const letters = page.text.slice(start, end).replace(/\s+/g, '').length;
  return letters >= MIN_LETTERS ? { start, end } : null;
}

/** Where original character `id` is now, or null if an edit deleted it. */
function find(marks: Marks, id: number): [Text, number] | null {
  for (const [node, own] of marks) {
    const at = own.indexOf(id);
    if (at >= 0) return [node, at];
  }
  return null;
}

/** A Range over a span of the page as it is before any edit. */
export function rangeOf(page: MarkedPage, span: Span): Range {
  const from = find(page.marks, span.start);
  const to = find(page.marks, span.end - 1);
  if (!from || !to) throw new Error('span outside the page');
  const range = document.createRange();
  range.setStart(...from);
  range.setEnd(to[0], to[1] + 1);
  return range;
}

/** Original characters a range covers, inserted ones left out. */
function covered(page: MarkedPage, range: Range): number[] {
  const ids: number[] = [];
  for (const node of visibleText(page.root)) {
    const own = page.marks.get(node);
    if (!own) continue;
    const isStart = node === range.startContainer;
    const isEnd = node === range.endContainer;
    const inside =
      isStart ||
      isEnd ||
      (range.comparePoint(node, 0) === 0 && range.comparePoint(node, node.length) === 0);
    if (!inside) continue;
    const from = isStart ? range.startOffset : 0;
    const to = isEnd ? range.endOffset : own.length;
    for (let i = from; i < to; i++) if ((own[i] ?? -1) >= 0) ids.push(own[i] ?? -1);
  }
  return ids;
}

/**
 * exact: the same visible characters as the original passage (whitespace aside); moved: overlaps
 * where the passage went; wrong: anchored on other text; missing: not anchored.
 */
export type Landing = 'exact' | 'moved' | 'wrong' | 'missing';

export function landing(page: MarkedPage, span: Span, range: Range | null): Landing {
  if (!range) return 'missing';
  const solid = (id: number): boolean => !/\s/.test(page.text.charAt(id));
  const got = covered(page, range);
  if (!got.some((id) => id >= span.start && id < span.end)) return 'wrong';
  const wanted: number[] = [];
  for (let id = span.start; id < span.end; id++) if (solid(id)) wanted.push(id);
  const gotSolid = got.filter(solid);
  const same = gotSolid.length === wanted.length && gotSolid.every((id, i) => id === wanted[i]);
  return same ? 'exact' : 'moved';
}

// ---- edits ----

export interface Edits {
  /** Fraction of the page's characters where the edit goes, insert (else delete), letter. */
  characters: [number, boolean, string][];
  /** Which highlight (fraction), before it (else after), how far from it, the new word. */
  contexts: [number, boolean, number, string][];
  /** Words of a paragraph inserted at the top, if any. */
  top: string[] | null;
  /** Which text node (fraction), where in it (fraction; 0 and 1 leave an empty node). */
  splits: [number, number][];
  /** Which inline elements to unwrap, so that their text can join its neighbours. */
  unwraps: number[];
  /** Whether adjacent text nodes are joined afterwards. */
  join: boolean;
}

export const edits: fc.Arbitrary<Edits> = fc.record({
  characters: fc.array(fc.tuple(fraction, fc.boolean(), letter), { maxLength: 40 }),
  contexts: fc.array(fc.tuple(fraction, fc.boolean(), fc.integer({ min: 1, max: 32 }), word), {
    maxLength: 4,
  }),
  top: fc.option(fc.array(word, { minLength: 1, maxLength: 40 })),
  splits: fc.array(fc.tuple(fraction, fraction), { maxLength: 12 }),
  unwraps: fc.array(fraction, { maxLength: 4 }),
  join: fc.boolean(),
});

/** About 1 % of the page's characters are inserted or deleted, as the issue describes. */
const EDIT_RATE = 0.01;

function setText(page: MarkedPage, node: Text, data: string, own: Int32Array): void {
  node.data = data;
  page.marks.set(node, own);
}

function marksOf(page: MarkedPage, node: Text): Int32Array {
  return page.marks.get(node) ?? new Int32Array(node.length).fill(-1);
}

function editCharacters(
  page: MarkedPage,
  picks: Edits['characters'],
  kept: (id: number) => boolean,
) {
  const count = Math.max(1, Math.round(page.text.length * EDIT_RATE));
  for (const [where, insert, char] of picks.slice(0, count)) {
    const spots: [Text, number][] = [];
    for (const node of visibleText(page.root)) {
      const own = marksOf(page, node);
      // Inserting before a character outside every kept passage never lands inside one.
      for (let i = 0; i < own.length; i++) if (!kept(own[i] ?? -1)) spots.push([node, i]);
    }
    const spot = spots[Math.floor(where * spots.length)];
    if (!spot) continue;
    const [node, i] = spot;
    const own = marksOf(page, node);
    const next = insert ? new Int32Array(own.length + 1) : new Int32Array(own.length - 1);
    next.set(own.subarray(0, i));
    if (insert) {
      next[i] = -1;
      next.set(own.subarray(i), i + 1);
      setText(page, node, node.data.slice(0, i) + char + node.data.slice(i), next);
    } else {
      next.set(own.subarray(i + 1), i);
      setText(page, node, node.data.slice(0, i) + node.data.slice(i + 1), next);
    }
  }
}

/** Replaces the word around a character near a highlight, never a highlighted character. */
function editContexts(
  page: MarkedPage,
  spans: readonly Span[],
  picks: Edits['contexts'],
  kept: (id: number) => boolean,
) {
  // One word per side of a highlight at most: more rewrites its whole context, and then a short
  // quote rightly stays unplaced rather than trusted on its own.
  const done = new Set<string>();
  for (const [which, before, distance, replacement] of picks) {
    const index = Math.floor(which * spans.length);
    const span = spans[index];
    const side = `${index}`;
    if (!span || done.has(side)) continue;
    done.add(side);
    const spot = find(page.marks, before ? span.start - distance : span.end - 1 + distance);
    if (!spot) continue;
    const [node, at] = spot;
    const { data } = node;
    let from = at;
    let to = at;
    while (from > 0 && /[a-z]/.test(data.charAt(from - 1))) from--;
    while (to < data.length && /[a-z]/.test(data.charAt(to))) to++;
    const own = marksOf(page, node);
    if (to - from < 2 || own.subarray(from, to).some(kept)) continue;
    const next = new Int32Array(own.length - (to - from) + replacement.length);
    next.set(own.subarray(0, from));
    next.fill(-1, from, from + replacement.length);
    next.set(own.subarray(to), from + replacement.length);
    setText(page, node, data.slice(0, from) + replacement + data.slice(to), next);
  }
}

function splitNodes(page: MarkedPage, picks: Edits['splits']) {
  for (const [which, where] of picks) {
    const nodes = visibleText(page.root).filter((n) => n.length >= 2);
    const node = nodes[Math.floor(which * nodes.length)];
    if (!node) continue;
    const at = Math.round(where * node.length);
    const own = marksOf(page, node);
    const tail = node.splitText(at);
    page.marks.set(node, own.slice(0, at));
    page.marks.set(tail, own.slice(at));
  }
}

function joinAdjacentText(page: MarkedPage) {
  for (const parent of [page.root, ...page.root.querySelectorAll('*')]) {
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      while (child instanceof Text && child.nextSibling instanceof Text) {
        const second = child.nextSibling;
        const a = marksOf(page, child);
        const b = marksOf(page, second);
        const joined = new Int32Array(a.length + b.length);
        joined.set(a);
        joined.set(b, a.length);
        page.marks.delete(second);
        second.remove();
        setText(page, child, child.data + second.data, joined);
      }
    }
  }
}

/**
 * Applies the edits. Character edits stay outside the highlighted spans unless `intoQuotes`;
 * context edits always do, since rewording a quote is what character edits are for.
 */
export function applyEdits(
  page: MarkedPage,
  spans: readonly Span[],
  plan: Edits,
  intoQuotes = false,
): void {
  const highlighted = (id: number): boolean =>
    id >= 0 && spans.some((s) => id >= s.start && id < s.end);
  editContexts(page, spans, plan.contexts, highlighted);
  editCharacters(page, plan.characters, intoQuotes ? () => false : highlighted);
  if (plan.top) {
    const p = document.createElement('p');
    p.textContent = `New on this page: ${plan.top.join(' ')}.`;
    page.root.prepend(p);
  }
  splitNodes(page, plan.splits);
  const inlines = [...page.root.querySelectorAll('b, i, em, span, code')];
  for (const which of plan.unwraps) {
    const element = inlines[Math.floor(which * inlines.length)];
    if (element?.isConnected) element.replaceWith(...element.childNodes);
  }
  if (plan.join) joinAdjacentText(page);
}
