// What a file from another highlighter would bring in, before anything is written: its pages,
// their highlights, and what was left out and why. Every parser builds one of these, so that the
// preview, the storage step and the tests read the same shape whatever the format.
import { LIMITS } from '../limits';
import { isDateWithin, latestPastDate } from '../record-dates';
import type { HighlightColor, Selector } from '../types';
import { isWebUrl, normalizeUrl } from '../url';

export const IMPORT_FORMATS = {
  'hypothesis-export': 'Hypothesis export',
  'hypothesis-api': 'Hypothesis API search results',
  'readwise-csv': 'Readwise CSV',
  'readwise-markdown': 'Readwise Markdown export',
  'obsidian-clipper': 'Obsidian Web Clipper highlights',
  omnivore: 'Omnivore export',
} as const;
export type ImportFormat = keyof typeof IMPORT_FORMATS;

export interface ImportedHighlight {
  quote: string;
  /** A TextQuoteSelector (its context empty when the tool kept none), and a position if given. */
  selectors: Selector[];
  note: string;
  /** Tag names as the other tool wrote them; storage maps them onto the reader's tags. */
  tags: string[];
  color: HighlightColor;
  createdAt: number;
}

export interface ImportedPage {
  /** Normalised http(s) URL. */
  url: string;
  title: string;
  /** Tags of the whole article (Readwise document tags, Omnivore labels). */
  tags: string[];
  highlights: ImportedHighlight[];
}

export interface SkippedItems {
  reason: string;
  count: number;
}

export interface ImportPlan {
  format: ImportFormat;
  pages: ImportedPage[];
  skipped: SkippedItems[];
  /** Highlights whose date could not be read or was out of range: dated the day of import. */
  undated: number;
  /** Things the reader should know about the file as a whole. */
  notices: string[];
}

/** Why items are left out, worded for the preview. */
export const SKIP = {
  noWebUrl: 'no web address (http or https)',
  pageNote: 'page notes (no highlighted text)',
  reply: 'replies to other annotations',
  noQuote: 'no highlighted text',
  tooLong: 'highlighted text longer than Trailmark keeps',
  twice: 'the same highlight twice in the file',
} as const;

/** What a parser read for one highlight, before it is checked. */
export interface RawHighlight {
  url: string;
  title?: string | undefined;
  quote: string;
  prefix?: string | undefined;
  suffix?: string | undefined;
  position?: { start: number; end: number } | undefined;
  note?: string | undefined;
  tags?: readonly string[] | undefined;
  color?: HighlightColor | undefined;
  createdAt?: number | null | undefined;
  pageTags?: readonly string[] | undefined;
}

const cleanTags = (tags: readonly string[] | undefined): string[] => {
  const names = (tags ?? [])
    .map((t) => t.trim().replace(/\s+/g, ' ').slice(0, LIMITS.tagName))
    .filter((t) => t.length > 0);
  return [...new Set(names)].slice(0, LIMITS.tagIds);
};

/** The quote as the tool wrote it: its whitespace at either end belongs between it and its context. */
function selectorsOf(raw: RawHighlight): Selector[] {
  const selectors: Selector[] = [
    {
      type: 'TextQuoteSelector',
      exact: raw.quote.length <= LIMITS.quote ? raw.quote : raw.quote.trim(),
      prefix: (raw.prefix ?? '').slice(-LIMITS.context),
      suffix: (raw.suffix ?? '').slice(0, LIMITS.context),
    },
  ];
  const p = raw.position;
  if (p && Number.isSafeInteger(p.start) && Number.isSafeInteger(p.end) && p.start >= 0) {
    if (p.end > p.start)
      selectors.push({ type: 'TextPositionSelector', start: p.start, end: p.end });
  }
  return selectors;
}

/** Collects highlights page by page, refusing what Trailmark cannot keep, with the reason. */
export class PlanBuilder {
  private readonly pages = new Map<string, ImportedPage>();
  private readonly seen = new Set<string>();
  private readonly skips = new Map<string, number>();
  private readonly notices: string[] = [];
  private undated = 0;

  constructor(
    private readonly format: ImportFormat,
    private readonly now: number,
  ) {}

  skip(reason: string, count = 1): void {
    if (count > 0) this.skips.set(reason, (this.skips.get(reason) ?? 0) + count);
  }

  notice(text: string): void {
    if (!this.notices.includes(text)) this.notices.push(text);
  }

  private pageFor(url: string, raw: RawHighlight): ImportedPage {
    let page = this.pages.get(url);
    if (!page) {
      const title = (raw.title ?? '').trim().replace(/\s+/g, ' ').slice(0, LIMITS.title);
      page = { url, title, tags: [], highlights: [] };
      this.pages.set(url, page);
    }
    if (!page.title && raw.title) page.title = raw.title.trim().slice(0, LIMITS.title);
    page.tags = cleanTags([...page.tags, ...(raw.pageTags ?? [])]);
    return page;
  }

  private dated(createdAt: number | null | undefined): number {
    if (typeof createdAt === 'number' && isDateWithin(createdAt, latestPastDate(this.now))) {
      return createdAt;
    }
    this.undated += 1;
    return this.now;
  }

  /** Adds a highlight, or counts it under the reason it cannot be kept. */
  add(raw: RawHighlight): void {
    const url = isWebUrl(raw.url.trim()) ? normalizeUrl(raw.url.trim()) : null;
    if (!url || url.length > LIMITS.url) return this.skip(SKIP.noWebUrl);
    const quote = raw.quote.trim();
    if (!quote) return this.skip(SKIP.noQuote);
    if (quote.length > LIMITS.quote) return this.skip(SKIP.tooLong);
    const key = `${url}\n${raw.prefix ?? ''}\n${quote}\n${raw.suffix ?? ''}`;
    if (this.seen.has(key)) return this.skip(SKIP.twice);
    this.seen.add(key);
    this.pageFor(url, raw).highlights.push({
      quote,
      selectors: selectorsOf(raw),
      note: (raw.note ?? '').trim().slice(0, LIMITS.note),
      tags: cleanTags(raw.tags),
      color: raw.color ?? 'yellow',
      createdAt: this.dated(raw.createdAt),
    });
  }

  build(): ImportPlan {
    return {
      format: this.format,
      pages: [...this.pages.values()].filter((p) => p.highlights.length > 0),
      skipped: [...this.skips].map(([reason, count]) => ({ reason, count })),
      undated: this.undated,
      notices: [...this.notices],
    };
  }
}

/** A file that is not what it claims, cut short, or of no format Trailmark reads. */
export class ImportRefused extends Error {
  override name = 'ImportRefused';
}

export interface PlanSummary {
  articles: number;
  highlights: number;
  notes: number;
  tags: number;
  skipped: number;
}

export function summarize(plan: ImportPlan): PlanSummary {
  const highlights = plan.pages.flatMap((p) => p.highlights);
  const tags = new Set(
    plan.pages
      .flatMap((p) => [...p.tags, ...p.highlights.flatMap((h) => h.tags)])
      .map((t) => t.toLowerCase()),
  );
  return {
    articles: plan.pages.length,
    highlights: highlights.length,
    notes: highlights.filter((h) => h.note.length > 0).length,
    tags: tags.size,
    skipped: plan.skipped.reduce((sum, s) => sum + s.count, 0),
  };
}
