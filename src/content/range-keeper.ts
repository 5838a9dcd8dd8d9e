// Keeps ranges pointing at the same text while the fallback painter splits, moves and joins the
// page's text nodes. Browsers carry live ranges through a split but drop the boundaries inside a
// node that is moved into a mark, so the boundaries are held here as text positions, carried
// through every split and join made via the keeper, and written back to the ranges at the end.

export interface TextPoint {
  node: Text;
  offset: number;
}

type Side = 'start' | 'end';

interface Point extends TextPoint {
  side: Side;
}

interface Kept {
  range: Range;
  start: Point;
  end: Point;
}

export interface RangeKeeper {
  /** Starts keeping a range; null if it holds no text, in which case it is left alone. */
  keep(range: Range): { start: TextPoint; end: TextPoint } | null;
  /** Moves a kept range's boundaries, to be written back by restore. */
  place(range: Range, start: TextPoint, end: TextPoint): void;
  /** Splits a text node, keeping the boundaries inside it on the same characters. */
  split(node: Text, at: number): Text;
  /** Appends `from` to `into` and removes it, keeping the boundaries inside it. */
  join(into: Text, from: Text): void;
  /** Writes the kept boundaries back to their ranges. */
  restore(): void;
}

/** The deepest last descendant: the node just before whatever follows `node` in the tree. */
function lastInside(node: Node): Node {
  let last = node;
  while (last.lastChild) last = last.lastChild;
  return last;
}

/** A walker over the text of the node's tree (document or shadow root), standing at the node. */
export function textWalkerAt(node: Node): TreeWalker {
  const walker = document.createTreeWalker(node.getRootNode(), NodeFilter.SHOW_TEXT);
  walker.currentNode = node;
  return walker;
}

/** The first text at or after a boundary between nodes. */
function textAfter(container: Node, offset: number): TextPoint | null {
  const child = container.childNodes[offset];
  if (child instanceof Text) return { node: child, offset: 0 };
  const next = textWalkerAt(child ?? lastInside(container)).nextNode();
  return next instanceof Text ? { node: next, offset: 0 } : null;
}

/** The last text before a boundary between nodes. */
function textBefore(container: Node, offset: number): TextPoint | null {
  const child = container.childNodes[offset - 1];
  const last = child ? lastInside(child) : container;
  const text = last instanceof Text ? last : textWalkerAt(last).previousNode();
  return text instanceof Text ? { node: text, offset: text.length } : null;
}

function pointAt(container: Node, offset: number, side: Side): Point | null {
  if (container instanceof Text) return { node: container, offset, side };
  const found = side === 'start' ? textAfter(container, offset) : textBefore(container, offset);
  return found && { ...found, side };
}

function inOrder(start: TextPoint, end: TextPoint): boolean {
  if (start.node === end.node) return start.offset <= end.offset;
  return (start.node.compareDocumentPosition(end.node) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
}

export function createRangeKeeper(): RangeKeeper {
  const kept = new Map<Range, Kept>();
  const byNode = new Map<Text, Set<Point>>();

  const index = (point: Point): void => {
    let points = byNode.get(point.node);
    if (!points) byNode.set(point.node, (points = new Set()));
    points.add(point);
  };
  const move = (point: Point, node: Text, offset: number): void => {
    byNode.get(point.node)?.delete(point);
    point.node = node;
    point.offset = offset;
    index(point);
  };

  return {
    keep(range) {
      const known = kept.get(range);
      if (known) return known;
      const start = pointAt(range.startContainer, range.startOffset, 'start');
      const end = pointAt(range.endContainer, range.endOffset, 'end');
      if (!start || !end || !inOrder(start, end)) return null;
      kept.set(range, { range, start, end });
      index(start);
      index(end);
      return { start, end };
    },
    place(range, start, end) {
      const entry = kept.get(range);
      if (!entry) return;
      move(entry.start, start.node, start.offset);
      move(entry.end, end.node, end.offset);
    },
    split(node, at) {
      const tail = node.splitText(at);
      // A start exactly at the cut belongs to the text after it, an end to the text before it.
      for (const point of [...(byNode.get(node) ?? [])]) {
        if (point.offset > at || (point.offset === at && point.side === 'start'))
          move(point, tail, point.offset - at);
      }
      return tail;
    },
    join(into, from) {
      const shift = into.length;
      into.appendData(from.data);
      from.remove();
      for (const point of [...(byNode.get(from) ?? [])]) move(point, into, point.offset + shift);
    },
    restore() {
      for (const { range, start, end } of kept.values()) {
        range.setStart(start.node, start.offset);
        range.setEnd(end.node, end.offset);
      }
    },
  };
}
