// The peers' text model: root.textContent, i.e. every text node including script and style, no
// whitespace normalisation. Selectors for the peers are described in this model, the way
// dom-anchor-text-quote and the Hypothesis client describe them (32 characters of context).

export interface RawSelectors {
  quote: { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string };
  position: { type: 'TextPositionSelector'; start: number; end: number };
}

const CONTEXT = 32;

function allTextNodes(root: Node): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  return nodes;
}

/** Describes many ranges with one walk of the page. */
export function describeRaw(root: Element, ranges: readonly Range[]): RawSelectors[] {
  const offsets = new Map<Node, number>();
  let total = 0;
  for (const node of allTextNodes(root)) {
    offsets.set(node, total);
    total += node.length;
  }
  const text = root.textContent ?? '';
  return ranges.map((range) => {
    const start = (offsets.get(range.startContainer) ?? 0) + range.startOffset;
    const end = (offsets.get(range.endContainer) ?? 0) + range.endOffset;
    return {
      quote: {
        type: 'TextQuoteSelector',
        exact: text.slice(start, end),
        prefix: text.slice(Math.max(0, start - CONTEXT), start),
        suffix: text.slice(end, end + CONTEXT),
      },
      position: { type: 'TextPositionSelector', start, end },
    };
  });
}

/** A Range over textContent offsets, found by walking the text nodes (no index kept). */
export function rangeFromRawOffsets(root: Element, start: number, end: number): Range | null {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let seen = 0;
  let started = false;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    const next = seen + n.length;
    if (!started && start < next) {
      range.setStart(n, start - seen);
      started = true;
    }
    if (started && end <= next) {
      range.setEnd(n, end - seen);
      return range;
    }
    seen = next;
  }
  return null;
}
