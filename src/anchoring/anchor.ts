// Re-attaches highlights. anchorAll builds the text once for all of a page's highlights and
// visits them in the order of their stored positions, so that the drift each one shows (text
// inserted or removed before it) sharpens the expected position of the next.

import { Drift } from './drift';
import { locate, WINDOW, type Found } from './locate';
import type { Quote } from './score';
import { runToEnd, Slicer, type Steps } from './steps';
import { rangeAt, type TextMap } from './text-map';
import { isCurrent, textMapOf, textMapOfSliced } from './text-map-cache';
import type { Selector, TextPositionSelector, TextQuoteSelector } from './types';

/** Times anchorAll starts over when the page changes under it while it yields. */
const MAX_RESTARTS = 2;

interface Target {
  quote: Quote | null;
  hint: TextPositionSelector | null;
}

function targetOf(selectors: readonly Selector[]): Target {
  const quote = selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
  const hint = selectors.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');
  return { quote: quote ?? null, hint: hint ?? null };
}

/** Without a quote the position is all there is; with one, the position is only a hint. */
function* find(map: TextMap, target: Target, drift: number): Steps<Found | null> {
  const { quote, hint } = target;
  if (quote) {
    const expected = hint ? Math.max(0, hint.start + drift) : undefined;
    return yield* locate(map.text, quote, expected);
  }
  if (hint && hint.start < hint.end && hint.end <= map.text.length) return hint;
  return null;
}

export function anchor(root: Element, selectors: Selector[]): Range | null {
  const map = textMapOf(root);
  const found = runToEnd(find(map, targetOf(selectors), 0));
  return found ? rangeAt(map, found.start, found.end) : null;
}

/** Positions first, in stored order, so drift carries from one highlight to the next. */
function visitOrder(targets: readonly Target[]): number[] {
  const order = targets.map((_, i) => i);
  const key = (i: number): number => targets[i]?.hint?.start ?? Number.MAX_SAFE_INTEGER;
  return order.sort((a, b) => key(a) - key(b));
}

async function anchorAllOnce(
  root: Element,
  targets: readonly Target[],
  slicer: Slicer,
): Promise<{ map: TextMap; found: (Found | null)[] }> {
  const map = await textMapOfSliced(root, slicer);
  const found: (Found | null)[] = targets.map(() => null);
  const drift = new Drift(WINDOW);
  for (const i of visitOrder(targets)) {
    const target = targets[i];
    if (!target) continue;
    const result = await slicer.run(find(map, target, drift.value));
    found[i] = result;
    if (result && target.hint) drift.observe(target.hint.start, result.start);
    await slicer.pause();
  }
  return { map, found };
}

export async function anchorAll(
  root: Element,
  selectorsList: Selector[][],
): Promise<(Range | null)[]> {
  const targets = selectorsList.map(targetOf);
  const slicer = new Slicer();
  for (let attempt = 0; ; attempt++) {
    const { map, found } = await anchorAllOnce(root, targets, slicer);
    if (isCurrent(map) || attempt >= MAX_RESTARTS) {
      return found.map((f) => (f ? rangeAt(map, f.start, f.end) : null));
    }
  }
}
