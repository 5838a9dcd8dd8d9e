// Finds quotes in the test page's text and describes where marks sit, for the painter and
// restorer tests (happy-dom has no CSS Custom Highlight API, so they run the fallback painter).
import { names } from '../../../src/content/page-names';

export function textNodes(root: Node = document.body): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

function pointAt(nodes: Text[], at: number, side: 'start' | 'end'): [Text, number] {
  let passed = 0;
  for (const node of nodes) {
    const inside = side === 'start' ? at < passed + node.length : at <= passed + node.length;
    if (inside) return [node, at - passed];
    passed += node.length;
  }
  throw new Error(`no text at ${at}`);
}

/** A range over the first occurrence of `quote` in the page's text, across text nodes. */
export function rangeOf(quote: string, root: Node = document.body): Range {
  const nodes = textNodes(root);
  const start = nodes
    .map((n) => n.data)
    .join('')
    .indexOf(quote);
  if (start < 0) throw new Error(`"${quote}" is not on the page`);
  const range = document.createRange();
  range.setStart(...pointAt(nodes, start, 'start'));
  range.setEnd(...pointAt(nodes, start + quote.length, 'end'));
  return range;
}

/** The text each highlight's marks hold, by highlight id. */
export function markedText(): Record<string, string> {
  const marked: Record<string, string> = {};
  const { mark: tag, markId } = names();
  for (const mark of document.querySelectorAll<HTMLElement>(tag)) {
    const id = mark.getAttribute(markId) ?? '';
    marked[id] = (marked[id] ?? '') + (mark.textContent ?? '');
  }
  return marked;
}

/** Whether the range starts and ends inside marks of the given highlight. */
export function boundedByMarks(range: Range, id: string): boolean {
  const owner = (node: Node) => node.parentElement?.closest(`[${names().markId}="${id}"]`);
  return Boolean(owner(range.startContainer) && owner(range.endContainer));
}
