// Finds one quote in the page text, cheapest evidence first: exactly at the expected position;
// then candidates around it — exact copies, fuzzy matches of the quote close by, and fuzzy
// matches of the quote with its context a little further; only if none is convincing, exact
// copies anywhere and finally a fuzzy search of the whole text. Every candidate is scored the
// same way, so a far exact copy and a near fuzzy match compete on equal terms.
//
// approx-string-match reports only the matches with the fewest errors, so an exact copy nearby
// hides an edited original. Hence the close search (where copies rarely are) and the search with
// context (where copies differ).

import search from 'approx-string-match';
import {
  acceptable,
  better,
  CONFIDENT_RANK,
  MIN_FAR_EVIDENCE,
  score,
  type Candidate,
  type Quote,
  type Scored,
} from './score';
import type { Steps } from './steps';

/** Characters searched on each side of the expected position before looking further. */
export const WINDOW = 1024;
/** The close search: where drift noise puts an edited original. */
const CLOSE = 128;
/** Fuzzy matches may differ from the quote in at most this share of its characters... */
const MAX_ERROR_RATE = 0.2;
/** ...and the context in at most this share of its characters. */
const MAX_CONTEXT_ERROR_RATE = 0.5;
/** Quotes shorter than this are never matched fuzzily across the whole text: too many hits. */
const MIN_FUZZY_ANYWHERE = 12;
/** Text searched between two chances to yield. */
const CHUNK = 65536;
const EXACT_PER_STEP = 512;
/** Pieces of each context looked for around the expected place (two, so one edit is forgiven). */
const CONTEXT_PROBE = 8;

export interface Found {
  start: number;
  end: number;
}

function maxErrors(quote: Quote): number {
  return Math.floor(quote.exact.length * MAX_ERROR_RATE);
}

function contextMatches(text: string, quote: Quote, start: number): boolean {
  const end = start + quote.exact.length;
  return (
    text.startsWith(quote.prefix, start - quote.prefix.length) && text.startsWith(quote.suffix, end)
  );
}

/** Exact copies of the quote in [from, to); searched in a slice so that a miss stays cheap. */
function* exactIn(
  text: string,
  quote: Quote,
  from: number,
  to: number,
  expected: number | undefined,
): Steps<Scored | null> {
  const lo = Math.max(0, from);
  const slice = lo === 0 && to >= text.length ? text : text.slice(lo, to);
  const { length } = quote.exact;
  let best: Scored | null = null;
  let seen = 0;
  for (let at = slice.indexOf(quote.exact); at !== -1; at = slice.indexOf(quote.exact, at + 1)) {
    const start = lo + at;
    best = better(best, score(text, quote, { start, end: start + length, errors: 0 }, expected));
    if (++seen % EXACT_PER_STEP === 0) yield;
  }
  return best;
}

function fuzzyIn(
  text: string,
  quote: Quote,
  from: number,
  to: number,
  expected: number | undefined,
): Scored | null {
  const lo = Math.max(0, from);
  const slice = text.slice(lo, Math.min(text.length, to));
  let best: Scored | null = null;
  for (const match of search(slice, quote.exact, maxErrors(quote))) {
    const candidate: Candidate = {
      start: lo + match.start,
      end: lo + match.end,
      errors: match.errors,
    };
    best = better(best, score(text, quote, candidate, expected));
  }
  return best;
}

/** Fuzzy matches of prefix + quote + suffix, then the quote located inside each. */
function withContextIn(
  text: string,
  quote: Quote,
  from: number,
  to: number,
  expected: number | undefined,
): Scored | null {
  const contextLength = quote.prefix.length + quote.suffix.length;
  if (contextLength === 0) return null;
  const whole = quote.prefix + quote.exact + quote.suffix;
  const budget = maxErrors(quote) + Math.floor(contextLength * MAX_CONTEXT_ERROR_RATE);
  const lo = Math.max(0, from);
  const slice = text.slice(lo, Math.min(text.length, to));
  let best: Scored | null = null;
  for (const match of search(slice, whole, budget)) {
    const slack = match.errors + 1;
    const start = lo + match.start + quote.prefix.length - slack;
    const end = lo + match.end - quote.suffix.length + slack;
    best = better(best, fuzzyIn(text, quote, start, end, expected));
  }
  return best;
}

