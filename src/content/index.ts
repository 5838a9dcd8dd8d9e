// Content script entry: runs on every web page. At start it reads this install's page names,
// registers listeners and asks the background for this page's highlights (one message);
// everything else waits until the page has highlights or the reader selects something. Every
// listener acts only on the browser's own events: a page can fake any other.
import browser from 'webextension-polyfill';
import { isHighlightSelectionRequest, isPageSavedNotice, revealedId } from '../shared/messages';
import { revealTarget } from '../shared/reveal-url';
import { createPainter } from './highlight-painter';
import { createHighlighter } from './highlighter';
import { createHover } from './hover';
import { send } from './messenger';
import { withNoteMarks } from './note-marks';
import { names, useInstallNames } from './page-names';
import { createPageState } from './page-state';
import { startReadingTracker, type Reading } from './reading-tracker';
import { createRestorer } from './restorer';
import { reveal } from './reveal';
import { createSaveStatus } from './save-status';
import { mayChangeSelection, typedIntoField } from './selection-keys';
import { installTestSender } from './test-sender';
import { trusted } from './trusted';

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

const saveStatus = createSaveStatus();
const highlighter = createHighlighter(state, painter, saveStatus, onPageChanged);
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

/**
 * The fragment is taken away only when it names a highlight of this page: the page cannot
 * learn that Trailmark is there by setting one of its own and watching it go.
 */
function revealFromUrl(): void {
  const id = revealTarget(location.href, names().reveal);
  if (!id || !state.entries.has(id)) return;
  reveal(state, id);
  history.replaceState(history.state, '', location.href.replace(/#.*$/, ''));
}

document.addEventListener(
  'mousedown',
  trusted((event) => {
    pressedInToolbar = fromToolbar(event);
  }),
  true,
);
document.addEventListener('mouseup', trusted(onSelectionEnd), true);
document.addEventListener('keyup', trusted(onSelectionEnd), true);
document.addEventListener('click', trusted(onClick), true);
// Captured, so the create toolbar's keys reach Trailmark before the page's own listeners.
document.addEventListener(
  'keydown',
  trusted((event) => {
    if (!highlighter.toolbar.visible || fromToolbar(event)) return;
    if (event.key === 'Escape') highlighter.dismiss();
    else if (!typedIntoField(event) && highlighter.pageKey(event)) event.preventDefault();
  }),
  true,
);
addEventListener(
  'pagehide',
  trusted(() => highlighter.flush()),
);
// Closing the tab is the one way left to lose a highlight not saved yet: the browser asks first.
addEventListener(
  'beforeunload',
  trusted((event) => {
    if (saveStatus.pending > 0) event.preventDefault();
  }),
);

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

installTestSender();

useInstallNames(browser.storage.local)
  .then(() => restorer.load())
  .then(revealFromUrl)
  .catch(() => undefined)
  .finally(() => restorer.watch());
