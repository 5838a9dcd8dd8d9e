// Which highlights lie under a point. Overlapping and touching highlights are all returned,
// shortest first, so each one can be reached.
export interface Placed {
  id: string;
  range: Range;
}

type CaretDocument = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  const doc = document as CaretDocument;
  const position = doc.caretPositionFromPoint?.(x, y);
  if (position) return { node: position.offsetNode, offset: position.offset };
  const range = doc.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

function inRect(rect: DOMRect, x: number, y: number): boolean {
  return x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom;
}

/** A caret test is cheap but also answers beside the text; the rectangles confirm it. */
function covers(
  range: Range,
  caret: { node: Node; offset: number },
  x: number,
  y: number,
): boolean {
  try {
    if (!range.isPointInRange(caret.node, caret.offset)) return false;
  } catch {
    return false;
  }
  return [...range.getClientRects()].some((rect) => inRect(rect, x, y));
}

export function highlightsAt(placed: Iterable<Placed>, x: number, y: number): string[] {
  const caret = caretAt(x, y);
  if (!caret) return [];
  const hits: { id: string; length: number }[] = [];
  for (const { id, range } of placed) {
    if (covers(range, caret, x, y)) hits.push({ id, length: range.toString().length });
  }
  return hits.sort((a, b) => a.length - b.length).map((hit) => hit.id);
}
