// The page's text as anchoring sees it, shared by describe and anchor so that a stored quote is
// exactly what a later visit finds. Built from text nodes only: script, style, template, noscript,
// textarea and head never count. Whitespace is normalised (whitespace.ts) — each run is one space,
// and <br> and block boundaries count as a space — so that a quote survives re-indented HTML,
// text nodes split or joined differently, and line breaks never glue two words into one.

import { runToEnd, type Steps } from './steps';
import { normalise, normalisedOffset, rawOffset, type Normalised } from './whitespace';

const SKIPPED = new Set(['script', 'style', 'template', 'noscript', 'head', 'textarea']);

const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'dd', 'details', 'dialog', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5',
  'h6', 'header', 'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'option', 'p', 'pre', 'section',
  'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]); // prettier-ignore

const NODES_PER_STEP = 2048;

export interface TextMap extends Normalised {
  readonly root: Element;
  /** Every text node that counts, in document order. */
  readonly nodes: readonly Text[];
  /** Raw offset of each node's first character. */
  readonly starts: readonly number[];
  /** Each node's length when the map was built. */
  readonly lengths: readonly number[];
}

/** Which index each node has, built the first time describe needs it. */
const indexes = new WeakMap<TextMap, Map<Node, number>>();

/** Walks the tree once, in steps so that a caller can yield between them. */
export function* buildTextMap(root: Element): Steps<TextMap> {
  const parts: string[] = [];
  const nodes: Text[] = [];
  const starts: number[] = [];
  const lengths: number[] = [];
  let length = 0;
  let pendingBreak = false;
  let sinceYield = 0;
  const leaveBlock = (): void => {
    pendingBreak = true;
  };

  let node: Node | null = root.firstChild;
  while (node && node !== root) {
    let descend = false;
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      if (pendingBreak && length > 0) {
        parts.push('\n');
        length += 1;
      }
      pendingBreak = false;
      nodes.push(node as Text);
      starts.push(length);
      lengths.push(data.length);
      parts.push(data);
      length += data.length;
    } else if (node.nodeType === 1) {
      const name = (node as Element).localName;
      if (BLOCKS.has(name)) pendingBreak = true;
      descend = !SKIPPED.has(name) && node.firstChild !== null;
    }
    node = descend ? node.firstChild : nextOutside(node, root, leaveBlock);
    if (++sinceYield >= NODES_PER_STEP) {
      sinceYield = 0;
      yield;
    }
  }
  const raw = yield* joinInSteps(parts);
  return { root, nodes, starts, lengths, ...(yield* normalise(raw)) };
}

const PARTS_PER_STEP = 16384;

/** parts.join(''), a group of parts per step: a big page has hundreds of thousands. */
function* joinInSteps(parts: readonly string[]): Steps<string> {
  const groups: string[] = [];
  for (let from = 0; from < parts.length; from += PARTS_PER_STEP) {
    groups.push(parts.slice(from, from + PARTS_PER_STEP).join(''));
    yield;
  }
  return groups.join('');
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

function indexOf(map: TextMap, node: Node): number | undefined {
  let index = indexes.get(map);
  if (!index) {
    index = new Map(map.nodes.map((n, i) => [n, i]));
    indexes.set(map, index);
  }
  return index.get(node);
}

/** The first node at or after a DOM point that lies outside every node of the map. */
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

/** Raw offset of a DOM boundary point. */
function rawOffsetOfPoint(map: TextMap, container: Node, offset: number): number {
  const i = indexOf(map, container);
  if (i !== undefined) return (map.starts[i] ?? 0) + Math.min(offset, map.lengths[i] ?? 0);
  const next = firstNodeAfterPoint(map, container, offset);
  return next < map.nodes.length ? (map.starts[next] ?? 0) : map.raw.length;
}

/** The offset in the normalised text of a DOM boundary point. */
export function offsetOfPoint(map: TextMap, container: Node, offset: number): number {
  return normalisedOffset(map, rawOffsetOfPoint(map, container, offset));
}

/** Index of the last node starting at or before raw offset `at` (-1 if none). */
export function nodeAtOrBefore(map: TextMap, at: number): number {
  let lo = 0;
  let hi = map.starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((map.starts[mid] ?? 0) <= at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

type Point = { node: Text; offset: number };

/** The DOM point before raw character `at`, or the start of the next node if no node holds it. */
function startPoint(map: TextMap, at: number): Point | null {
  for (let i = Math.max(0, nodeAtOrBefore(map, at)); i < map.nodes.length; i++) {
    const start = map.starts[i] ?? 0;
    const node = map.nodes[i];
    if (node && at < start + (map.lengths[i] ?? 0))
      return { node, offset: Math.max(0, at - start) };
  }
  return null;
}

/** The DOM point after raw character `at`, or the end of the previous node if no node holds it. */
function endPoint(map: TextMap, at: number): Point | null {
  for (let i = nodeAtOrBefore(map, at); i >= 0; i--) {
    const start = map.starts[i] ?? 0;
    const length = map.lengths[i] ?? 0;
    const node = map.nodes[i];
    if (node && length > 0) return { node, offset: Math.min(length, at - start + 1) };
  }
  return null;
}

/** A Range over normalised offsets [start, end), or null if it would be empty. */
export function rangeAt(map: TextMap, start: number, end: number): Range | null {
  if (end <= start || end > map.text.length) return null;
  const from = startPoint(map, rawOffset(map, start));
  const to = endPoint(map, rawOffset(map, end - 1));
  if (!from || !to) return null;
  const range = (map.root.ownerDocument ?? document).createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}
