// Finds one quote in the page text, cheapest evidence first: exactly at the expected position;
// then candidates around it — close by first, then a wider window; only if none is convincing,
// exact copies anywhere and finally fuzzy searches of the whole text, of the quote and then of the
// quote in its context (which tells an edited passage from a closer copy). Every candidate is scored
// the same way, so a far exact copy and a near fuzzy match compete on equal terms; a far one must
// also have strong evidence and must not be a copy of a passage that is still here, edited.

import { exactIn, fuzzyAnywhere, fuzzyIn, withContextAnywhere, withContextIn } from './candidates';
import { contextStillHere } from './context-in-place';
import {
  acceptable,
  better,
  CONFIDENT_RANK,
  decisive,
  MIN_FAR_EVIDENCE,
  type Quote,
  type Scored,
} from './score';
import type { Steps } from './steps';

/** Characters searched on each side of the expected position before looking further. */
export const WINDOW = 1024;
/** The close search: where drift noise puts an edited original. */
const CLOSE = 128;
/** Evidence so strong close by that no search further away is needed. */
const CLOSE_ENOUGH = 0.95;
/** Quotes shorter than this are never matched fuzzily across the whole text: too many hits. */
const MIN_FUZZY_ANYWHERE = 12;

export interface Found {
  start: number;
  end: number;
}

function contextMatches(text: string, quote: Quote, start: number): boolean {
  const end = start + quote.exact.length;
  return (
    text.startsWith(quote.prefix, start - quote.prefix.length) && text.startsWith(quote.suffix, end)
  );
}

function settled(best: Scored | null): boolean {
  return acceptable(best) && best.evidence >= CLOSE_ENOUGH && best.rank >= CONFIDENT_RANK;
}

/** Close by first, where nearly every quote is; the wider window only if that is not enough. */
function* nearby(text: string, quote: Quote, expected: number): Steps<Scored | null> {
  const { length } = quote.exact;
  let best = yield* exactIn(
    text,
    quote,
    Math.max(0, expected - CLOSE),
    expected + length + CLOSE,
    expected,
  );
  if (settled(best)) return best;
  best = better(best, fuzzyIn(text, quote, expected - CLOSE, expected + length + CLOSE, expected));
  if (settled(best)) return best;
  const from = expected - WINDOW;
  const to = expected + length + WINDOW;
  best = better(best, yield* exactIn(text, quote, Math.max(0, from), to, expected));
  best = better(best, withContextIn(text, quote, from, to, expected));
  return better(best, fuzzyIn(text, quote, from, to, expected));
}

/** A far candidate must have strong evidence, and the passage must not still be here. */
function farEnough(text: string, quote: Quote, far: Scored, expected: number): boolean {
  return far.evidence >= MIN_FAR_EVIDENCE && !contextStillHere(text, quote, expected, WINDOW);
}

function isFar(candidate: Scored, expected: number | undefined): boolean {
  return expected !== undefined && Math.abs(candidate.start - expected) > WINDOW;
}

function* anywhere(text: string, quote: Quote, expected: number | undefined): Steps<Scored | null> {
  let best = yield* exactIn(text, quote, 0, text.length, expected);
  if (!acceptable(best) && quote.exact.length >= MIN_FUZZY_ANYWHERE) {
    best = better(best, yield* fuzzyAnywhere(text, quote, expected));
  }
  const context = quote.prefix.length + quote.suffix.length;
  if (!acceptable(best) && quote.exact.length + context >= MIN_FUZZY_ANYWHERE && context > 0) {
    best = better(best, yield* withContextAnywhere(text, quote, expected));
  }
  return best;
}

/** The quote exactly where expected, its context around it: the common case, at no search cost. */
export function exactlyAt(text: string, quote: Quote, expected: number): Found | null {
  if (!text.startsWith(quote.exact, expected) || !contextMatches(text, quote, expected))
    return null;
  return { start: expected, end: expected + quote.exact.length };
}

/** What the search around the expected position gave: a confident find, or the best near one. */
export interface NearResult {
  found: Found | null;
  near: Scored | null;
}

export function* locateNear(text: string, quote: Quote, expected: number): Steps<NearResult> {
  const at = exactlyAt(text, quote, expected);
  if (at) return { found: at, near: null };
  const near = yield* nearby(text, quote, expected);
  const confident = decisive(near) && near.rank >= CONFIDENT_RANK;
  return { found: confident ? { start: near.start, end: near.end } : null, near };
}

/** The whole text, once the search near the expected position (if any) was not enough. */
export function* locateAnywhere(
  text: string,
  quote: Quote,
  expected: number | undefined,
  near: Scored | null,
): Steps<Found | null> {
  let best = better(near, yield* anywhere(text, quote, expected));
  if (best && isFar(best, expected) && !farEnough(text, quote, best, expected ?? 0)) best = near;
  return decisive(best) ? { start: best.start, end: best.end } : null;
}

export function* locate(
  text: string,
  quote: Quote,
  expected: number | undefined,
): Steps<Found | null> {
  if (quote.exact.length === 0) return null;
  if (expected === undefined) return yield* locateAnywhere(text, quote, undefined, null);
  const { found, near } = yield* locateNear(text, quote, expected);
  return found ?? (yield* locateAnywhere(text, quote, expected, near));
}
