// Tells whether a highlighted passage is still where it was expected, only edited: its context
// still stands there with room for the quote between. Then an exact copy of the quote elsewhere —
// repeated text — is not the passage, and leaving the highlight unplaced beats moving it there.

import type { Quote } from './score';

/** Pieces of each context looked for (two per side, so one edit in a piece is forgiven). */
const PROBE = 8;

/** Where, in `area`, a piece of the prefix ends: each place the quote could start after it. */
function* quoteStartsAfterPrefix(area: string, prefix: string): Generator<number> {
  for (const back of [0, PROBE]) {
    const probe = prefix.slice(prefix.length - back - PROBE, prefix.length - back);
    if (probe.length < PROBE) continue;
    for (let at = area.indexOf(probe); at !== -1; at = area.indexOf(probe, at + 1)) {
      yield at + probe.length + back;
    }
  }
}

/** Where, in `area` after `from`, a piece of the suffix says the quote ends (-1 if nowhere). */
function quoteEndBeforeSuffix(area: string, suffix: string, from: number): number {
  for (const skip of [0, PROBE]) {
    const probe = suffix.slice(skip, skip + PROBE);
    if (probe.length < PROBE) continue;
    const at = area.indexOf(probe, from);
    if (at !== -1) return at - skip;
  }
  return -1;
}

/**
 * Whether the quote's context still stands around the expected position with room for the quote
 * between: then the passage is still here, only edited, and a copy elsewhere is not it.
 */
export function contextStillHere(
  text: string,
  quote: Quote,
  expected: number,
  reach: number,
): boolean {
  const { length } = quote.exact;
  const area = text.slice(Math.max(0, expected - reach), expected + length + reach);
  for (const start of quoteStartsAfterPrefix(area, quote.prefix)) {
    const end = quoteEndBeforeSuffix(area, quote.suffix, start);
    const gap = end - start;
    if (end !== -1 && gap >= length / 2 - 8 && gap <= length * 2 + 16) return true;
  }
  return false;
}
