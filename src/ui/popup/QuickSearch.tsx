// Quick search over every highlight and page (quote, note, title) as a combobox: results as the
// reader types, arrows move through them, Enter opens the page scrolled to the highlight, Escape
// clears the search.
import { useState } from 'preact/hooks';
import { countsLine } from '../../shared/count-words';
import { IndexNotice } from '../common/IndexNotice';
import { useAutofocus } from '../common/use-autofocus';
import { announce } from './announcer';
import { openPage } from './reveal';
import { destinationOf, optionsOf, type SearchOption } from './search-options';
import { SearchResultItem } from './SearchResultItem';
import { useSearch } from './use-search';

interface Props {
  query: string;
  onQuery: (query: string) => void;
}

const LIST_ID = 'search-results';

const open = (option: SearchOption) => {
  const { url, highlightId } = destinationOf(option);
  void openPage(url, highlightId).catch(() => announce('Could not open that page.', 'error'));
};

function summaryOf(options: readonly SearchOption[], total: number): string {
  if (options.length === 0) return 'Nothing found.';
  const pages = options.filter((o) => o.kind === 'page').length;
  return `Found ${countsLine([
    [total, 'highlight'],
    [pages, 'article'],
  ])}.`;
}

export function QuickSearch({ query, onQuery }: Props) {
  const search = useSearch(query);
  const options = search.status === 'done' ? optionsOf(search.result) : [];
  // The active option is remembered by id, so it stays put when the full, sorted answer
  // replaces the first matches, and is dropped when it is no longer listed.
  const [activeId, setActiveId] = useState<string | null>(null);
  const activeIndex = options.findIndex((o) => o.id === activeId);
  const setActiveIndex = (index: number) => setActiveId(options[index]?.id ?? null);
  const input = useAutofocus<HTMLInputElement>();
  const expanded = query.trim() !== '' && options.length > 0;

  const onKeyDown = (event: KeyboardEvent) => {
    const count = options.length;
    if (event.key === 'ArrowDown' && count > 0) setActiveIndex((activeIndex + 1) % count);
    else if (event.key === 'ArrowUp' && count > 0)
      setActiveIndex((activeIndex <= 0 ? count : activeIndex) - 1);
    else if (event.key === 'Enter' && count > 0)
      open(options[Math.max(activeIndex, 0)] as SearchOption);
    else if (event.key === 'Escape' && query !== '') onQuery('');
    else return;
    event.preventDefault();
    if (event.key === 'Escape') event.stopPropagation();
  };

  return (
    <div class="search">
      <input
        type="search"
        class="search-input"
        role="combobox"
        aria-label="Search your highlights and pages"
        aria-expanded={expanded}
        aria-controls={LIST_ID}
        aria-autocomplete="list"
        aria-activedescendant={options[activeIndex]?.id}
        placeholder="Search highlights and pages"
        value={query}
        onInput={(e) => onQuery(e.currentTarget.value)}
        onKeyDown={onKeyDown}
        ref={input}
      />
      {query.trim() !== '' && (
        <div class="search-results">
          <IndexNotice />
          <p class="muted" role="status">
            {search.status === 'done' &&
              (search.complete
                ? summaryOf(options, search.result.total)
                : 'First matches — still searching…')}
            {search.status === 'error' && `Search failed: ${search.error}`}
          </p>
          <ul
            id={LIST_ID}
            role="listbox"
            aria-label="Search results"
            data-query={search.status === 'done' ? search.query : undefined}
            data-complete={search.status === 'done' && search.complete}
          >
            {search.status === 'done' &&
              options.map((option, i) => (
                <SearchResultItem
                  key={option.id}
                  option={option}
                  terms={search.result.terms}
                  active={i === activeIndex}
                  onOpen={() => open(option)}
                />
              ))}
          </ul>
        </div>
      )}
    </div>
  );
}
