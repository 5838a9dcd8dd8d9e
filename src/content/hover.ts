// Hovering a highlight shows a pointer and the highlight's tags and the start of its note. The
// tip lives in its own closed shadow root, since tags and notes are the reader's private data.
// Only runs while the page has highlights.
import type { HighlightRecord, TagRecord } from '../shared/types';
import { el } from './dom';
import { highlightsAt } from './hit-test';
import { names } from './page-names';
import { placedEntries, type PageState } from './page-state';
import { ensurePageStyle } from './page-style';
import { createShadowHost, placeHost } from './shadow-host';
import { TIP_CSS } from './toolbar-styles';
import { trusted } from './trusted';

/** Enough of a note to recall it; the editor shows the rest. */
const NOTE_PREVIEW = 90;

const preview = (note: string): string => {
  const flat = note.trim().replace(/\s+/g, ' ');
  return flat.length > NOTE_PREVIEW ? `${flat.slice(0, NOTE_PREVIEW - 1).trimEnd()}…` : flat;
};

/** The tip's lines: the tags, then the note's start; none if the highlight has neither. */
function tipLines(record: HighlightRecord, tags: readonly TagRecord[]): HTMLElement[] {
  const tagNames = tags.filter((t) => record.tagIds.includes(t.id)).map((t) => t.name);
  const note = preview(record.note);
  return [
    ...(tagNames.length ? [el('div', { class: 'tip-tags' }, tagNames.join(' · '))] : []),
    ...(note ? [el('div', { class: 'tip-note' }, note)] : []),
  ];
}

export function createHover(state: PageState, isBusy: () => boolean): () => void {
  const { host, root } = createShadowHost('tip', TIP_CSS);
  // The page style holds the pointer rule.
  const { pointer } = names();
  ensurePageStyle();
  host.style.setProperty('pointer-events', 'none', 'important');
  const tip = document.createElement('div');
  tip.className = 'tip surface';
  root.append(tip);
  let frame = 0;
  let last = { x: 0, y: 0 };

  function show(x: number, y: number): void {
    frame = 0;
    const hit =
      state.entries.size > 0 && !isBusy() ? highlightsAt(placedEntries(state), x, y)[0] : undefined;
    const record = hit ? state.entries.get(hit)?.record : undefined;
    document.documentElement.toggleAttribute(pointer, Boolean(record));
    const lines = record ? tipLines(record, state.tags) : [];
    if (lines.length === 0) return host.remove();
    tip.replaceChildren(...lines);
    placeHost(host, x + 12, y + 16);
    // Beside the pointer, but never past the window's edge.
    const { width, height } = host.getBoundingClientRect();
    const left = Math.max(4, Math.min(x + 12, innerWidth - width - 4));
    const top = y + 16 + height > innerHeight - 4 ? Math.max(4, y - height - 8) : y + 16;
    if (left !== x + 12 || top !== y + 16) placeHost(host, left, top);
  }

  // A page's synthetic moves must not show the reader's tags where it points. A move with a
  // button down is a drag or a click under way, not a look at the highlight.
  const onMove = trusted((event: PointerEvent) => {
    if (event.buttons !== 0) return;
    last = { x: event.clientX, y: event.clientY };
    frame ||= requestAnimationFrame(() => show(last.x, last.y));
  });
  // A press is the reader acting there (a click opens the editor over the same spot): the tip
  // makes way at once, not at the next move, which may never come before the editor is used.
  // The frame the last move asked for goes too, or it would draw the tip again over the editor.
  const onPress = trusted(() => {
    cancelAnimationFrame(frame);
    frame = 0;
    host.remove();
  });
  addEventListener('pointermove', onMove, { passive: true });
  addEventListener('pointerdown', onPress, { capture: true, passive: true });
  return () => {
    removeEventListener('pointermove', onMove);
    removeEventListener('pointerdown', onPress, { capture: true });
    host.remove();
    document.documentElement.removeAttribute(pointer);
  };
}
