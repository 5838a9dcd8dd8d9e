// Shows the reader a highlight they asked for from the popup or the review page: scrolls it to
// the middle of the window and flashes it briefly.
import { names } from './page-names';
import type { PageState } from './page-state';
import { ensurePageStyle } from './page-style';
const FLASH_MS = 1600;

export function reveal(state: PageState, id: string): boolean {
  const range = state.entries.get(id)?.range;
  if (!range) return false;
  const target = range.startContainer.parentElement;
  target?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  flash(range);
  return true;
}

function flash(range: Range): void {
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
  const highlight = new Highlight(range.cloneRange());
  const { flash } = names();
  ensurePageStyle();
  CSS.highlights.set(flash, highlight);
  setTimeout(() => {
    if (CSS.highlights.get(flash) === highlight) CSS.highlights.delete(flash);
  }, FLASH_MS);
}
