// Evidence grouped by article, as the 1:1 brief and the evidence pack both write it: each article
// named once with its link, the reader's own notes first, then its quotes, each with its note and
// the tags that may be printed. An article linked with neither a note nor a highlight was read,
// not used as evidence, and is listed apart. One writer, so the two exports never drift apart.
import { isoDay, mdLink, mdQuote, mdText } from './markdown';

/** One linked piece of evidence: a highlight, or a whole article (`highlight` null). */
export interface ArticleItem {
  linkNote: string;
  page: { id: string; title: string; url: string };
  highlight: { quote: string; note: string; tagIds: readonly string[] } | null;
  readAt: number;
}

/** An article with everything linked from it, in reading order. */
export interface ArticleGroup {
  page: ArticleItem['page'];
  notes: string[];
  highlights: NonNullable<ArticleItem['highlight']>[];
  firstReadAt: number;
}

/** Groups evidence by article, oldest first; an article's notes come from its links. */
export function groupByArticle(items: readonly ArticleItem[]): ArticleGroup[] {
  const groups = new Map<string, ArticleGroup>();
  for (const item of [...items].sort((a, b) => a.readAt - b.readAt)) {
    const group = groups.get(item.page.id) ?? {
      page: item.page,
      notes: [],
      highlights: [],
      firstReadAt: item.readAt,
    };
    if (item.linkNote.trim()) group.notes.push(item.linkNote.trim());
    if (item.highlight) group.highlights.push(item.highlight);
    groups.set(item.page.id, group);
  }
  return [...groups.values()];
}

/** An article linked with neither a note nor a highlight was read, not used as evidence. */
export const isEvidence = (group: ArticleGroup): boolean =>
  group.notes.length > 0 || group.highlights.length > 0;

/** `[title](url)`, or the title alone when the address is not a web one. */
export const articleLink = (page: { title: string; url: string }): string =>
  mdLink(page.title || page.url, page.url);

/** "Tags: Solver, Mentoring" over the tags that may be printed, or null when none may. */
export function tagsLine(
  tagIds: readonly string[],
  names: ReadonlyMap<string, string>,
): string | null {
  const shown = tagIds.flatMap((id) => (names.has(id) ? [mdText(names.get(id) as string)] : []));
  return shown.length > 0 ? `Tags: ${shown.join(', ')}` : null;
}

/** One quote with the reader's note before it and its printable tags after. */
export function highlightBlock(
  highlight: NonNullable<ArticleItem['highlight']>,
  names: ReadonlyMap<string, string>,
): string[] {
  const lines: string[] = [];
  if (highlight.note.trim()) lines.push(`**My note:** ${mdText(highlight.note)}`, '');
  lines.push(mdQuote(highlight.quote), '');
  const tags = tagsLine(highlight.tagIds, names);
  if (tags) lines.push(tags, '');
  return lines;
}

export interface ArticleOptions {
  /** Markdown heading level of the article's name. */
  level: number;
  /** Write the day the article was first read as evidence under its name. */
  dated?: boolean;
}

/** One article: its name as a link, once, then the notes, then the quotes. */
export function articleBlock(
  group: ArticleGroup,
  names: ReadonlyMap<string, string>,
  { level, dated = false }: ArticleOptions,
): string[] {
  const lines = [`${'#'.repeat(level)} ${articleLink(group.page)}`, ''];
  if (dated) lines.push(`_${isoDay(group.firstReadAt)}_`, '');
  for (const note of group.notes) lines.push(`**My note:** ${mdText(note)}`, '');
  for (const h of group.highlights) lines.push(...highlightBlock(h, names));
  return lines;
}

/** The articles only read, one link a line. */
export const readingList = (groups: readonly ArticleGroup[]): string[] =>
  groups.map((g) => `- ${articleLink(g.page)}`);
