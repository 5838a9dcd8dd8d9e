import { describe, expect, it } from 'vitest';
import type { HighlightRecord, PageRecord } from '../../../src/shared/types';
import type { SearchResult } from '../../../src/storage/search/search';
import { destinationOf, optionsOf } from '../../../src/ui/popup/search-options';
import { readingTime } from '../../../src/ui/popup/reading-time';

const page = { id: 'p1', url: 'https://staffeng.com/a', title: 'A', site: 'staffeng.com' };
const highlight = { id: 'h1', pageId: 'p1', quote: 'The Solver digs deep' };

const result = (overrides: Partial<SearchResult> = {}): SearchResult => ({
  terms: ['solv'],
  hits: [
    { highlight: highlight as HighlightRecord, page: page as PageRecord },
    { highlight: { ...highlight, id: 'h2' } as HighlightRecord, page: undefined },
  ],
  total: 2,
  pages: [page as PageRecord],
  ...overrides,
});

describe('optionsOf', () => {
  it('lists highlights first, then pages, dropping hits whose page is gone', () => {
    expect(optionsOf(result()).map((o) => [o.kind, o.id])).toEqual([
      ['highlight', 'hit-h1'],
      ['page', 'page-p1'],
    ]);
  });
});

describe('destinationOf', () => {
  it('opens a highlight on its page at the highlight, and a page at its top', () => {
    const [hit, pageOption] = optionsOf(result());
    expect(hit && destinationOf(hit)).toEqual({ url: page.url, highlightId: 'h1' });
    expect(pageOption && destinationOf(pageOption)).toEqual({ url: page.url });
  });
});

describe('readingTime', () => {
  it('says reading time the way a person would', () => {
    expect(readingTime(0)).toBe('not read yet');
    expect(readingTime(20_000)).toBe('under a minute');
    expect(readingTime(12 * 60_000)).toBe('12 min');
    expect(readingTime(60 * 60_000)).toBe('1 h');
    expect(readingTime(95 * 60_000)).toBe('1 h 35 min');
  });
});
