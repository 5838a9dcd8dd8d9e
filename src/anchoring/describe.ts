// Turns a live Range into the selectors a highlight is stored as: the quote with about 32
// characters of context each side, and its position as a hint for the next visit. The quote is
// trimmed of surrounding whitespace, so that a selection that ends on a line break or a block
// boundary stores the same quote as one that stops at the word.

import { offsetOfPoint } from './text-map';
import { textMapOf } from './text-map-cache';
import type { Selector } from './types';

export const CONTEXT_LENGTH = 32;

export function describe(root: Element, range: Range): Selector[] {
  const map = textMapOf(root);
  const { text } = map;
  let start = offsetOfPoint(map, range.startContainer, range.startOffset);
  let end = Math.max(start, offsetOfPoint(map, range.endContainer, range.endOffset));
  while (start < end && text.charCodeAt(start) === 32) start++;
  while (end > start && text.charCodeAt(end - 1) === 32) end--;
  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    },
    { type: 'TextPositionSelector', start, end },
  ];
}
