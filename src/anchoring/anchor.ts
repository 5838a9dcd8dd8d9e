// Re-attaches highlights. anchorAll builds the text once for all of a page's highlights and
// visits them in the order of their stored positions, so that the drift each one shows (text
// inserted or removed before it) sharpens the expected position of the next (find.ts).

import { find, Hints } from './find';
import type { Found } from './locate';
import { targetOf, type Target } from './read-selectors';
import { runToEnd, Slicer } from './steps';
import { rangeAt, type TextMap } from './text-map';
import { isCurrent, textMapOf, textMapOfSliced } from './text-map-cache';
import type { AnySelector } from './types';

/** Times anchorAll starts over when the page changes under it while it yields. */
const MAX_RESTARTS = 2;

export function anchor(root: Element, selectors: readonly AnySelector[]): Range | null {
  const map = textMapOf(root);
  const found = runToEnd(find(map, targetOf(selectors), new Hints()));
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
  const hints = new Hints();
  for (const i of visitOrder(targets)) {
    const target = targets[i];
    if (!target) continue;
    found[i] = await slicer.run(find(map, target, hints));
    await slicer.pause();
  }
  return { map, found };
}

export async function anchorAll(
  root: Element,
  selectorsList: readonly (readonly AnySelector[])[],
): Promise<(Range | null)[]> {
  const targets = Array.from(selectorsList, targetOf);
  const slicer = new Slicer();
  for (let attempt = 0; ; attempt++) {
    const { map, found } = await anchorAllOnce(root, targets, slicer);
    if (isCurrent(map) || attempt >= MAX_RESTARTS) {
      return found.map((f) => (f ? rangeAt(map, f.start, f.end) : null));
    }
  }
}
