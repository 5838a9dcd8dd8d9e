// How much a place in the text looks like where a highlight was. The quote and the context on
// each side are the evidence that this is the same passage; closeness to the expected position
// then ranks the candidates, so that an exact copy of a repeated code example far away loses to a
// near-exact match where the quote is expected, and between equally good candidates the nearer
// one wins. An empty stored context is no evidence either way (other tools may leave it out): it
// drops out of the weighing instead of counting as a perfect match. Weak evidence is refused
// outright, because a wrong anchor is worse than none.

import { similarity } from './edit-distance';

export interface Quote {
  exact: string;
  prefix: string;
  suffix: string;
}

export interface Candidate {
  start: number;
  end: number;
  errors: number;
}

export interface Scored extends Candidate {
  /** How well quote and context match, 0..1. */
  evidence: number;
  quoteSimilarity: number;
  /** Evidence plus the bonus for closeness; the higher wins. */
  rank: number;
  /** Characters from the expected position (Infinity without one): breaks a tie in rank. */
  distance: number;
  /**
   * Another candidate elsewhere is exactly as good and, without a position, nothing tells them
   * apart: picking one would be a guess (a quote alone, with no context, that the page repeats).
   */
  tied?: boolean;
}

const WEIGHT_QUOTE = 50;
const WEIGHT_PREFIX = 20;
const WEIGHT_SUFFIX = 20;
/** A quote shorter than this says less than its context: its weight shrinks with its length. */
const FULL_WEIGHT_LENGTH = 32;
/** Bonus for a candidate exactly at the expected position. */
const POSITION_BONUS = 0.3;
/** Drift noise: within this distance of the expected position, every candidate is as close. */
const POSITION_TOLERANCE = 64;
/** Distance beyond the tolerance at which the position bonus has halved. */
const POSITION_HALF_LIFE = 256;

/** Below these a candidate is refused. */
const MIN_EVIDENCE = 0.8;
/** A candidate far from where the quote is expected needs its context nearly intact. */
export const MIN_FAR_EVIDENCE = 0.9;
const MIN_QUOTE_SIMILARITY = 0.8;
/**
 * An intact quote where the position says needs less from its context: the place confirms it. So
 * a quote at the very start of a page, whose empty prefix is no evidence, survives an edit to the
 * suffix, as it did when an empty prefix counted as a match.
 */
const MIN_EVIDENCE_IN_PLACE = 0.7;
/** A candidate ranked this high cannot lose to a copy outside the search window. */
export const CONFIDENT_RANK = 1.0;

function closeness(start: number, expected: number | undefined): number {
  if (expected === undefined) return 0;
  const beyond = Math.max(0, Math.abs(start - expected) - POSITION_TOLERANCE);
  return 1 / (1 + beyond / POSITION_HALF_LIFE);
}

/** A side's weight, or none when the stored context on that side is empty. */
function contextWeight(weight: number, stored: string): number {
  return stored.length === 0 ? 0 : weight;
}

export function score(
  text: string,
  quote: Quote,
  candidate: Candidate,
  expected: number | undefined,
): Scored {
  const { start, end } = candidate;
  const quoteSimilarity = 1 - candidate.errors / Math.max(1, quote.exact.length);
  const before = text.slice(Math.max(0, start - quote.prefix.length), start);
  const after = text.slice(end, end + quote.suffix.length);
  const quoteWeight = WEIGHT_QUOTE * Math.min(1, quote.exact.length / FULL_WEIGHT_LENGTH);
  const prefixWeight = contextWeight(WEIGHT_PREFIX, quote.prefix);
  const suffixWeight = contextWeight(WEIGHT_SUFFIX, quote.suffix);
  const evidence =
    (quoteWeight * quoteSimilarity +
      prefixWeight * similarity(quote.prefix, before) +
      suffixWeight * similarity(quote.suffix, after)) /
    (quoteWeight + prefixWeight + suffixWeight);
  const rank = evidence + POSITION_BONUS * closeness(start, expected);
  const distance = expected === undefined ? Infinity : Math.abs(start - expected);
  return { ...candidate, evidence, quoteSimilarity, rank, distance };
}

export function acceptable(best: Scored | null): best is Scored {
  if (best === null || best.quoteSimilarity < MIN_QUOTE_SIMILARITY) return false;
  const inPlace = best.errors === 0 && best.distance <= POSITION_TOLERANCE;
  return best.evidence >= (inPlace ? MIN_EVIDENCE_IN_PLACE : MIN_EVIDENCE);
}

/** An acceptable candidate that no other one equals: the only kind ever placed. */
export const decisive = (best: Scored | null): best is Scored =>
  acceptable(best) && best.tied !== true;

const apart = (a: Candidate, b: Candidate): boolean => a.end <= b.start || b.end <= a.start;

/** The better-ranked of two candidates, preferring acceptable ones. */
export function better(a: Scored | null, b: Scored | null): Scored | null {
  if (!a) return b;
  if (!b) return a;
  if (acceptable(a) !== acceptable(b)) return acceptable(a) ? a : b;
  if (b.rank !== a.rank) return b.rank > a.rank ? b : a;
  if (b.distance !== a.distance) return b.distance < a.distance ? b : a;
  // Equal in everything: with a position both are equally near, and the first found stays, as
  // it always has; with none, two places alike are a guess.
  const guess = a.distance === Infinity && apart(a, b);
  return guess && a.tied !== true ? { ...a, tied: true } : a;
}
