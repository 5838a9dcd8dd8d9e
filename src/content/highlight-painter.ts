// Draws highlights. With the CSS Custom Highlight API the page's DOM is never touched; the
// registry names carry only a colour index, since page scripts can read them.
import type { HighlightColor } from '../shared/types';
import { HIGHLIGHT_COLORS } from '../shared/types';
import { createMarkPainter } from './mark-painter';

export interface Painter {
  paint(id: string, range: Range, color: HighlightColor): void;
  remove(id: string): void;
}

/** Registry name for a colour: an index, so names say nothing about the reader's data. */
export const registryName = (color: HighlightColor): string =>
  `trailmark-${HIGHLIGHT_COLORS.indexOf(color) + 1}`;

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
  return {
    paint(id, range, color) {
      remove(id);
      const own = range.cloneRange();
      layer(color).add(own);
      drawn.set(id, { range: own, color });
    },
    remove,
  };
}

export const createPainter = (): Painter =>
  supportsHighlights() ? createHighlightApiPainter() : createMarkPainter();
