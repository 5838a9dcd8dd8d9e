// How Trailmark says how many of something there are, the same on every surface and in every
// export: "1 highlight", "4 highlights · 1 article". A saved web page is an "article" to the
// reader; the words for records and rows stay inside the code.
const NOUNS = {
  highlight: ['highlight', 'highlights'],
  article: ['article', 'articles'],
  goal: ['goal', 'goals'],
  tag: ['tag', 'tags'],
  note: ['note', 'notes'],
  item: ['item', 'items'],
  week: ['week', 'weeks'],
} as const;

export type CountNoun = keyof typeof NOUNS;

/** "1 highlight", "12,400 highlights": the number with the noun in singular or plural. */
export function countOf(n: number, noun: CountNoun): string {
  const [one, many] = NOUNS[noun];
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/**
 * Several counts in one line, "4 highlights · 1 article". Counts of zero are left out unless
 * every count is zero, so that a line never reads "0 highlights · 0 articles · 0 notes".
 */
export function countsLine(parts: readonly (readonly [number, CountNoun])[]): string {
  const shown = parts.filter(([n]) => n > 0);
  const kept = shown.length > 0 ? shown : parts.slice(0, 1);
  return kept.map(([n, noun]) => countOf(n, noun)).join(' · ');
}
export interface Counts {
  highlights?: number;
  /** Whole articles: pages saved or linked as a whole. */
  articles?: number;
}

const WORDS: [keyof Counts, CountNoun][] = [
  ['highlights', 'highlight'],
  ['articles', 'article'],
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
  const line = given.map(([key, one]) => [counts[key] ?? 0, one] as const);
  return countsLine(line);
}
