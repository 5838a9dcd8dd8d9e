// Builds fixture documents and ranges for the anchoring tests from HTML strings.

export function mount(html: string): HTMLElement {
  document.body.innerHTML = '';
  const root = document.createElement('main');
  root.innerHTML = html;
  document.body.append(root);
  return root;
}

/** Text nodes of `root` in document order, including empty and script ones. */
export function textNodes(root: Node): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  return nodes;
}

/** A range from (text node index, offset) to (text node index, offset). */
export function rangeOver(
  root: Node,
  [startNode, startOffset]: [number, number],
  [endNode, endOffset]: [number, number],
): Range {
  const nodes = textNodes(root);
  const start = nodes[startNode];
  const end = nodes[endNode];
  if (!start || !end) throw new Error('no such text node');
  const range = document.createRange();
  range.setStart(start, startOffset);
  range.setEnd(end, endOffset);
  return range;
}

/** Normalised text of a range, as the engine counts it. */
export function squash(text: string): string {
  return text.replace(/[ \t\n\r\f]+/g, ' ');
}
