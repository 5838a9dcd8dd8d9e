// Edits a loaded page the way real pages change between visits, keeping the ground-truth ids in
// step: about 1 % of characters inserted or deleted, words replaced inside some highlights'
// context, a paragraph inserted at the top, text nodes split, inline elements unwrapped so that
// their text joins its neighbours.

import { seededRandom, visibleTextNodes } from './page-tools';
import type { Ids, Truth } from './truth';

const EDIT_RATE = 0.01;
const CONTEXT_EDIT_SHARE = 0.2;
const SPLIT_SHARE = 0.15;
const UNWRAP_SHARE = 0.25;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const INLINE = 'a, em, strong, code, span, b, i, tt, kbd, var';

function randomWord(random: () => number): string {
  const length = 3 + Math.floor(random() * 6);
  let word = '';
  for (let i = 0; i < length; i++) word += LETTERS[Math.floor(random() * LETTERS.length)];
  return word;
}

function setText(ids: Ids, node: Text, data: string, own: Int32Array): void {
  ids.delete(node);
  node.data = data;
  ids.set(node, own);
}

/** Where original id `id` sits now: its node found by the nodes' original first ids. */
function locate(nodes: readonly Text[], firsts: readonly number[], ids: Ids, id: number) {
  let lo = 0;
  let hi = nodes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((firsts[mid] ?? 0) <= id) lo = mid;
    else hi = mid - 1;
  }
  const node = nodes[lo];
  const at = node ? (ids.get(node)?.indexOf(id) ?? -1) : -1;
  return node && at >= 0 ? ([node, at] as const) : null;
}

/**
 * Replaces the word at `at`, unless it reaches into a highlight (`inside` tells): rewording a
 * quote is what the character edits do, this edit changes context only.
 */
function replaceWordAt(
  ids: Ids,
  node: Text,
  at: number,
  inside: (id: number) => boolean,
  random: () => number,
): void {
  const { data } = node;
  let from = at;
  let to = at;
  while (from > 0 && /\w/.test(data.charAt(from - 1))) from--;
  while (to < data.length && /\w/.test(data.charAt(to))) to++;
  if (to - from < 2) return;
  const own = ids.get(node) ?? new Int32Array(data.length);
  if (own.subarray(from, to).some(inside)) return;
  const word = randomWord(random);
  const next = new Int32Array(own.length - (to - from) + word.length);
  next.set(own.subarray(0, from));
  next.fill(-1, from, from + word.length);
  next.set(own.subarray(to), from + word.length);
  setText(ids, node, data.slice(0, from) + word + data.slice(to), next);
}

function editContexts(root: Element, truth: Truth, random: () => number): void {
  const nodes = visibleTextNodes(root).filter((n) => (truth.ids.get(n)?.length ?? 0) > 0);
  const firsts = nodes.map((n) => truth.ids.get(n)?.[0] ?? 0);
  const covered = new Uint8Array(truth.text.length);
  for (const span of truth.spans) covered.fill(1, span.start, span.end);
  const inside = (id: number): boolean => id >= 0 && covered[id] === 1;
  for (const span of truth.spans) {
    if (random() >= CONTEXT_EDIT_SHARE) continue;
    const id = random() < 0.5 ? span.start - 6 : span.end + 6;
    const where = locate(nodes, firsts, truth.ids, id);
    if (where) replaceWordAt(truth.ids, where[0], where[1], inside, random);
  }
}

function editCharacters(root: Element, ids: Ids, random: () => number): void {
  for (const node of visibleTextNodes(root)) {
    if (node.data.trim() === '') continue;
    const own = ids.get(node) ?? new Int32Array(node.length).fill(-1);
    const chars: string[] = [];
    const kept: number[] = [];
    let changed = false;
    for (let i = 0; i < node.length; i++) {
      const roll = random();
      if (roll < EDIT_RATE / 2) {
        changed = true;
        continue; // deleted
      }
      if (roll < EDIT_RATE) {
        chars.push(LETTERS[Math.floor(random() * LETTERS.length)] ?? 'x');
        kept.push(-1);
        changed = true;
      }
      chars.push(node.data.charAt(i));
      kept.push(own[i] ?? -1);
    }
    if (changed) setText(ids, node, chars.join(''), Int32Array.from(kept));
  }
}

function insertParagraphAtTop(root: Element, random: () => number): void {
  const words = Array.from({ length: 90 }, () => randomWord(random));
  const p = document.createElement('p');
  p.textContent = `New on this page: ${words.join(' ')}.`;
  root.prepend(p);
}

function splitNodes(root: Element, ids: Ids, random: () => number): void {
  for (const node of visibleTextNodes(root)) {
    if (node.length < 2 || random() >= SPLIT_SHARE) continue;
    const at = 1 + Math.floor(random() * (node.length - 1));
    const own = ids.get(node);
    const tail = node.splitText(at);
    if (own) {
      ids.set(node, own.slice(0, at));
      ids.set(tail, own.slice(at));
    }
  }
}

function joinText(ids: Ids, parent: Node): void {
  for (let child = parent.firstChild; child; child = child.nextSibling) {
    while (child.nodeType === Node.TEXT_NODE && child.nextSibling?.nodeType === Node.TEXT_NODE) {
      const first = child as Text;
      const second = child.nextSibling as Text;
      const a = ids.get(first) ?? new Int32Array(first.length).fill(-1);
      const b = ids.get(second) ?? new Int32Array(second.length).fill(-1);
      const joined = new Int32Array(a.length + b.length);
      joined.set(a);
      joined.set(b, a.length);
      ids.delete(second);
      second.remove();
      setText(ids, first, first.data + second.data, joined);
    }
  }
}

function unwrapInlines(root: Element, ids: Ids, random: () => number): void {
  for (const el of root.querySelectorAll(INLINE)) {
    if (random() >= UNWRAP_SHARE || el.children.length > 0) continue;
    const parent = el.parentNode;
    if (!parent) continue;
    el.replaceWith(...el.childNodes);
    joinText(ids, parent);
  }
}

export function editPage(root: Element, truth: Truth, seed: number): void {
  const random = seededRandom(seed);
  editContexts(root, truth, random);
  editCharacters(root, truth.ids, random);
  insertParagraphAtTop(root, random);
  splitNodes(root, truth.ids, random);
  unwrapInlines(root, truth.ids, random);
}
