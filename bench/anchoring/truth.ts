// Ground truth for the bench: every visible character of the original page gets an id (its
// offset in the visible text), carried through every edit, so that any engine's Range can be
// judged by which original characters it covers, whatever its text model.

import { visibleTextNodes } from './page-tools';

/** Ids of the characters of each text node; -1 for characters an edit inserted. */
export type Ids = Map<Text, Int32Array>;

export interface Truth {
  ids: Ids;
  /** The original visible text, for counting what a highlight covered. */
  text: string;
  /** Original [start, end) ids of each highlight. */
  spans: { start: number; end: number }[];
}

export function recordTruth(root: Element, ranges: readonly Range[]): Truth {
  const ids: Ids = new Map();
  const starts = new Map<Node, number>();
  const parts: string[] = [];
  let total = 0;
  for (const node of visibleTextNodes(root)) {
    const own = new Int32Array(node.length);
    for (let i = 0; i < own.length; i++) own[i] = total + i;
    ids.set(node, own);
    starts.set(node, total);
    parts.push(node.data);
    total += node.length;
  }
  const spans = ranges.map((r) => ({
    start: (starts.get(r.startContainer) ?? 0) + r.startOffset,
    end: (starts.get(r.endContainer) ?? 0) + r.endOffset,
  }));
  return { ids, text: parts.join(''), spans };
}

/** Ids of the original characters a range covers, in order (inserted characters left out). */
export function coveredIds(range: Range, ids: Ids): number[] {
  const covered: number[] = [];
  const walker = document.createTreeWalker(range.commonAncestorContainer, NodeFilter.SHOW_TEXT);
  let node: Node | null =
    range.startContainer.nodeType === Node.TEXT_NODE
      ? range.startContainer
      : (range.startContainer.childNodes[range.startOffset] ?? range.startContainer);
  walker.currentNode = node;
  if (node.nodeType !== Node.TEXT_NODE) node = walker.nextNode();
  for (; node; node = walker.nextNode()) {
    if (range.comparePoint(node, 0) > 0) break;
    const own = ids.get(node as Text);
    if (!own) continue;
    const from = node === range.startContainer ? range.startOffset : 0;
    const to = node === range.endContainer ? range.endOffset : own.length;
    for (let i = from; i < to; i++) {
      const id = own[i] ?? -1;
      if (id >= 0) covered.push(id);
    }
  }
  return covered;
}

const isSpace = (c: string): boolean => /\s/.test(c);

/** Same visible characters as the original highlight, whitespace aside. */
export function isExact(truth: Truth, i: number, range: Range | null): boolean {
  const span = truth.spans[i];
  if (!range || !span) return false;
  const covered = coveredIds(range, truth.ids).filter((id) => !isSpace(truth.text[id] ?? ' '));
  let wanted = 0;
  for (let id = span.start; id < span.end; id++) if (!isSpace(truth.text[id] ?? ' ')) wanted++;
  return covered.length === wanted && covered.every((id) => id >= span.start && id < span.end);
}

export type Verdict = 'right' | 'wrong' | 'missing';

/** Right if the range covers any character of where the highlight moved to. */
export function judge(truth: Truth, i: number, range: Range | null): Verdict {
  const span = truth.spans[i];
  if (!range || !span) return 'missing';
  const hit = coveredIds(range, truth.ids).some((id) => id >= span.start && id < span.end);
  return hit ? 'right' : 'wrong';
}
