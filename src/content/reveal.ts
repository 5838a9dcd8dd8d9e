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
    const target = range.startContainer.parentElement;
    if (target) scrollToCentre(target);
    flash(range);
  });
  return true;
}

/** How long a smooth scroll may take to move the page before it is taken as dropped. */
const SMOOTH_START_MS = 1000;

/**
 * Scrolls smoothly, and jumps if the page has not moved at all by then while the target is
 * still out of the window: Firefox now and then drops a smooth scroll asked for just as its tab
 * comes forward. A page the reader has scrolled meanwhile is left where they put it.
 */
function scrollToCentre(target: Element): void {
  const before = { x: scrollX, y: scrollY };
  target.scrollIntoView({ block: 'center', behavior: 'smooth' });
  setTimeout(() => {
    const box = target.getBoundingClientRect();
    const inWindow = box.bottom > 0 && box.top < innerHeight;
    const unmoved = scrollX === before.x && scrollY === before.y;
    if (unmoved && !inWindow) target.scrollIntoView({ block: 'center' });
  }, SMOOTH_START_MS);
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
