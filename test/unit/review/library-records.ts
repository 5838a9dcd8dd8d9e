// Pages and highlights for the library's view tests: highlight `n` quotes "Quote n" and is made
// `n` seconds after T0, so that the larger `n`, the higher in the list.
import type { HighlightRecord, PageRecord } from '../../../src/shared/types';

export const T0 = Date.UTC(2026, 5, 1);

export const articlePage = (id: string, url: string, title: string): PageRecord => ({
  id,
  url,
  title,
  site: 'example.com',
  firstVisitAt: T0,
  lastVisitAt: T0,
  readingMs: 0,
  maxScroll: 0,
  status: 'reading',
  tagIds: [],
  tracked: false,
  updatedAt: T0,
});

export const quoteHighlight = (
  n: number,
  page: PageRecord,
  { id, position }: { id: string; position: number },
): HighlightRecord => ({
  id,
  pageId: page.id,
  selectors: [{ type: 'TextQuoteSelector', exact: `Quote ${n}`, prefix: '', suffix: '' }],
  quote: `Quote ${n}`,
  color: 'yellow',
  tagIds: [],
  note: '',
  createdAt: T0 + n * 1000,
  updatedAt: T0 + n * 1000,
  anchorStatus: 'anchored',
  position,
});
