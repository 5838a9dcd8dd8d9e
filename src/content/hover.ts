// Hovering a highlight shows a pointer and the highlight's tags. The tip lives in its own closed
// shadow root, since tags are the reader's private data. Only runs while the page has highlights.
import { highlightsAt } from './hit-test';
import { names } from './page-names';
import { placedEntries, type PageState } from './page-state';
import { ensurePageStyle } from './page-style';
import { createShadowHost, placeHost } from './shadow-host';
import { trusted } from './trusted';

const TIP_CSS = `.tip { font: 12px/1.3 system-ui, sans-serif; padding: 3px 8px; border-radius: 6px;
  background: #1f2937; color: #f9fafb; box-shadow: 0 2px 8px rgb(0 0 0 / 30%); }`;

export function createHover(state: PageState, isBusy: () => boolean): () => void {
  const { host, root } = createShadowHost('tip', TIP_CSS);
  // The page style holds the pointer rule.
  const { pointer } = names();
  ensurePageStyle();
  host.style.setProperty('pointer-events', 'none', 'important');
  const tip = document.createElement('div');
  tip.className = 'tip';
  root.append(tip);
  let frame = 0;
  let last = { x: 0, y: 0 };

  function show(x: number, y: number): void {
    frame = 0;
    const hit =
      state.entries.size > 0 && !isBusy() ? highlightsAt(placedEntries(state), x, y)[0] : undefined;
    const record = hit ? state.entries.get(hit)?.record : undefined;
    document.documentElement.toggleAttribute(pointer, Boolean(record));
    const names = record
      ? state.tags.filter((t) => record.tagIds.includes(t.id)).map((t) => t.name)
      : [];
    if (names.length === 0) return host.remove();
    tip.textContent = names.join(' · ');
    placeHost(host, x + 12, y + 16);
  }

  // A page's synthetic moves must not show the reader's tags where it points.
  const onMove = trusted((event: PointerEvent) => {
    last = { x: event.clientX, y: event.clientY };
    frame ||= requestAnimationFrame(() => show(last.x, last.y));
  });
  addEventListener('pointermove', onMove, { passive: true });
  return () => {
    removeEventListener('pointermove', onMove);
    host.remove();
    document.documentElement.removeAttribute(pointer);
  };
}
