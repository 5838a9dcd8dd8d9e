// Content script entry: runs on every web page. At start it asks the background for this page's
// highlights (one message, nothing else when there are none), then waits for the reader to select.
import browser from 'webextension-polyfill';
import { anchorAll, describe } from '../anchoring';
import { isHighlightSelectionRequest } from '../shared/messages';
import type { HighlightColor, HighlightRecord } from '../shared/types';
import { createPainter } from './highlight-painter';
import { send } from './messenger';
import { clearSelection, currentRange } from './selection';
import { createToolbar } from './toolbar';

const painter = createPainter();
const toolbar = createToolbar({ highlight: () => void highlightSelection(false) });

const reasonOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

async function highlightSelection(allowEditable: boolean, color: HighlightColor = 'yellow') {
  const range = currentRange({ allowEditable });
  if (!range) return;
  const id = crypto.randomUUID();
  const selectors = describe(document.body, range);
  painter.paint(id, range, color);
  try {
    await send('highlight.create', {
      id,
      url: location.href,
      title: document.title,
      selectors,
      color,
      tagIds: [],
      note: '',
    });
    clearSelection();
    toolbar.hide();
  } catch (error) {
    painter.remove(id);
    toolbar.showFor(range);
    toolbar.showStatus(`Not saved — ${reasonOf(error)}`);
  }
}

async function restoreHighlights(): Promise<void> {
  const { highlights } = await send('page.load', { url: location.href });
  if (highlights.length === 0) return;
  const ranges = await anchorAll(
    document.body,
    highlights.map((h) => h.selectors),
  );
  const results = highlights.map((highlight, i) => place(highlight, ranges[i] ?? null));
  await send('highlight.placed', { url: location.href, results });
}

function place(highlight: HighlightRecord, range: Range | null) {
  if (range) painter.paint(highlight.id, range, highlight.color);
  return {
    id: highlight.id,
    status: range ? ('anchored' as const) : ('orphan' as const),
    position: highlight.position,
  };
}

function onSelectionEnd(): void {
  // Let the browser finish updating the selection before reading it.
  setTimeout(() => {
    const range = currentRange({ allowEditable: false });
    if (range) toolbar.showFor(range);
    else toolbar.hide();
  }, 0);
}

document.addEventListener('mouseup', onSelectionEnd, true);
document.addEventListener('keyup', onSelectionEnd, true);
document.addEventListener('selectionchange', () => {
  if (toolbar.visible && !currentRange({ allowEditable: false })) toolbar.hide();
});

browser.runtime.onMessage.addListener((message: unknown) => {
  if (!isHighlightSelectionRequest(message)) return undefined;
  return highlightSelection(true).then(() => ({ ok: true }));
});

void restoreHighlights().catch((error: unknown) => {
  console.warn('Trailmark could not restore highlights:', reasonOf(error));
});
