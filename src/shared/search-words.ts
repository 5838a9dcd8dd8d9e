// The words Trailmark searches by, shared by the index that storage keeps and the pages that mark
// matches in what they show: both must cut and fold text the same way or a hit would not light up.

/** Longer words are cut here: enough to tell words apart, short enough to keep index keys small. */
export const MAX_WORD_LENGTH = 32;
/** A 20 000-character quote has a few thousand words; more than this is not worth indexing. */
export const MAX_WORDS_PER_RECORD = 4000;

const WORD = /[\p{L}\p{N}]+/gu;
const MARKS = /\p{M}/gu;

/** Lower case without accents, so "Résumé" is found by "resume". */
export const foldWord = (word: string): string =>
  word.normalize('NFKD').replace(MARKS, '').toLowerCase().slice(0, MAX_WORD_LENGTH);

/** The distinct folded words of some texts, in first-seen order. */
export function wordsOf(...texts: readonly string[]): string[] {
  const words = new Set<string>();
  for (const text of texts) {
    for (const match of text.matchAll(WORD)) {
      words.add(foldWord(match[0]));
      if (words.size >= MAX_WORDS_PER_RECORD) return [...words];
    }
  }
  return [...words];
}

/** The terms of a query: each is matched as a word prefix, and a record must match them all. */
export const queryTerms = (query: string): string[] => wordsOf(query);

/** Whether some word starts with the term. */
export const hasPrefix = (words: readonly string[], term: string): boolean =>
  words.some((word) => word.startsWith(term));

export interface TextPart {
  text: string;
  match: boolean;
}

/** Splits a text into runs, marking the words a query's terms matched. */
export function markMatches(text: string, terms: readonly string[]): TextPart[] {
  if (terms.length === 0) return [{ text, match: false }];
  const parts: TextPart[] = [];
  let last = 0;
  for (const found of text.matchAll(WORD)) {
    const word = foldWord(found[0]);
    if (!terms.some((term) => word.startsWith(term))) continue;
    if (found.index > last) parts.push({ text: text.slice(last, found.index), match: false });
    parts.push({ text: found[0], match: true });
    last = found.index + found[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), match: false });
  return parts;
}
