// The page's text as anchoring sees it, shared by describe and anchor so that a stored quote is
// exactly what a later visit finds. Built from text nodes only: script, style, template, noscript
// and head never count. Whitespace is normalised — each run becomes one space, and <br> and
// block boundaries count as a space — so that a quote survives re-indented HTML, text nodes split
// or joined differently, and line breaks never glue two words into one.

import { runToEnd, type Steps } from './steps';

const SKIPPED = new Set(['script', 'style', 'template', 'noscript', 'head', 'textarea']);

const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'dd', 'details', 'dialog', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5',
  'h6', 'header', 'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'option', 'p', 'pre', 'section',
  'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]); // prettier-ignore

const WHITESPACE_RUN = /[ \t\n\r\f]+/g;
const NODES_PER_STEP = 1024;

export interface TextMap {
  readonly root: Element;
  readonly text: string;
  /** Every text node that contributes, in document order (some contribute nothing). */
  readonly nodes: readonly Text[];
  /** Offset in `text` of each node's first character. */
  readonly starts: readonly number[];
  /** How many characters of `text` each node contributes. */
  readonly counts: readonly number[];
  /** Whether node i's leading whitespace was absorbed by the preceding space. */
  readonly dropsLead: readonly boolean[];
  readonly index: ReadonlyMap<Text, number>;
}

/** Per-node lookup tables for nodes whose whitespace collapsed, built only when needed. */
interface Collapse {
  /** Raw offset of each character the node contributes. */
  readonly toRaw: Int32Array;
  /** How many characters the node contributes before each raw offset. */
  readonly before: Int32Array;
}

const collapses = new WeakMap<TextMap, Map<number, Collapse>>();

function isWhitespace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 12;
}

function isIdentity(map: TextMap, i: number): boolean {
  return !map.dropsLead[i] && map.counts[i] === (map.nodes[i]?.data.length ?? 0);
}

function collapseOf(map: TextMap, i: number): Collapse {
  let perMap = collapses.get(map);
  if (!perMap) collapses.set(map, (perMap = new Map()));
  let found = perMap.get(i);
  if (!found) perMap.set(i, (found = computeCollapse(map, i)));
  return found;
}

function computeCollapse(map: TextMap, i: number): Collapse {
  const data = map.nodes[i]?.data ?? '';
  const toRaw = new Int32Array(map.counts[i] ?? 0);
  const before = new Int32Array(data.length + 1);
  let k = 0;
  let previousWasSpace = false;
  for (let r = 0; r < data.length; r++) {
    before[r] = k;
    const space = isWhitespace(data.charCodeAt(r));
    const absorbed = space && (previousWasSpace || (r === 0 && map.dropsLead[i] === true));
    if (!absorbed && k < toRaw.length) toRaw[k++] = r;
    previousWasSpace = space;
  }
  before[data.length] = k;
  return { toRaw, before };
}

/** Walks the tree once, in steps so that a caller can yield between them. */
export function* buildTextMap(root: Element): Steps<TextMap> {
  const parts: string[] = [];
  const nodes: Text[] = [];
  const starts: number[] = [];
  const counts: number[] = [];
  const dropsLead: boolean[] = [];
  const index = new Map<Text, number>();
  let length = 0;
  let lastWasSpace = true; // no space at the very start of the text
  let pendingBreak = false;
  let sinceYield = 0;

  const addText = (node: Text): void => {
    let piece = node.data.replace(WHITESPACE_RUN, ' ');
    let dropLead = false;
    if (piece.startsWith(' ') && lastWasSpace) {
      piece = piece.slice(1);
      dropLead = true;
    } else if (pendingBreak && !lastWasSpace && piece.length > 0 && !piece.startsWith(' ')) {
      parts.push(' ');
      length += 1;
    }
    index.set(node, nodes.length);
    nodes.push(node);
    starts.push(length);
    counts.push(piece.length);
    dropsLead.push(dropLead);
    if (piece.length > 0) {
      parts.push(piece);
      length += piece.length;
      lastWasSpace = piece.endsWith(' ');
      pendingBreak = false;
    }
  };

  let node: Node | null = root.firstChild;
  while (node && node !== root) {
    let descend = false;
    if (node.nodeType === 3) addText(node as Text);
    else if (node.nodeType === 1) {
      const name = (node as Element).localName;
      if (BLOCKS.has(name)) pendingBreak = true;
      descend = !SKIPPED.has(name) && node.firstChild !== null;
    }
    if (descend) node = node.firstChild;
    else node = nextOutside(node, root, () => (pendingBreak = true));
    if (++sinceYield >= NODES_PER_STEP) {
      sinceYield = 0;
      yield;
    }
  }
  return { root, text: parts.join(''), nodes, starts, counts, dropsLead, index };
}

