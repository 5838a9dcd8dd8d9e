// Other tools count positions, and write quotes, in the page's plain textContent: every text
// node, script and style included, whitespace as it is. To use such a position, the engine keeps
// a second view of the page in that model — its text, and where each text node starts in it — and
// converts offsets between it and its own normalised text. Built only when a selector needs it, a
// slice at a time, and kept as long as the text map it belongs to.

import type { Steps } from './steps';
import { nodeAtOrBefore, type TextMap } from './text-map';
import { normalisedOffset, rawOffset } from './whitespace';

export interface TextContentModel {
  /** What root.textContent was when the map was built. */
  readonly text: string;
  /** Where each text node under the root starts in `text`, in document order. */
  readonly starts: Int32Array;
  /** For each of those nodes, its index in the map's nodes, or -1 if the map leaves it out. */
  readonly inMap: Int32Array;
  /** Where each of the map's nodes starts in `text`. */
  readonly mapStarts: Int32Array;
}

const NODES_PER_STEP = 4096;
const models = new WeakMap<TextMap, TextContentModel>();

function* build(map: TextMap): Steps<TextContentModel> {
  const { root } = map;
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const parts: string[] = [];
  const starts: number[] = [];
  const inMap: number[] = [];
  const mapStarts = new Int32Array(map.nodes.length);
  let total = 0;
  let next = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    // The map's nodes are a subsequence of these, in the same order, unless the page changed
    // since the map was built — then anchorAll starts over, and a mismatch only leaves nodes out.
    const mine = map.nodes[next] === node;
    if (mine) mapStarts[next] = total;
    inMap.push(mine ? next++ : -1);
    starts.push(total);
    parts.push(data);
    total += data.length;
    if (parts.length % NODES_PER_STEP === 0) yield;
  }
  return {
    text: parts.join(''),
    starts: Int32Array.from(starts),
    inMap: Int32Array.from(inMap),
    mapStarts,
  };
}

export function* textContentModelOf(map: TextMap): Steps<TextContentModel> {
  const known = models.get(map);
  if (known) return known;
  const model = yield* build(map);
  models.set(map, model);
  return model;
}

/** Index of the last entry of `sorted` at most `value` (-1 if none). */
function lastAtMost(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? 0) <= value) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Raw offset in the map of textContent offset `at`; text the map leaves out goes to what follows. */
function rawOfTextContent(map: TextMap, model: TextContentModel, at: number): number {
  for (let k = Math.max(0, lastAtMost(model.starts, at)); k < model.starts.length; k++) {
    const i = model.inMap[k] ?? -1;
    if (i < 0) continue;
    const start = map.starts[i] ?? 0;
    return start + Math.max(0, Math.min(at - (model.starts[k] ?? 0), map.lengths[i] ?? 0));
  }
  return map.raw.length;
}

/** Offset in the normalised text of the first character at or after textContent offset `at`. */
export function fromTextContent(map: TextMap, model: TextContentModel, at: number): number {
  return normalisedOffset(map, rawOfTextContent(map, model, at));
}

/** TextContent offset of normalised offset `at`. */
export function toTextContent(map: TextMap, model: TextContentModel, at: number): number {
  const raw = rawOffset(map, at);
  const i = nodeAtOrBefore(map, raw);
  if (i < 0) return 0;
  return (model.mapStarts[i] ?? 0) + Math.max(0, raw - (map.starts[i] ?? 0));
}
