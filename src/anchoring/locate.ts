// Finds one quote in the page text, cheapest evidence first: exactly at the expected position,
// then exact and fuzzy matches in a window around it, then exact copies anywhere, then a fuzzy
// search of the whole text. Every candidate is scored the same way, so a far exact copy and a
// near fuzzy match compete on equal terms.

import search from 'approx-string-match';
import {
  acceptable,
  better,
  CONFIDENT_RANK,
  score,
  type Candidate,
  type Quote,
  type Scored,
} from './score';
import type { Steps } from './steps';

/** Characters searched on each side of the expected position before looking further. */
const WINDOW = 1024;
/** Fuzzy matches may differ from the quote in at most this share of its characters. */
const MAX_ERROR_RATE = 0.2;
/** Quotes shorter than this are never matched fuzzily across the whole text: too many hits. */
const MIN_FUZZY_ANYWHERE = 12;
/** Text searched between two chances to yield. */
const CHUNK = 65536;
const EXACT_PER_STEP = 2048;

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

function* exactIn(
  text: string,
  quote: Quote,
  from: number,
  to: number,
  expected: number | undefined,
): Steps<Scored | null> {
  let best: Scored | null = null;
  let seen = 0;
  const { length } = quote.exact;
  for (
    let at = text.indexOf(quote.exact, from);
    at !== -1;
    at = text.indexOf(quote.exact, at + 1)
  ) {
    if (at + length > to) break;
    best = better(best, score(text, quote, { start: at, end: at + length, errors: 0 }, expected));
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
  const slice = text.slice(from, to);
  let best: Scored | null = null;
  for (const match of search(slice, quote.exact, maxErrors(quote))) {
    const candidate: Candidate = {
      start: from + match.start,
      end: from + match.end,
      errors: match.errors,
    };
    best = better(best, score(text, quote, candidate, expected));
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
    best = better(
      best,
      fuzzyIn(text, quote, from, Math.min(text.length, from + CHUNK + overlap), expected),
    );
    yield;
  }
  return best;
}

export function* locate(
  text: string,
  quote: Quote,
  expected: number | undefined,
): Steps<Found | null> {
  if (quote.exact.length === 0) return null;
  const { length } = quote.exact;
  if (expected !== undefined && text.startsWith(quote.exact, expected)) {
    if (contextMatches(text, quote, expected)) return { start: expected, end: expected + length };
  }
  let best: Scored | null = null;
  if (expected !== undefined) {
    const from = Math.max(0, expected - WINDOW);
    const to = Math.min(text.length, expected + length + WINDOW);
    best = yield* exactIn(text, quote, from, to, expected);
    best = better(best, fuzzyIn(text, quote, from, to, expected));
    if (acceptable(best) && best.rank >= CONFIDENT_RANK)
      return { start: best.start, end: best.end };
  }
  best = better(best, yield* exactIn(text, quote, 0, text.length, expected));
  if (!acceptable(best) && length >= MIN_FUZZY_ANYWHERE) {
    best = better(best, yield* fuzzyAnywhere(text, quote, expected));
  }
  return acceptable(best) ? { start: best.start, end: best.end } : null;
}
