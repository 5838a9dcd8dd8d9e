// What the reader does to highlights on this page — create, recolour, tag, annote, delete and
// undo — each drawn at once and saved through the background. A new highlight stays drawn
// until it is saved, however long the background takes: it is marked as pending, the save
// status says so, and it is tried again while the tab lives. A failed edit is undone on screen
// and said in the toolbar.
import { describe, prepare } from '../anchoring';
import { MessageError } from '../shared/messages';
import { randomId } from '../shared/random-id';
import type { HighlightColor, HighlightRecord } from '../shared/types';
import type { Painter } from './highlight-painter';
import { highlightsAt } from './hit-test';
import { send, sendUntilDone } from './messenger';
import { placedEntries, rememberTag, type Entry, type PageState } from './page-state';
import type { SaveStatus } from './save-status';
import { followedBy, type CreateRequest } from './create-request';
import { clearSelection, currentRange } from './selection';
import { createLazyToolbar, type Focus, type Toolbar, type ToolbarActions } from './toolbar';

const UNDO_MS = 6000;

const reasonOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** The reader's latest edits win over a reply that raced them. */
const pickEdits = (record: HighlightRecord) => ({
  color: record.color,
  tagIds: record.tagIds,
  note: record.note,
});

const rectOf = (range: Range | null): DOMRect | null => {
  if (!range) return null;
  const rects = range.getClientRects();
  return rects[0] ?? range.getBoundingClientRect();
};

export interface Highlighter {
  toolbar: Toolbar;
  /**
   * Shows the create toolbar for the current mouse or keyboard selection, or hides it. A new
   * mouse gesture offers even a selection dismissed with Esc; a key release does not.
   */
  offerSelection(gesture: 'mouse' | 'key'): void;
  /** Shortcut and context menu: highlight now, even in an editable region, and open the editor. */
  highlightSelection(): Promise<void>;
  /** A click on the page: opens the editor on the highlight under it, if any. */
  clickAt(x: number, y: number): boolean;
  /** Esc: closes the toolbar; the selection it was offered for is not offered again. */
  dismiss(): void;
  /**
   * A trusted key pressed outside any field while the toolbar is open: acts on it (1–4, Enter,
   * N, T, Delete) and says whether it did. The create toolbar acts only on the selection it was
   * offered for, never on one a script made since.
   */
  pageKey(event: KeyboardEvent): boolean;
  /** Settles a pending delete at once (the page is going away). */
  flush(): void;
}

/** Both ranges cover the same stretch of the page. */
const sameStretch = (a: Range, b: Range): boolean =>
  a.compareBoundaryPoints(Range.START_TO_START, b) === 0 &&
  a.compareBoundaryPoints(Range.END_TO_END, b) === 0;

/** A create on its way, which a delete of the same highlight must stop and wait for. */
interface Saving {
  done: Promise<unknown>;
  cancel(): void;
}

