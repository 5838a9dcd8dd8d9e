// One option of the quick search: a highlight (quote, then its page) or a page matched by title.
import { trimQuote } from '../common/format';
import { Marked } from './Marked';
import type { SearchOption } from './search-options';

interface Props {
  option: SearchOption;
  terms: readonly string[];
  active: boolean;
  onOpen: () => void;
}

export function SearchResultItem({ option, terms, active, onOpen }: Props) {
  const page = option.kind === 'page' ? option.page : option.hit.page;
  return (
    <li
      id={option.id}
      role="option"
      aria-selected={active}
      class={`result${active ? ' active' : ''}`}
      onClick={onOpen}
      // Keep focus in the search box while the mouse picks an option.
      onMouseDown={(e) => e.preventDefault()}
    >
      {option.kind === 'highlight' ? (
        <span class="result-quote">
          <Marked text={trimQuote(option.hit.highlight.quote, 160)} terms={terms} />
        </span>
      ) : (
        <span class="result-kind">Page</span>
      )}
      <span class={option.kind === 'page' ? 'result-title' : 'result-source muted'}>
        <Marked text={page?.title ?? ''} terms={terms} />
        {page && <span class="muted"> · {page.site}</span>}
      </span>
    </li>
  );
}
