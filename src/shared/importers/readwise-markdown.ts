// Readwise's Markdown export: one file per source (a file may hold several), each a `# Title`,
// a `## Metadata` list whose `URL:` line names the article, and a `## Highlights` list, one item
// per highlight with nested `Note:` and `Tags:` items. Readwise lets readers change the template,
// so this reads the parts by their labels and shapes, not by exact lines: a highlight's link back
// to Readwise ("View Highlight", "Location 12") is dropped, tags are read as [[name]] or #name.
import { ImportRefused, type ImportPlan, PlanBuilder } from './import-plan';

interface Source {
  title: string;
  url: string;
  pageTags: string[];
  highlights: { quote: string; note: string; tags: string[] }[];
}

const METADATA = /^[-*]\s+([\w ]+?):\s*(.*)$/;
const ITEM = /^[-*]\s+(.*)$/;
const NESTED = /^\s{2,}[-*]\s+(.*)$/;
const BACKLINK = /\s*\(\[(?:View Highlight|Location [^\]]*|Page [^\]]*)\]\([^)]*\)\)\s*$/i;

/** Whether a Markdown text looks like a Readwise export. */
export function isReadwiseMarkdown(text: string): boolean {
  return /^##\s+Highlights\b/im.test(text) && /^##\s+Metadata\b/im.test(text);
}

/** `[[a]] [[b c]]`, `#a #b`, or `a, b` as names. */
export function tagNames(value: string): string[] {
  const linked = [...value.matchAll(/\[\[([^\]]+)\]\]/g)].map((m) => m[1] ?? '');
  if (linked.length > 0) return linked;
  const hashed = [...value.matchAll(/(?:^|\s)#([^\s#]+)/g)].map((m) => m[1] ?? '');
  if (hashed.length > 0) return hashed;
  return value.split(',').map((t) => t.trim());
}

/** A metadata value may be a Markdown link: its target is the URL. */
const linkTarget = (value: string): string => /\]\((\S+?)\)/.exec(value)?.[1] ?? value.trim();

function readMetadata(source: Source, key: string, value: string): void {
  const name = key.trim().toLowerCase();
  if (name === 'url' || name === 'source url') source.url = linkTarget(value);
  else if (name === 'full title' && value.trim()) source.title = value.trim();
  else if (name === 'document tags' || name === 'tags') source.pageTags.push(...tagNames(value));
}

function readNested(source: Source, value: string): void {
  const last = source.highlights.at(-1);
  if (!last) return;
  const m = /^(Note|Tags):\s*(.*)$/i.exec(value);
  if (m?.[1]?.toLowerCase() === 'note')
    last.note = [last.note, m[2] ?? ''].filter(Boolean).join('\n');
  else if (m) last.tags.push(...tagNames(m[2] ?? ''));
  else last.note = [last.note, value].filter(Boolean).join('\n');
}

type Part = 'none' | 'metadata' | 'highlights';

function readLine(source: Source, part: Part, line: string): void {
  if (part === 'metadata') {
    const m = METADATA.exec(line);
    if (m) readMetadata(source, m[1] ?? '', m[2] ?? '');
    return;
  }
  if (part !== 'highlights') return;
  const nested = NESTED.exec(line);
  if (nested) return readNested(source, nested[1] ?? '');
  const item = ITEM.exec(line);
  if (item) {
    source.highlights.push({ quote: item[1] ?? '', note: '', tags: [] });
    return;
  }
  const last = source.highlights.at(-1);
  // A highlight of several paragraphs continues on indented or plain lines.
  if (last && line.trim() && last.note === '') last.quote += `\n${line.trim()}`;
}

function sourcesOf(text: string): Source[] {
  const sources: Source[] = [];
  let source: Source | null = null;
  let part: Part = 'none';
  for (const line of text.split(/\r?\n/)) {
    const heading = /^(#{1,2})\s+(.*)$/.exec(line);
    if (heading?.[1] === '#') {
      source = { title: (heading[2] ?? '').trim(), url: '', pageTags: [], highlights: [] };
      sources.push(source);
      part = 'none';
    } else if (heading && source) {
      const name = (heading[2] ?? '').toLowerCase();
      part = name.startsWith('metadata')
        ? 'metadata'
        : name.includes('highlights')
          ? 'highlights'
          : 'none';
    } else if (source) readLine(source, part, line);
  }
  return sources;
}

export function parseReadwiseMarkdown(texts: readonly string[], now: number): ImportPlan {
  if (!texts.some(isReadwiseMarkdown)) {
    throw new ImportRefused('this Markdown has no Readwise Metadata and Highlights sections');
  }
  const plan = new PlanBuilder('readwise-markdown', now);
  for (const source of texts.flatMap(sourcesOf)) {
    for (const h of source.highlights) {
      plan.add({
        url: source.url,
        title: source.title,
        quote: h.quote.replace(BACKLINK, ''),
        note: h.note,
        tags: h.tags,
        pageTags: source.pageTags,
      });
    }
  }
  return plan.build();
}
