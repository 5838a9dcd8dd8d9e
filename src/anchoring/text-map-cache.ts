// describe must cost what the range costs, not what the page costs, yet a position selector needs
// the text before the range. So the text map of a root is kept until its subtree changes: a
// MutationObserver marks it stale, and takeRecords() catches changes made since the last task.

import { buildTextMap, buildTextMapNow, type TextMap } from './text-map';
import type { Slicer } from './steps';

interface Watch {
  observer: MutationObserver | null;
  changed: boolean;
}

interface Entry {
  map: TextMap;
  watch: Watch;
}

const cache = new WeakMap<Element, Entry>();

const OBSERVED: MutationObserverInit = { childList: true, characterData: true, subtree: true };

function changedSince(watch: Watch): boolean {
  if (watch.observer && watch.observer.takeRecords().length > 0) watch.changed = true;
  return watch.changed || watch.observer === null;
}

/** Starts watching before the walk, so that changes made while it runs are not missed. */
function watch(root: Element): Watch {
  const state: Watch = { observer: null, changed: false };
  if (typeof MutationObserver === 'undefined') return state;
  state.observer = new MutationObserver(() => {
    state.changed = true;
    state.observer?.disconnect();
    if (cache.get(root)?.watch === state) cache.delete(root);
  });
  state.observer.observe(root, OBSERVED);
  return state;
}

function fresh(root: Element): TextMap | null {
  const entry = cache.get(root);
  if (!entry) return null;
  if (!changedSince(entry.watch)) return entry.map;
  entry.watch.observer?.disconnect();
  cache.delete(root);
  return null;
}

function remember(root: Element, map: TextMap, state: Watch): TextMap {
  if (changedSince(state)) state.observer?.disconnect();
  else cache.set(root, { map, watch: state });
  return map;
}

export function textMapOf(root: Element): TextMap {
  const known = fresh(root);
  if (known) return known;
  const state = watch(root);
  return remember(root, buildTextMapNow(root), state);
}

export async function textMapOfSliced(root: Element, slicer: Slicer): Promise<TextMap> {
  const known = fresh(root);
  if (known) return known;
  const state = watch(root);
  return remember(root, await slicer.run(buildTextMap(root)), state);
}

/** Whether the map still describes the DOM (false once anything under its root changed). */
export function isCurrent(map: TextMap): boolean {
  // Without MutationObserver nothing tells; starting over would not tell either.
  if (typeof MutationObserver === 'undefined') return true;
  return fresh(map.root) === map;
}
