// Draws highlights. With the CSS Custom Highlight API the page's DOM is never touched; the
// registry names carry only a colour index, since page scripts can read them.
import type { HighlightColor } from '../shared/types';
import { HIGHLIGHT_COLORS } from '../shared/types';
import { createMarkPainter } from './mark-painter';

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
  /** Lets the page watcher wrap every DOM change the painter makes, to tell them from the page's. */
  guardChanges(guard: ChangeGuard): void;
}

/** Registry name for a colour: an index, so names say nothing about the reader's data. */
export const registryName = (color: HighlightColor): string =>
  `trailmark-${HIGHLIGHT_COLORS.indexOf(color) + 1}`;

/** Registry name of the layer that marks highlights carrying a note. */
export const noteRegistryName = (): string => `trailmark-${HIGHLIGHT_COLORS.length + 1}`;

const supportsHighlights = (): boolean =>
  typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';

function createHighlightApiPainter(): Painter {
  const drawn = new Map<string, { range: Range; color: HighlightColor }>();
  const layers = new Map<HighlightColor, Highlight>();
  const layer = (color: HighlightColor): Highlight => {
    let highlight = layers.get(color);
    if (!highlight) {
      highlight = new Highlight();
      CSS.highlights.set(registryName(color), highlight);
      layers.set(color, highlight);
    }
    return highlight;
  };
  const remove = (id: string): void => {
    const entry = drawn.get(id);
    if (!entry) return;
    layers.get(entry.color)?.delete(entry.range);
    drawn.delete(id);
  };
  const paint = (id: string, range: Range, color: HighlightColor): void => {
    remove(id);
    const own = range.cloneRange();
    layer(color).add(own);
    drawn.set(id, { range: own, color });
  };
  return {
    paint,
    paintAll: (items) => items.forEach((item) => paint(item.id, item.range, item.color)),
    remove,
    // Highlights in the registry never touch the DOM, so there is nothing to guard.
    guardChanges: () => undefined,
  };
}

export const createPainter = (): Painter =>
  supportsHighlights() ? createHighlightApiPainter() : createMarkPainter();
