// Fallback for browsers without the CSS Custom Highlight API: wraps the highlighted text in a
// custom element that no page stylesheet is written for, styled inline so page CSS cannot win.
import type { HighlightColor } from '../shared/types';
import type { Painter } from './highlight-painter';
import { PAINT_COLORS } from './paint-colors';

const TAG = 'trailmark-mark';

function textNodesIn(range: Range): Text[] {
  const root = range.commonAncestorContainer;
  if (root instanceof Text) return [root];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (range.intersectsNode(node) && node.nodeValue) nodes.push(node as Text);
  }
  return nodes;
}

/** The part of a text node inside the range, split out as its own node. */
function isolate(node: Text, range: Range): Text {
  let piece = node;
  if (node === range.endContainer && range.endOffset < node.length)
    piece.splitText(range.endOffset);
  if (node === range.startContainer && range.startOffset > 0) {
    piece = piece.splitText(range.startOffset);
  }
  return piece;
}

function wrap(piece: Text, color: HighlightColor, id: string): HTMLElement {
  const mark = document.createElement(TAG);
  const { background, text } = PAINT_COLORS[color];
  mark.setAttribute(
    'style',
    `all: unset !important; display: inline !important; background-color: ${background} !important; color: ${text} !important;`,
  );
  mark.dataset.trailmark = id;
  piece.replaceWith(mark);
  mark.append(piece);
  return mark;
}

export function createMarkPainter(): Painter {
  const drawn = new Map<string, HTMLElement[]>();
  const remove = (id: string): void => {
    for (const mark of drawn.get(id) ?? []) {
      const parent = mark.parentNode;
      mark.replaceWith(...mark.childNodes);
      parent?.normalize();
    }
    drawn.delete(id);
  };
  return {
    paint(id, range, color) {
      remove(id);
      const pieces = textNodesIn(range).map((node) => isolate(node, range));
      drawn.set(
        id,
        pieces.map((piece) => wrap(piece, color, id)),
      );
    },
    remove,
  };
}
