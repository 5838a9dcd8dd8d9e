// Draws highlights. With the CSS Custom Highlight API the page's DOM is never touched; page
// scripts can read the registry, so its names are this install's random names per colour.
import type { HighlightColor } from '../shared/types';
import { createMarkPainter } from './mark-painter';
import { names } from './page-names';
import { ensurePageStyle } from './page-style';

export interface PaintItem {
  id: string;
  range: Range;
  color: HighlightColor;
}

/** Runs a change the painter makes to the page's DOM. */
export type ChangeGuard = (change: () => void) => void;

/**
 * Draws and removes highlights. The ranges handed in stay on the same text afterwards, as do the
 * ranges of the other highlights drawn, even where drawing has to change the page's DOM.
 */
export interface Painter {
  paint(id: string, range: Range, color: HighlightColor): void;
  /** Draws many at once; their ranges may overlap or share text nodes. */
  paintAll(items: readonly PaintItem[]): void;
  remove(id: string): void;
  /** Marks a drawn highlight as not saved yet, or no longer so. */
  setPending(id: string, pending: boolean): void;
  /** Lets the page watcher wrap every DOM change the painter makes, to tell them from the page's. */
  guardChanges(guard: ChangeGuard): void;
}

const supportsHighlights = (): boolean =>
  typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';

function createHighlightApiPainter(): Painter {
  const drawn = new Map<string, { range: Range; color: HighlightColor }>();
  const layers = new Map<HighlightColor, Highlight>();
  const layer = (color: HighlightColor): Highlight => {
    let highlight = layers.get(color);
    if (!highlight) {
      highlight = new Highlight();
      ensurePageStyle();
      CSS.highlights.set(names().colors[color], highlight);
      layers.set(color, highlight);
    }
    return highlight;
  };
  const pendingIds = new Set<string>();
  let pendingLayer: Highlight | null = null;
  const showPending = (id: string): void => {
    const range = drawn.get(id)?.range;
    if (!range || !pendingIds.has(id)) return;
    if (!pendingLayer) {
      pendingLayer = new Highlight();
      CSS.highlights.set(names().pending, pendingLayer);
    }
    pendingLayer.add(range);
  };
  const remove = (id: string): void => {
    const entry = drawn.get(id);
    if (!entry) return;
    layers.get(entry.color)?.delete(entry.range);
    pendingLayer?.delete(entry.range);
    drawn.delete(id);
  };
  const paint = (id: string, range: Range, color: HighlightColor): void => {
    remove(id);
    const own = range.cloneRange();
    layer(color).add(own);
    drawn.set(id, { range: own, color });
    showPending(id);
  };
  const setPending = (id: string, pending: boolean): void => {
    if (pending) {
      pendingIds.add(id);
      showPending(id);
      return;
    }
    pendingIds.delete(id);
    const range = drawn.get(id)?.range;
    if (range) pendingLayer?.delete(range);
  };
  return {
    paint,
    paintAll: (items) => items.forEach((item) => paint(item.id, item.range, item.color)),
    remove,
    setPending,
    // Highlights in the registry never touch the DOM, so there is nothing to guard.
    guardChanges: () => undefined,
  };
}

export const createPainter = (): Painter =>
  supportsHighlights() ? createHighlightApiPainter() : createMarkPainter();
