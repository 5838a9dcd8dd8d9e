// Marks the highlights that carry a note, so the reader sees which ones without hovering: one
// more layer in the highlight registry, drawn with a dotted underline (page-style). The page can
// read the registry, so the layer's name is this install's random one like the colour layers'
// names and says nothing; only which highlighted stretches have a note is visible, never the note.
import type { Painter } from './highlight-painter';
import { names } from './page-names';
import { ensurePageStyle } from './page-style';

const supported = (): boolean =>
  typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';

/**
 * Wraps a painter so that every highlight it draws is also marked when `noteOf(id)` is not
 * empty. Drawing is where a highlight's note changes reach the page (an edit repaints), so no
 * other code needs to know about the marks.
 */
export function withNoteMarks(
  painter: Painter,
  noteOf: (id: string) => string | undefined,
): Painter {
  if (!supported()) return painter;
  const marked = new Map<string, Range>();
  let layer: Highlight | null = null;
  const ensureLayer = (): Highlight => {
    if (!layer) {
      layer = new Highlight();
      ensurePageStyle();
      CSS.highlights.set(names().noted, layer);
    }
    return layer;
  };
  const unmark = (id: string): void => {
    const range = marked.get(id);
    if (!range) return;
    layer?.delete(range);
    marked.delete(id);
  };
  const mark = (id: string, range: Range): void => {
    unmark(id);
    if (!noteOf(id)?.trim()) return;
    const own = range.cloneRange();
    ensureLayer().add(own);
    marked.set(id, own);
  };
  return {
    paint(id, range, color) {
      painter.paint(id, range, color);
      mark(id, range);
    },
    paintAll(items) {
      painter.paintAll(items);
      for (const item of items) mark(item.id, item.range);
    },
    remove(id) {
      painter.remove(id);
      unmark(id);
    },
    setPending: (id, pending) => painter.setPending(id, pending),
    guardChanges: (guard) => painter.guardChanges(guard),
  };
}
