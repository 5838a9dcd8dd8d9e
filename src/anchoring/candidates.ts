// The searches that propose candidates for a quote, each scored (score.ts): exact copies, fuzzy
// matches of the quote, fuzzy matches of the quote with its context, over a span of the text or,
// in chunks that leave room to yield, all of it.
//
// approx-string-match reports only the matches with the fewest errors, so an exact copy nearby
// hides an edited original; callers therefore search close by first (where copies rarely are) and
// with context (where copies differ).

import search from 'approx-string-match';
import { better, score, type Candidate, type Quote, type Scored } from './score';
import type { Steps } from './steps';

/** Fuzzy matches may differ from the quote in at most this share of its characters... */
const MAX_ERROR_RATE = 0.2;
/** ...and the context in at most this share of its characters. */
const MAX_CONTEXT_ERROR_RATE = 0.5;
/** Text searched between two chances to yield. */
const CHUNK = 65536;
const EXACT_PER_STEP = 512;

function maxErrors(quote: Quote): number {
  return Math.floor(quote.exact.length * MAX_ERROR_RATE);
}

/** Exact copies of the quote in [from, to); searched in a slice so that a miss stays cheap. */
export function* exactIn(
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

export function fuzzyIn(
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
export function withContextIn(
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

/** One search over the whole text, a chunk per step; chunks overlap by what a match can span. */
function* inChunks(
  text: string,
  overlap: number,
  searchIn: (from: number, to: number) => Scored | null,
): Steps<Scored | null> {
  let best: Scored | null = null;
  for (let from = 0; from < text.length; from += CHUNK) {
    best = better(best, searchIn(from, from + CHUNK + overlap));
    yield;
  }
  return best;
}

export function fuzzyAnywhere(
  text: string,
  quote: Quote,
  expected: number | undefined,
): Steps<Scored | null> {
  const overlap = quote.exact.length + maxErrors(quote);
  return inChunks(text, overlap, (from, to) => fuzzyIn(text, quote, from, to, expected));
}

/** withContextIn over the whole text: where no position says where to look. */
export function withContextAnywhere(
  text: string,
  quote: Quote,
  expected: number | undefined,
): Steps<Scored | null> {
  const whole = quote.prefix.length + quote.exact.length + quote.suffix.length;
  const overlap = whole + maxErrors(quote) + Math.ceil(whole * MAX_CONTEXT_ERROR_RATE);
  return inChunks(text, overlap, (from, to) => withContextIn(text, quote, from, to, expected));
}