export function createHighlighter(
  state: PageState,
  painter: Painter,
  saveStatus: SaveStatus,
  onChanged: () => void,
): Highlighter {
  let overlap: string[] = [];
  let pendingDelete: { entry: Entry; timer: ReturnType<typeof setTimeout> } | null = null;
  let selectionRange: Range | null = null;
  // A key or timer that fires after Esc must not bring the toolbar back for the same selection.
  let dismissed: Range | null = null;

  const fail = (error: unknown, retry?: () => void) =>
    toolbar.showStatus(`Not saved — ${reasonOf(error)}`, retry);

  function openEditor(id: string, focus: Focus): void {
    const entry = state.entries.get(id);
    if (!entry) return;
    if (!overlap.includes(id)) overlap = [id];
    const view = {
      highlight: entry.record,
      tags: state.tags,
      overlap: { index: overlap.indexOf(id), count: overlap.length },
    };
    toolbar.showEdit(view, rectOf(entry.range) ?? new DOMRect(), focus);
  }

  /** Saves in flight per highlight: an edit waits for the create it follows. */
  const saving = new Map<string, Saving>();

  function provisional(
    id: string,
    range: Range,
    color: HighlightColor,
    tagIds: readonly string[],
  ): HighlightRecord {
    const now = Date.now();
    const selectors = describe(document.body, range);
    const position = selectors.find((s) => s.type === 'TextPositionSelector')?.start ?? 0;
    const quote = selectors.find((s) => s.type === 'TextQuoteSelector')?.exact ?? '';
    const base = { id, pageId: '', selectors, quote, color, tagIds: [...tagIds], note: '' };
    return { ...base, createdAt: now, updatedAt: now, anchorStatus: 'anchored', position };
  }

  /**
   * A create waiting for the page text to be ready. A second press in that time (Highlight,
   * then T at once) is the reader's next step on the same highlight, never a second highlight
   * of the same words.
   */
  let starting: CreateRequest | null = null;

  /** Drawn and editable at once; saved in the background, and taken back if saving fails. */
  async function create(request: CreateRequest, allowEditable: boolean) {
    if (starting) return void (starting = followedBy(starting, request));
    // The live selection wins: the one kept from the last mouseup can be stale when the reader
    // changed the selection without a mouseup we saw (released over the toolbar, script, keys).
    const range = (currentRange({ allowEditable }) ?? selectionRange)?.cloneRange();
    selectionRange = null;
    if (!range) return;
    const id = randomId();
    starting = request;
    // Usually ready since the selection was offered; on a huge page this waits without a long task.
    await prepare(document.body).catch(() => undefined);
    const { color, then, focus, tagIds } = starting;
    starting = null;
    clearSelection();
    overlap = [id];
    await persist(provisional(id, range, color, tagIds), range, then ?? focus);
  }

  /**
   * Draws the highlight and opens its editor at once, then saves it, trying again until the
   * background takes it. The id is made here, so a create whose first try did land (its answer
   * lost with a stopped worker) is not written twice.
   */
  async function persist(record: HighlightRecord, range: Range, focus: Focus): Promise<void> {
    const { id } = record;
    painter.paint(id, range, record.color);
    state.entries.set(id, { record, range });
    // Hovering shows the pointer on it from the moment it is drawn, not once the save is back.
    onChanged();
    openEditor(id, focus);
    let cancelled = false;
    const waiting = (error: unknown) => {
      painter.setPending(id, true);
      saveStatus.waiting(id, reasonOf(error));
    };
    const done = sendUntilDone(
      'highlight.create',
      {
        id,
        url: location.href,
        title: document.title,
        selectors: record.selectors,
        color: record.color,
        tagIds: record.tagIds,
        note: record.note,
      },
      { onWaiting: waiting, cancelled: () => cancelled },
    );
    saving.set(id, { done, cancel: () => (cancelled = true) });
    try {
      const { highlight } = await done;
      const entry = state.entries.get(id);
      if (entry) entry.record = { ...highlight, ...pickEdits(entry.record) };
      painter.setPending(id, false);
      saveStatus.settled(id);
      state.saved = true;
      onChanged();
    } catch (error) {
      // Only an extension updated under the page ends the tries: the highlight stays drawn
      // as pending and the status says what happened. A delete by the reader settles it.
      if (cancelled) saveStatus.settled(id);
      else waiting(error);
    } finally {
      saving.delete(id);
    }
  }

  /**
   * Sends an edit at once, so it is on its way even if the page is closed right after; the
   * background applies messages in order, so it lands after its create. Only if the create had
   * to be resent (the worker was stopped) can the edit arrive first: then it waits and goes again.
   */
  async function sendEdit(
    id: string,
    patch: Partial<Pick<HighlightRecord, 'color' | 'tagIds' | 'note'>>,
  ) {
    const creating = saving.get(id)?.done;
    try {
      return await send('highlight.update', { id, ...patch });
    } catch (error) {
      if (!creating || !(error instanceof MessageError) || error.code !== 'not-found') throw error;
      await creating;
      return send('highlight.update', { id, ...patch });
    }
  }

  async function update(
    id: string,
    patch: Partial<Pick<HighlightRecord, 'color' | 'tagIds' | 'note'>>,
  ) {
    const entry = state.entries.get(id);
    if (!entry) return;
    const before = entry.record;
    entry.record = { ...before, ...patch };
    if (entry.range) painter.paint(id, entry.range, entry.record.color);
    // The note is already on screen as typed; only colour and tags change what the editor shows.
    const redraw = () => {
      if (toolbar.editing === id && (patch.color || patch.tagIds)) openEditor(id, 'none');
    };
    redraw();
    try {
      const { highlight } = await sendEdit(id, patch);
      const current = state.entries.get(id);
      if (current) current.record = { ...highlight, ...pickEdits(current.record) };
    } catch (error) {
      entry.record = before;
      if (entry.range) painter.paint(id, entry.range, before.color);
      redraw();
      fail(error, () => void update(id, patch));
    }
  }

  function finishDelete(): void {
    if (!pendingDelete) return;
    const { entry, timer } = pendingDelete;
    pendingDelete = null;
    clearTimeout(timer);
    const { id } = entry.record;
    // A create still trying stops, and the delete goes after its last try, which may have landed.
    const creating = saving.get(id);
    creating?.cancel();
    const settled = creating?.done.catch(() => undefined) ?? Promise.resolve();
    // If this fails the highlight simply comes back on the next visit: nothing is lost.
    void settled.then(() => send('highlight.delete', { id })).catch(() => undefined);
  }

  const actions: ToolbarActions = {
    create: (color, then, tagIds = [], focus = 'first') =>
      void create({ color, then, tagIds, focus }, false),
    setColor: (id, color) => void update(id, { color }),
    toggleTag(id, tagId) {
      const tagIds = state.entries.get(id)?.record.tagIds ?? [];
      void update(id, {
        tagIds: tagIds.includes(tagId) ? tagIds.filter((t) => t !== tagId) : [...tagIds, tagId],
      });
    },
    addTag(id, name) {
      send('tag.create', { id: randomId(), name })
        .then(({ tag }) => {
          rememberTag(state, tag);
          const tagIds = state.entries.get(id)?.record.tagIds ?? [];
          return update(id, { tagIds: tagIds.includes(tag.id) ? tagIds : [...tagIds, tag.id] });
        })
        .catch(fail);
    },
    setNote: (id, note) => void update(id, { note }),
    remove(id) {
      finishDelete();
      const entry = state.entries.get(id);
      if (!entry) return;
      state.entries.delete(id);
      painter.remove(id);
      pendingDelete = { entry, timer: setTimeout(finishDelete, UNDO_MS) };
      toolbar.showUndo(rectOf(entry.range));
    },
    undo() {
      if (!pendingDelete) return;
      const { entry, timer } = pendingDelete;
      pendingDelete = null;
      clearTimeout(timer);
      state.entries.set(entry.record.id, entry);
      if (entry.range) painter.paint(entry.record.id, entry.range, entry.record.color);
      openEditor(entry.record.id, 'first');
    },
    next() {
      const current = toolbar.editing;
      const next = overlap[(overlap.indexOf(current ?? '') + 1) % overlap.length];
      if (next) openEditor(next, 'first');
    },
    close() {
      // Closing the undo bar is the reader's "yes, delete it".
      finishDelete();
      dismiss();
    },
  };
  const toolbar = createLazyToolbar(actions);

  function dismiss(): void {
    // The selection as it is now, not as the last offer read it: an offer still on its way for
    // a key released just before Esc (input runs ahead of timers on a busy page) would read a
    // longer selection and bring the toolbar back.
    if (!toolbar.editing) {
      dismissed = currentRange({ allowEditable: false })?.cloneRange() ?? selectionRange;
    }
    toolbar.hide();
  }

  return {
    toolbar,
    offerSelection(gesture) {
      const range = currentRange({ allowEditable: false });
      if (gesture === 'key' && range && dismissed && sameStretch(range, dismissed)) return;
      dismissed = null;
      if (range) {
        selectionRange = range.cloneRange();
        toolbar.showCreate(rectOf(range) ?? new DOMRect(), state.tags);
        void prepare(document.body).catch(() => undefined);
      } else if (!toolbar.editing && !pendingDelete) {
        selectionRange = null;
        toolbar.hide();
      }
    },
    highlightSelection: () =>
      create({ color: 'yellow', then: undefined, tagIds: [], focus: 'first' }, true),
    clickAt(x, y) {
      const hits = highlightsAt(placedEntries(state), x, y);
      const first = hits[0];
      if (!first) return false;
      overlap = hits;
      openEditor(first, 'first');
      return true;
    },
    dismiss,
    pageKey(event) {
      // While a create is starting, its selection is already taken: the key is its next step.
      if (toolbar.creating && !starting) {
        const live = currentRange({ allowEditable: false });
        if (!live || !selectionRange || !sameStretch(live, selectionRange)) return false;
      }
      return toolbar.pageKey(event);
    },
    flush: finishDelete,
  };
}
