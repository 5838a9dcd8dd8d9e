// In-page helpers shared by the bench and the real-Chromium tests: a seeded random generator,
// and ranges picked at random over the page's visible text.

const INVISIBLE = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'HEAD', 'TEXTAREA']);

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function visibleTextNodes(root: Element): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => {
      for (let el = node.parentElement; el && el !== root; el = el.parentElement) {
        if (INVISIBLE.has(el.tagName)) return NodeFilter.FILTER_REJECT;
      }
      return NodeFilter.FILTER_ACCEPT;
    },
  });
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  return nodes;
}

/** Index of the last entry of a sorted array that is at most `value`. */
function lastAtMost(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((sorted[mid] ?? 0) <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * `count` ranges of minLength..maxLength raw characters, each starting on a non-space character,
 * spread over the page at random with a fixed seed.
 */
export function randomRanges(
  root: Element,
  count: number,
  seed: number,
  minLength = 5,
  maxLength = 200,
): Range[] {
  const random = seededRandom(seed);
  const nodes = visibleTextNodes(root);
  const starts: number[] = [];
  let total = 0;
  for (const node of nodes) {
    starts.push(total);
    total += node.length;
  }
  const point = (offset: number): [Text, number] => {
    const i = lastAtMost(starts, offset);
    const node = nodes[i] as Text;
    return [node, Math.min(node.length, offset - (starts[i] ?? 0))];
  };
  const ranges: Range[] = [];
  for (let tries = 0; ranges.length < count && tries < count * 50; tries++) {
    const length = minLength + Math.floor(random() * (maxLength - minLength + 1));
    const start = Math.floor(random() * Math.max(1, total - length));
    const [startNode, startOffset] = point(start);
    const [endNode, endOffset] = point(start + length);
    if (/\s/.test(startNode.data.charAt(startOffset))) continue;
    const range = document.createRange();
    range.setStart(startNode, startOffset);
    range.setEnd(endNode, endOffset);
    if (range.toString().trim().length < minLength) continue;
    ranges.push(range);
  }
  return ranges;
}
