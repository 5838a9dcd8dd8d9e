// A reimplementation, written for this bench from the published idea, of how the Hypothesis
// client re-attaches a highlight: one at a time, take the page's whole textContent, look for the
// quote exactly and, failing that, approximately over the whole text (approx-string-match, up to
// half the quote's length in errors), score every match on quote, prefix, suffix and distance
// from the stored position, and take the best. There is no minimum score.

import search from 'approx-string-match';
import { rangeFromRawOffsets, type RawSelectors } from './raw-text';

const WEIGHT_QUOTE = 50;
const WEIGHT_PREFIX = 20;
const WEIGHT_SUFFIX = 20;
const WEIGHT_POSITION = 2;

interface Match {
  start: number;
  end: number;
  errors: number;
}

function exactMatches(text: string, quote: string): Match[] {
  const found: Match[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    found.push({ start: at, end: at + quote.length, errors: 0 });
  }
  return found;
}

/** 1 when `context` appears unchanged in `text`, less for each edit needed. */
function contextScore(text: string, context: string): number {
  if (context.length === 0) return 1;
  const matches = search(text, context, Math.floor(context.length / 2));
  if (matches.length === 0) return 0;
  const fewest = Math.min(...matches.map((m) => m.errors));
  return 1 - fewest / context.length;
}

function findQuote(text: string, selectors: RawSelectors): Match | null {
  const { exact, prefix, suffix } = selectors.quote;
  if (exact.length === 0) return null;
  let matches = exactMatches(text, exact);
  if (matches.length === 0) {
    matches = search(text, exact, Math.min(256, Math.floor(exact.length / 2)));
  }
  let best: Match | null = null;
  let bestScore = -Infinity;
  for (const match of matches) {
    const total =
      WEIGHT_QUOTE * (1 - match.errors / exact.length) +
      WEIGHT_PREFIX *
        contextScore(text.slice(Math.max(0, match.start - prefix.length), match.start), prefix) +
      WEIGHT_SUFFIX * contextScore(text.slice(match.end, match.end + suffix.length), suffix) +
      WEIGHT_POSITION * (1 - Math.abs(match.start - selectors.position.start) / text.length);
    if (total > bestScore) {
      bestScore = total;
      best = match;
    }
  }
  return best;
}

export function anchorLikeHypothesis(root: Element, selectors: RawSelectors): Range | null {
  const match = findQuote(root.textContent ?? '', selectors);
  return match ? rangeFromRawOffsets(root, match.start, match.end) : null;
}