/** The next node after `node`'s subtree, noting each block element it leaves. */
function nextOutside(node: Node, root: Element, onLeaveBlock: () => void): Node | null {
  let current: Node | null = node;
  while (current && current !== root) {
    if (current.nextSibling) return current.nextSibling;
    current = current.parentNode;
    if (current && current !== root && BLOCKS.has((current as Element).localName)) onLeaveBlock();
  }
  return null;
}

export function buildTextMapNow(root: Element): TextMap {
  return runToEnd(buildTextMap(root));
}

/** Characters node i contributes before its raw offset `offset`. */
function contributedBefore(map: TextMap, i: number, offset: number): number {
  if (isIdentity(map, i)) return Math.min(offset, map.counts[i] ?? 0);
  const { before } = collapseOf(map, i);
  return before[Math.min(offset, before.length - 1)] ?? 0;
}

function rawOffsetOf(map: TextMap, i: number, contributed: number): number {
  if (isIdentity(map, i)) return contributed;
  return collapseOf(map, i).toRaw[contributed] ?? 0;
}

/** Index of the last node whose start is at most `offset` (-1 if none). */
function lastNodeStartingAtOrBefore(map: TextMap, offset: number): number {
  let lo = 0;
  let hi = map.starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((map.starts[mid] ?? 0) <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The first mapped node at or after a DOM point that lies outside every mapped node. */
function firstNodeAfterPoint(map: TextMap, container: Node, offset: number): number {
  const probe = (container.ownerDocument ?? document).createRange();
  probe.setStart(container, offset);
  let lo = 0;
  let hi = map.nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const node = map.nodes[mid];
    if (node && probe.comparePoint(node, 0) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where the text of nodes from index i on begins (the text's end if they add nothing). */
function contentStartFrom(map: TextMap, i: number): number {
  for (let j = i; j < map.nodes.length; j++) {
    if ((map.counts[j] ?? 0) > 0) return map.starts[j] ?? 0;
  }
  return map.text.length;
}

/** Where the text of nodes before index i ends (0 if they add nothing). */
function contentEndBefore(map: TextMap, i: number): number {
  for (let j = i - 1; j >= 0; j--) {
    const count = map.counts[j] ?? 0;
    if (count > 0) return (map.starts[j] ?? 0) + count;
  }
  return 0;
}

/**
 * The text offset of a DOM boundary point. A start point that falls between two nodes' text
 * moves to the next character, an end point to the previous one, so that a quote never begins or
 * ends with the space that stands for a <br> or a block boundary.
 */
export function offsetOfPoint(
  map: TextMap,
  container: Node,
  offset: number,
  side: 'start' | 'end',
): number {
  const i = map.index.get(container as Text);
  if (i === undefined) {
    const next = firstNodeAfterPoint(map, container, offset);
    return side === 'start' ? contentStartFrom(map, next) : contentEndBefore(map, next);
  }
  const contributed = contributedBefore(map, i, offset);
  if (side === 'start' && contributed === map.counts[i]) return contentStartFrom(map, i + 1);
  if (side === 'end' && contributed === 0) return contentEndBefore(map, i);
  return (map.starts[i] ?? 0) + contributed;
}

/** The DOM point before text offset `offset` (a start) or after offset-1 (an end). */
export function pointAtOffset(
  map: TextMap,
  offset: number,
  side: 'start' | 'end',
): { node: Text; offset: number } | null {
  if (side === 'start') {
    for (let i = Math.max(0, lastNodeStartingAtOrBefore(map, offset)); i < map.nodes.length; i++) {
      const start = map.starts[i] ?? 0;
      const count = map.counts[i] ?? 0;
      const node = map.nodes[i];
      if (node && offset < start + count) {
        return { node, offset: rawOffsetOf(map, i, Math.max(0, offset - start)) };
      }
    }
    return null;
  }
  for (let i = lastNodeStartingAtOrBefore(map, offset - 1); i >= 0; i--) {
    const start = map.starts[i] ?? 0;
    const count = map.counts[i] ?? 0;
    const node = map.nodes[i];
    if (node && count > 0) {
      const last = Math.min(offset - 1, start + count - 1) - start;
      return { node, offset: rawOffsetOf(map, i, last) + 1 };
    }
  }
  return null;
}

/** A Range over text offsets [start, end), or null if it would be empty. */
export function rangeAt(map: TextMap, start: number, end: number): Range | null {
  if (end <= start) return null;
  const from = pointAtOffset(map, start, 'start');
  const to = pointAtOffset(map, end, 'end');
  if (!from || !to) return null;
  const range = (map.root.ownerDocument ?? document).createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}