function* fuzzyAnywhere(
  text: string,
  quote: Quote,
  expected: number | undefined,
): Steps<Scored | null> {
  const overlap = quote.exact.length + maxErrors(quote);
  let best: Scored | null = null;
  for (let from = 0; from < text.length; from += CHUNK) {
    best = better(best, fuzzyIn(text, quote, from, from + CHUNK + overlap, expected));
    yield;
  }
  return best;
}

/** Evidence so strong near the expected position that no search further away is needed. */
const CLOSE_ENOUGH = 0.95;

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

/** Where, in `area`, a piece of the prefix ends: each place the quote could start after it. */
function* quoteStartsAfterPrefix(area: string, prefix: string): Generator<number> {
  for (const back of [0, CONTEXT_PROBE]) {
    const probe = prefix.slice(prefix.length - back - CONTEXT_PROBE, prefix.length - back);
    if (probe.length < CONTEXT_PROBE) continue;
    for (let at = area.indexOf(probe); at !== -1; at = area.indexOf(probe, at + 1)) {
      yield at + probe.length + back;
    }
  }
}

/** Where, in `area` after `from`, a piece of the suffix says the quote ends (-1 if nowhere). */
function quoteEndBeforeSuffix(area: string, suffix: string, from: number): number {
  for (const skip of [0, CONTEXT_PROBE]) {
    const probe = suffix.slice(skip, skip + CONTEXT_PROBE);
    if (probe.length < CONTEXT_PROBE) continue;
    const at = area.indexOf(probe, from);
    if (at !== -1) return at - skip;
  }
  return -1;
}

/**
 * Whether the quote's context still stands around the expected position with room for the quote
 * between: then the passage is still here, only edited, and a copy elsewhere is not it.
 */
function contextStillHere(text: string, quote: Quote, expected: number): boolean {
  const { length } = quote.exact;
  const area = text.slice(Math.max(0, expected - WINDOW), expected + length + WINDOW);
  for (const start of quoteStartsAfterPrefix(area, quote.prefix)) {
    const end = quoteEndBeforeSuffix(area, quote.suffix, start);
    const gap = end - start;
    if (end !== -1 && gap >= length / 2 - 8 && gap <= length * 2 + 16) return true;
  }
  return false;
}

/** A far candidate must have strong evidence, and the passage must not still be here. */
function farEnough(text: string, quote: Quote, far: Scored, expected: number): boolean {
  return far.evidence >= MIN_FAR_EVIDENCE && !contextStillHere(text, quote, expected);
}

function isFar(candidate: Scored, expected: number | undefined): boolean {
  return expected !== undefined && Math.abs(candidate.start - expected) > WINDOW;
}

function* anywhere(text: string, quote: Quote, expected: number | undefined): Steps<Scored | null> {
  let best = yield* exactIn(text, quote, 0, text.length, expected);
  if (!acceptable(best) && quote.exact.length >= MIN_FUZZY_ANYWHERE) {
    best = better(best, yield* fuzzyAnywhere(text, quote, expected));
  }
  return best;
}

export function* locate(
  text: string,
  quote: Quote,
  expected: number | undefined,
): Steps<Found | null> {
  if (quote.exact.length === 0) return null;
  if (expected !== undefined && text.startsWith(quote.exact, expected)) {
    if (contextMatches(text, quote, expected)) {
      return { start: expected, end: expected + quote.exact.length };
    }
  }
  let near: Scored | null = null;
  if (expected !== undefined) {
    near = yield* nearby(text, quote, expected);
    if (acceptable(near) && near.rank >= CONFIDENT_RANK)
      return { start: near.start, end: near.end };
  }
  let best = better(near, yield* anywhere(text, quote, expected));
  if (best && isFar(best, expected) && !farEnough(text, quote, best, expected ?? 0)) best = near;
  return acceptable(best) ? { start: best.start, end: best.end } : null;
}
