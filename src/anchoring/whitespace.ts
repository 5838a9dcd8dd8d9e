// Whitespace normalisation and the offsets it moves. The raw text is the text nodes' data joined,
// with a '\n' wherever a <br> or block boundary separates them; the normalised text turns every
// whitespace run into one space and trims both ends. One native replace makes the normalised
// text; a checkpoint every 64 raw characters lets either offset be turned into the other by
// scanning at most 64 characters, so a 3 M-character page needs no per-character table.

import type { Steps } from './steps';

const WHITESPACE_RUN = /[ \t\n\r\f]+/g;
const STRIDE_BITS = 6;
const STRIDE = 1 << STRIDE_BITS;
const CHARACTERS_PER_STEP = 1 << 18;

export interface Normalised {
  readonly raw: string;
  readonly text: string;
  /** 1 if a leading space was trimmed. */
  readonly lead: number;
  /** checkpoints[k]: characters the untrimmed normalised text has before raw offset k·64. */
  readonly checkpoints: Int32Array;
}

function isWhitespace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13 || code === 12;
}

/** A whitespace character is kept only as the first of its run. */
function keeps(raw: string, at: number): boolean {
  return !isWhitespace(raw.charCodeAt(at)) || at === 0 || !isWhitespace(raw.charCodeAt(at - 1));
}

/** The raw text with each whitespace run replaced by one space, a slice per step. */
function* collapseRuns(raw: string): Steps<string> {
  const pieces: string[] = [];
  let endsWithSpace = false;
  for (let from = 0; from < raw.length; from += CHARACTERS_PER_STEP) {
    let piece = raw.slice(from, from + CHARACTERS_PER_STEP).replace(WHITESPACE_RUN, ' ');
    // A run cut in two by the slicing must still become one space.
    if (endsWithSpace && piece.startsWith(' ')) piece = piece.slice(1);
    if (piece.length > 0) endsWithSpace = piece.endsWith(' ');
    pieces.push(piece);
    yield;
  }
  return pieces.join('');
}

export function* normalise(raw: string): Steps<Normalised> {
  const spaced = yield* collapseRuns(raw);
  const lead = spaced.startsWith(' ') ? 1 : 0;
  const trail = spaced.length > lead && spaced.endsWith(' ') ? 1 : 0;
  const text = spaced.slice(lead, spaced.length - trail);
  const checkpoints = new Int32Array((raw.length >> STRIDE_BITS) + 1);
  let kept = 0;
  let previousWasSpace = false;
  for (let at = 0; at < raw.length; at++) {
    if ((at & (STRIDE - 1)) === 0) {
      checkpoints[at >> STRIDE_BITS] = kept;
      if ((at & (CHARACTERS_PER_STEP - 1)) === 0 && at > 0) yield;
    }
    const space = isWhitespace(raw.charCodeAt(at));
    if (!space || !previousWasSpace) kept++;
    previousWasSpace = space;
  }
  // The loop never reaches a checkpoint that sits exactly at the end of the text.
  if ((raw.length & (STRIDE - 1)) === 0) checkpoints[raw.length >> STRIDE_BITS] = kept;
  return { raw, text, lead, checkpoints };
}

/** Offset in the normalised text of the first character at or after raw offset `at`. */
export function normalisedOffset(n: Normalised, at: number): number {
  const k = Math.min(at >> STRIDE_BITS, n.checkpoints.length - 1);
  let kept = n.checkpoints[k] ?? 0;
  for (let r = k << STRIDE_BITS; r < at && r < n.raw.length; r++) if (keeps(n.raw, r)) kept++;
  return Math.max(0, Math.min(n.text.length, kept - n.lead));
}

/** Raw offset of the character that became normalised character `offset`. */
export function rawOffset(n: Normalised, offset: number): number {
  const wanted = offset + n.lead;
  let lo = 0;
  let hi = n.checkpoints.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((n.checkpoints[mid] ?? 0) <= wanted) lo = mid;
    else hi = mid - 1;
  }
  let kept = n.checkpoints[lo] ?? 0;
  for (let r = lo << STRIDE_BITS; r < n.raw.length; r++) {
    if (!keeps(n.raw, r)) continue;
    if (kept === wanted) return r;
    kept++;
  }
  return n.raw.length;
}
