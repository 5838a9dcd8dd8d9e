// One vocabulary for counts wherever Trailmark states them — the review page, the popup and the
// exports all say "4 highlights · 1 article", never "pieces of evidence", "pages" or "records".
export interface Counts {
  highlights?: number;
  /** Whole articles: pages saved or linked as a whole. */
  articles?: number;
}

const WORDS: [keyof Counts, string, string][] = [
  ['highlights', 'highlight', 'highlights'],
  ['articles', 'article', 'articles'],
];

/** "3 highlights", "1 highlight", "1,200 highlights": a number with its word, in the reader's locale. */
export const countWord = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString()} ${n === 1 ? one : many}`;

/**
 * "4 highlights · 1 article": each kind that is given and not zero, in a fixed order. When
 * everything is zero, the first kind given is still named ("0 highlights"), so a count never
 * reads as an empty string.
 */
export function countWords(counts: Counts): string {
  const given = WORDS.filter(([key]) => counts[key] !== undefined);
  const named = given.filter(([key]) => (counts[key] ?? 0) > 0);
  const shown = named.length > 0 ? named : given.slice(0, 1);
  return shown.map(([key, one, many]) => countWord(counts[key] ?? 0, one, many)).join(' · ');
}
