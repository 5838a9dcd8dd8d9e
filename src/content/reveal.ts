// Shows the reader a highlight they asked for from the popup or the review page: scrolls it to
// the middle of the window and flashes it briefly, once the page is on screen.
import { names } from './page-names';
import type { PageState } from './page-state';
import { ensurePageStyle } from './page-style';
import { trusted } from './trusted';
const FLASH_MS = 1600;

export function reveal(state: PageState, id: string): boolean {
  const range = state.entries.get(id)?.range;
  if (!range) return false;
  whenShown(() => {
    range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    flash(range);
  });
  return true;
}

/**
 * Runs `show` now if the page is on screen, else when it comes on screen. The popup opened as a
 * tab asks for the reveal while bringing the page's tab forward, so the request can arrive while
 * the page is still hidden: Firefox drops a smooth scroll asked for then, even once the tab is
 * shown, and a flash would be over before the reader saw it.
 */
function whenShown(show: () => void): void {
  if (!document.hidden) {
    show();
    return;
  }
  const onChange = trusted(() => {
    if (document.hidden) return;
    document.removeEventListener('visibilitychange', onChange);
    show();
  });
  document.addEventListener('visibilitychange', onChange);
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
