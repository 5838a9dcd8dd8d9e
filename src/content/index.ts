// Content script entry: runs on every web page. At start it only registers listeners and asks the
// background for this page's highlights (one message); everything else waits until the page has
// highlights or the reader selects something.
import browser from 'webextension-polyfill';
import { isHighlightSelectionRequest, isPageSavedNotice, revealedId } from '../shared/messages';
import { revealTarget } from '../shared/reveal-url';
import { createPainter } from './highlight-painter';
import { createHighlighter } from './highlighter';
import { createHover } from './hover';
import { send } from './messenger';
import { withNoteMarks } from './note-marks';
import { createPageState } from './page-state';
import { startReadingTracker, type Reading } from './reading-tracker';
import { createRestorer } from './restorer';
import { reveal } from './reveal';
import { mayChangeSelection, typedIntoField } from './selection-keys';

const state = createPageState();
const painter = withNoteMarks(createPainter(), (id) => state.entries.get(id)?.record.note);
let stopReading: (() => void) | null = null;
let stopHover: (() => void) | null = null;

function onPageChanged(): void {
  if (state.saved) stopReading ??= startReadingTracker(reportReading);
  if (state.entries.size > 0) stopHover ??= createHover(state, () => highlighter.toolbar.visible);
}

function reportReading({ url, activeMs, maxScroll }: Reading): void {
  void send('page.reading', { url, title: document.title, activeMs, maxScroll }).catch(
    () => undefined,
  );
}

/** Time read before a client-side navigation is reported for the page it was read on. */
function onPageLeft(): void {
  stopReading?.();
  stopReading = null;
}

const highlighter = createHighlighter(state, painter, onPageChanged);
const restorer = createRestorer(state, painter, { onPageChanged, onPageLeft });

const fromToolbar = (event: Event): boolean => {
  const host = highlighter.toolbar.host;
  return host !== null && event.composedPath().includes(host);
};

// A drag that starts on the page and is released over the toolbar still ends a selection.
let pressedInToolbar = false;

function onSelectionEnd(event: Event): void {
  if (event.type === 'mouseup' ? pressedInToolbar : fromToolbar(event)) return;
  if (event instanceof KeyboardEvent && !mayChangeSelection(event)) return;
  // Let the browser finish updating the selection before reading it.
  const gesture = event.type === 'mouseup' ? 'mouse' : 'key';
  setTimeout(() => highlighter.offerSelection(gesture), 0);
}

function onClick(event: MouseEvent): void {
  if (fromToolbar(event) || !getSelection()?.isCollapsed) return;
  if (!highlighter.clickAt(event.clientX, event.clientY) && highlighter.toolbar.editing) {
    highlighter.toolbar.hide();
  }
}

function revealFromUrl(): void {
  const id = revealTarget(location.href);
  if (!id) return;
  reveal(state, id);
  history.replaceState(history.state, '', location.href.replace(/#.*$/, ''));
}

document.addEventListener(
  'mousedown',
  (event) => {
    pressedInToolbar = fromToolbar(event);
  },
  true,
);
document.addEventListener('mouseup', onSelectionEnd, true);
document.addEventListener('keyup', onSelectionEnd, true);
document.addEventListener('click', onClick, true);
document.addEventListener(
  'keydown',
  (event) => {
    if (!event.isTrusted || !highlighter.toolbar.visible || fromToolbar(event)) return;
    if (event.key === 'Escape') highlighter.dismiss();
    else if (!typedIntoField(event) && highlighter.pageKey(event)) event.preventDefault();
  },
  true,
);
addEventListener('pagehide', () => highlighter.flush());

browser.runtime.onMessage.addListener((message: unknown) => {
  if (isHighlightSelectionRequest(message)) {
    return highlighter.highlightSelection().then(() => ({ ok: true }));
  }
  if (isPageSavedNotice(message)) {
    state.saved = true;
    onPageChanged();
    return Promise.resolve({ ok: true });
  }
  const id = revealedId(message);
  if (id) return Promise.resolve({ ok: reveal(state, id) });
  return undefined;
});

restorer
  .load()
  .then(revealFromUrl)
  .catch(() => undefined)
  .finally(() => restorer.watch());
