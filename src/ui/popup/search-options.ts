// The quick search's results as one flat list of options, highlights first then pages, so the
// arrow keys walk them in the order they are shown.
import type { PageRecord } from '../../shared/types';
import type { SearchHit, SearchResult } from '../../storage/search/search';

export type SearchOption =
  | { kind: 'highlight'; id: string; hit: SearchHit }
  | { kind: 'page'; id: string; page: PageRecord };

export function optionsOf(result: SearchResult): SearchOption[] {
  const hits = result.hits
    .filter((hit) => hit.page !== undefined)
    .map((hit): SearchOption => ({ kind: 'highlight', id: `hit-${hit.highlight.id}`, hit }));
  const pages = result.pages.map((page): SearchOption => ({
    kind: 'page',
    id: `page-${page.id}`,
    page,
  }));
  return [...hits, ...pages];
}

/** What opening an option means: the page's URL and, for a highlight, the one to reveal. */
export function destinationOf(option: SearchOption): { url: string; highlightId?: string } {
  if (option.kind === 'page') return { url: option.page.url };
  return { url: option.hit.page?.url ?? '', highlightId: option.hit.highlight.id };
}
