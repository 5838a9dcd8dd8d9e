// Fallback for browsers without the CSS Custom Highlight API: wraps the highlighted text in a
// custom element (of this install's random name) that no page stylesheet is written for, styled inline so page CSS cannot win.
// Wrapping splits and moves the page's text nodes, so every range such a change could touch is
// held by a range keeper and set again afterwards: each drawn range spans exactly its marks'
// text. Removing joins back only the text nodes split here, so the page gets its own nodes back.
import type { HighlightColor } from '../shared/types';
import type { ChangeGuard, PaintItem, Painter } from './highlight-painter';
import { names } from './page-names';
import { PAINT_COLORS } from './paint-colors';
import { PENDING_LINE } from './page-style';
import { createRangeKeeper, textWalkerAt, type RangeKeeper, type TextPoint } from './range-keeper';

const HTML = 'http://www.w3.org/1999/xhtml';
/** Parents whose text an element inside would break (scripts, styles) or hide (form controls). */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'noscript', 'select', 'option']);

interface Drawn {
  range: Range;
  marks: HTMLElement[];
}

/** What one paint or removal works with. */
interface Work {
  keeper: RangeKeeper;
  drawn: Map<string, Drawn>;
  /** Text nodes split off by this painter, the only ones it may join back. */
  splitOff: WeakSet<Text>;
}

/** The part of one text node a highlight covers. */
interface Span {
  node: Text;
  from: number;
  to: number;
}

function keepOwner(mark: Element, work: Work): void {
  const drawn = work.drawn.get(mark.getAttribute(names().markId) ?? '');
  if (drawn) work.keeper.keep(drawn.range);
}

/** Highlights drawn around a node have boundaries in it or beside it that a change may drop. */
function keepEnclosing(node: Node, work: Work): void {
  for (let parent = node.parentElement; parent; parent = parent.parentElement) {
    if (parent.localName === names().mark) keepOwner(parent, work);
  }
}

/**
 * Whitespace alone is left unwrapped: between blocks, in tables or in flex and grid containers
 * an element around it becomes a box of its own and shifts the layout.
 */
function paintable({ node, from, to }: Span): boolean {
  const parent = node.parentElement;
  if (from >= to || !parent || parent.namespaceURI !== HTML) return false;
  return !RAW_TEXT.has(parent.localName) && node.data.slice(from, to).trim() !== '';
}

function* textsBetween(first: Text, last: Text): Generator<Text> {
  const walker = textWalkerAt(first);
  for (let node: Node | null = first; node instanceof Text; node = walker.nextNode()) {
    yield node;
    if (node === last) return;
  }
}

function spansBetween(start: TextPoint, end: TextPoint): Span[] {
  const spans: Span[] = [];
  for (const node of textsBetween(start.node, end.node)) {
    const from = node === start.node ? start.offset : 0;
    const to = node === end.node ? end.offset : node.length;
    if (paintable({ node, from, to })) spans.push({ node, from, to });
  }
  return spans;
}

function isolate({ node, from, to }: Span, work: Work): Text {
  keepEnclosing(node, work);
  if (to < node.length) work.splitOff.add(work.keeper.split(node, to));
  if (from === 0) return node;
  const piece = work.keeper.split(node, from);
  work.splitOff.add(piece);
  return piece;
}

function wrap(piece: Text, color: HighlightColor, id: string): HTMLElement {
  const mark = piece.ownerDocument.createElement(names().mark);
  const { background, text } = PAINT_COLORS[color];
  mark.setAttribute(
    'style',
    `all: unset !important; display: inline !important; background-color: ${background} !important; color: ${text} !important;`,
  );
  mark.setAttribute(names().markId, id);
  piece.replaceWith(mark);
  mark.append(piece);
  return mark;
}

function draw({ id, range, color }: PaintItem, work: Work): HTMLElement[] {
  const points = work.keeper.keep(range);
  if (!points) return [];
  const pieces = spansBetween(points.start, points.end).map((span) => isolate(span, work));
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  if (first && last)
    work.keeper.place(range, { node: first, offset: 0 }, { node: last, offset: last.length });
  return pieces.map((piece) => wrap(piece, color, id));
}

/** Joins a text node split off here back onto the text it was split from. */
function rejoin(node: Node | null, work: Work): void {
  const before = node?.previousSibling;
  if (node instanceof Text && before instanceof Text && work.splitOff.has(node)) {
    work.keeper.join(before, node);
  }
}

function unwrap(mark: HTMLElement, work: Work): void {
  if (!mark.parentNode) return;
  keepEnclosing(mark, work);
  for (const inner of mark.querySelectorAll(names().mark)) keepOwner(inner, work);
  const after = mark.nextSibling;
  const children = [...mark.childNodes];
  mark.replaceWith(...children);
  for (const node of [...children, after]) rejoin(node, work);
}

function unpaint(id: string, work: Work): void {
  const drawn = work.drawn.get(id);
  if (!drawn) return;
  // Its range stays on the same text, ready to be drawn again (a recolour, an undo).
  work.keeper.keep(drawn.range);
  work.drawn.delete(id);
  for (const mark of drawn.marks) unwrap(mark, work);
}

/** Style changes only: the page watcher does not see them as changes to the text. */
function decorate(marks: readonly HTMLElement[], pending: boolean): void {
  for (const mark of marks) {
    if (pending)
      mark.style.setProperty('text-decoration', `underline dashed ${PENDING_LINE}`, 'important');
    else mark.style.removeProperty('text-decoration');
  }
}

export function createMarkPainter(): Painter {
  const drawn = new Map<string, Drawn>();
  const pending = new Set<string>();
  const splitOff = new WeakSet<Text>();
  let guard: ChangeGuard = (change) => change();

  /** One change to the page: every range it may touch is written back at the end. */
  const change = (body: (work: Work) => void): void =>
    guard(() => {
      const work = { keeper: createRangeKeeper(), drawn, splitOff };
      body(work);
      work.keeper.restore();
    });

  const paintAll = (items: readonly PaintItem[]): void =>
    change((work) => {
      for (const item of items) work.keeper.keep(item.range);
      for (const item of items) unpaint(item.id, work);
      for (const item of items) {
        const marks = draw(item, work);
        drawn.set(item.id, { range: item.range, marks });
        decorate(marks, pending.has(item.id));
      }
    });

  return {
    paint: (id, range, color) => paintAll([{ id, range, color }]),
    paintAll,
    remove: (id) => change((work) => unpaint(id, work)),
    setPending(id, on) {
      if (on) pending.add(id);
      else pending.delete(id);
      decorate(drawn.get(id)?.marks ?? [], on);
    },
    guardChanges(next) {
      guard = next;
    },
  };
}
