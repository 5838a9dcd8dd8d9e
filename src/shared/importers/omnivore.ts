// Omnivore's export archive: `metadata_*.json` files list the saved articles (slug, url, title,
// labels, savedAt), and `highlights/<slug>.md` holds an article's highlights, each a `> quote`
// block (ending in a link back to Omnivore), then its labels as `#name` and its note. The
// article's HTML copies are not needed: highlights are placed on the live page.
import { readDate } from './import-dates';
import { ImportRefused, type ImportPlan, PlanBuilder } from './import-plan';
import { tagNames } from './readwise-markdown';
import { isRecord, stringOf } from './values';

export interface NamedText {
  name: string;
  text: string;
}

const NO_HIGHLIGHTS_FILE = 'highlight files with no article in the metadata';
const BACKLINK = /\s*\[[^\]]*\]\(https?:\/\/omnivore\.app\/[^)]*\)\s*$/;

/** Whether parsed JSON is an Omnivore metadata list. */
export function isOmnivoreMetadata(data: unknown): boolean {
  return (
    Array.isArray(data) &&
    data.length > 0 &&
    data.every((item) => isRecord(item) && typeof item.slug === 'string' && 'url' in item)
  );
}

interface Block {
  quote: string[];
  rest: string[];
}

/** The highlights of one Markdown file: quote lines, then anything until the next quote. */
function blocksOf(markdown: string): Block[] {
  const blocks: Block[] = [];
  let block: Block | null = null;
  for (const line of markdown.split(/\r?\n/)) {
    const quoted = /^>\s?(.*)$/.exec(line);
    if (quoted && (!block || block.rest.length > 0)) {
      block = { quote: [], rest: [] };
      blocks.push(block);
    }
    if (quoted && block) block.quote.push(quoted[1] ?? '');
    else if (block && line.trim()) block.rest.push(line.trim());
  }
  return blocks;
}

const isLabelLine = (line: string): boolean => /^(#[^\s#]+\s*)+$/.test(line);

const labelsOf = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.map((l) => (isRecord(l) ? stringOf(l.name) : stringOf(l))).filter(Boolean)
    : [];

const baseName = (name: string): string => (name.split('/').pop() ?? name).replace(/\.md$/i, '');

export function parseOmnivore(
  metadata: readonly unknown[],
  highlightFiles: readonly NamedText[],
  now: number,
): ImportPlan {
  const articles = metadata.flat().filter(isRecord);
  if (!isOmnivoreMetadata(articles)) {
    throw new ImportRefused('this is not Omnivore’s metadata (articles with slug and url)');
  }
  const plan = new PlanBuilder('omnivore', now);
  const bySlug = new Map(articles.map((a) => [stringOf(a.slug), a]));
  if (highlightFiles.length === 0) {
    plan.notice(
      'No highlight files came with the metadata: choose the whole export archive (.zip), or the metadata file together with the Markdown files of its highlights folder.',
    );
  }
  for (const file of highlightFiles) {
    const article = bySlug.get(baseName(file.name));
    const blocks = blocksOf(file.text);
    if (!article) {
      plan.skip(NO_HIGHLIGHTS_FILE);
      continue;
    }
    for (const block of blocks) {
      plan.add({
        url: stringOf(article.url),
        title: stringOf(article.title),
        quote: block.quote.join('\n').replace(BACKLINK, ''),
        tags: block.rest.filter(isLabelLine).flatMap(tagNames),
        note: block.rest.filter((l) => !isLabelLine(l)).join('\n'),
        pageTags: labelsOf(article.labels),
        createdAt: readDate(article.savedAt),
      });
    }
  }
  return plan.build();
}
