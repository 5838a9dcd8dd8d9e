// The toolbar beside a selection or a highlight: create in a colour, then change colour, tags
// and note, or delete. It lives in a closed shadow root attached outside <body>, so page
// scripts cannot read the reader's tags and notes and page styles cannot reach it; what the
// reader types (a note, a new tag's name) goes into a frame of the extension's own origin, out
// of the page's hearing. Single keys (1–4, Enter, N, T, Delete, Esc) act on it even while the
// page keeps its focus; clicks count only while it is plainly visible and settled.
import {
  HIGHLIGHT_COLORS,
  type HighlightColor,
  type HighlightRecord,
  type TagRecord,
} from '../shared/types';
import type { TypingField } from '../shared/typing-channel';
import { createClickGuard, MOVED } from './click-guard';
import { actionButton, el } from './dom';
import { PAINT_COLORS } from './paint-colors';
import { createShadowHost, followedByPage, placeHost } from './shadow-host';
import { TOOLBAR_CSS } from './toolbar-styles';
import { createTypingFrame } from './typing-frame';

export interface ToolbarActions {
  create(
    color: HighlightColor,
    then?: 'note' | 'tag',
    tagIds?: readonly string[],
    focus?: Focus,
  ): void;
  setColor(id: string, color: HighlightColor): void;
  toggleTag(id: string, tagId: string): void;
  addTag(id: string, name: string): void;
  setNote(id: string, note: string): void;
  remove(id: string): void;
  undo(): void;
  next(): void;
  close(): void;
}

export interface EditView {
  highlight: HighlightRecord;
  tags: readonly TagRecord[];
  /** How many highlights overlap where the reader clicked, and which one this is. */
  overlap: { index: number; count: number };
}

export type Focus = 'first' | 'note' | 'tag' | 'none';

export interface Toolbar {
  /** `tags` are offered as one-click "highlight with this tag" chips, archetypes first. */
  showCreate(anchor: DOMRect, tags: readonly TagRecord[]): void;
  showEdit(view: EditView, anchor: DOMRect, focus: Focus): void;
  showUndo(anchor: DOMRect | null): void;
  /** Tells the reader something went wrong; with `retry`, offers to try again. */
  showStatus(message: string, retry?: () => void): void;
  /**
   * A key the reader pressed while the page kept its focus: acts on the open toolbar and says
   * whether it did. The caller has made sure the key is trusted and not typed into a field.
   */
  pageKey(event: KeyboardEvent): boolean;
  hide(): void;
  /** The highlight being edited, if the toolbar is open on one. */
  readonly editing: string | null;
  /** Whether the toolbar is offering to highlight a selection. */
  readonly creating: boolean;
  readonly visible: boolean;
  /** The element page events are retargeted to, once the toolbar exists. */
  readonly host: HTMLElement | null;
}

const colorName = (color: HighlightColor): string => color[0]?.toUpperCase() + color.slice(1);
const DEFAULT_COLOR: HighlightColor = 'yellow';
const GAP = 8;
/** Enough for the four archetypes and a couple of the reader's own, still one short row. */
const QUICK_TAGS = 6;
/** A note is saved this long after the last key, and at once when the editor closes. */
const NOTE_SAVE_MS = 600;

function dot(color: HighlightColor): HTMLElement {
  const element = el('span', { class: 'dot', 'aria-hidden': 'true' });
  element.style.background = PAINT_COLORS[color].background;
  return element;
}

const colorOfKey = (key: string): HighlightColor | undefined => HIGHLIGHT_COLORS[Number(key) - 1];
const keyOfColor = (color: HighlightColor): string => String(HIGHLIGHT_COLORS.indexOf(color) + 1);

function createToolbar(actions: ToolbarActions): Toolbar {
  const { host, root } = createShadowHost('toolbar', TOOLBAR_CSS);
  const guard = createClickGuard(host);
  const panel = el('div', { class: 'panel surface', role: 'toolbar', 'aria-label': 'Trailmark' });
  const main = el('div', { class: 'panel-main', style: 'display: contents' });
  const status = el('div', { class: 'status', role: 'status' });
  let editing: string | null = null;
  let mode: 'create' | 'edit' | 'undo' | 'hidden' = 'hidden';
  let shownAt: { left: number; top: number } | null = null;
  let anchorNow: DOMRect | null = null;
  let session = 0;
  /** Bumped by each of the reader's gestures that shows the toolbar (see TypingView). */
  let opening = 0;
  let noteDraft: { id: string; text: string; timer: ReturnType<typeof setTimeout> } | null = null;

  const typing = createTypingFrame({
    note(from, text) {
      if (from !== session || !editing) return;
      if (noteDraft) clearTimeout(noteDraft.timer);
      noteDraft = { id: editing, text, timer: setTimeout(flushNote, NOTE_SAVE_MS) };
    },
    tag(from, name) {
      if (from === session && editing) actions.addTag(editing, name);
    },
    close(from) {
      if (from === opening) actions.close();
    },
  });
  panel.append(main, typing.element, status);
  root.append(panel);

  /** The editor makes way (for a new selection, an undo, or nothing): an Esc sent to it is late. */
  function leaveEditor(): void {
    flushNote();
    editing = null;
    opening += 1;
  }

  function flushNote(): void {
    if (!noteDraft) return;
    const { id, text, timer } = noteDraft;
    clearTimeout(timer);
    noteDraft = null;
    actions.setNote(id, text);
  }

  /** Fades in where it lands; clicks wait until it is fully there (see click-guard). */
  function settle(left: number, top: number): void {
    const same = shownAt && shownAt.left === Math.round(left) && shownAt.top === Math.round(top);
    shownAt = { left: Math.round(left), top: Math.round(top) };
    guard.placed(!same);
  }

  /** Above the text if there is room for the whole panel, else below it; never over it. */
  function place(anchor: DOMRect | null): void {
    if (mode === 'hidden') return;
    anchorNow = anchor;
    host.style.setProperty('display', 'block', 'important');
    if (!host.isConnected) placeHost(host, -10_000, -10_000);
    // Last among <html>'s children, so nothing the page adds can paint over it (see click-guard).
    // Moving reloads the typing frame, so only when the page put something after it.
    else if (host.parentElement !== document.documentElement || followedByPage(host))
      document.documentElement.append(host);
    const { width, height } = host.getBoundingClientRect();
    const left = anchor
      ? Math.min(Math.max(anchor.left, GAP), Math.max(GAP, innerWidth - width - GAP))
      : GAP;
    const above = anchor ? anchor.top - GAP - height : GAP;
    const top = anchor && above < GAP ? anchor.bottom + GAP : Math.max(above, GAP);
    placeHost(host, left, top);
    settle(left, top);
  }

  function render(nodes: Node[], next: typeof mode): void {
    status.textContent = '';
    main.replaceChildren(...nodes);
    mode = next;
    typing.display(next === 'edit');
  }

  /** A button whose pointer clicks count only while the toolbar is plainly there. */
  function button(
    label: string,
    onActivate: () => void,
    attributes: Record<string, string | undefined> = {},
    ...children: (Node | string)[]
  ): HTMLButtonElement {
    return actionButton(
      label,
      (event) => {
        const refusal = guard.refusal(event);
        if (!refusal) return onActivate();
        status.replaceChildren(`Nothing done: ${refusal}. Try again.`);
        // Moved by the page: back where it belongs, to settle there again.
        if (refusal === MOVED) {
          shownAt = null;
          place(anchorNow);
        }
      },
      attributes,
      ...children,
    );
  }

  function colorButton(
    color: HighlightColor,
    onPick: (color: HighlightColor) => void,
    pressed?: boolean,
  ): HTMLButtonElement {
    const name = colorName(color);
    return button(
      name,
      () => onPick(color),
      {
        class: 'color',
        title: `${name} (${keyOfColor(color)})`,
        'aria-keyshortcuts': keyOfColor(color),
        'aria-pressed': pressed === undefined ? undefined : String(pressed),
        'data-key': `color-${color}`,
      },
      dot(color),
    );
  }

  /** The first few tags as chips that highlight and tag in one click; "Tag" reaches the rest. */
  function quickTagRow(tags: readonly TagRecord[]): HTMLElement[] {
    if (tags.length === 0) return [];
    const chips = tags
      .slice(0, QUICK_TAGS)
      .map((tag) =>
        button(
          `Highlight as ${tag.name}`,
          () => actions.create(DEFAULT_COLOR, undefined, [tag.id]),
          { class: 'tag', title: `Highlight as ${tag.name}`, 'data-key': `quick-${tag.id}` },
          tag.name,
        ),
      );
    return [
      el('div', { class: 'label', id: 'quick-label' }, 'Highlight as'),
      el('div', { class: 'row tags', role: 'group', 'aria-labelledby': 'quick-label' }, ...chips),
    ];
  }

  function tagRow(view: EditView): HTMLElement {
    const { highlight, tags } = view;
    const toggles = tags.map((tag) => {
      const on = highlight.tagIds.includes(tag.id);
      return button(
        tag.name,
        () => actions.toggleTag(highlight.id, tag.id),
        {
          class: 'tag',
          title: on ? `Remove the tag ${tag.name}` : `Tag as ${tag.name}`,
          'aria-pressed': String(on),
          'data-key': `tag-${tag.id}`,
        },
        tag.name,
      );
    });
    return el('div', { class: 'row', role: 'group', 'aria-label': 'Tags' }, ...toggles);
  }

  function focusOn(focus: Focus, previous?: string): void {
    if (focus === 'note' || focus === 'tag') return typing.focus(focus);
    const selector = {
      first: 'button',
      none: previous ? `[data-key="${CSS.escape(previous)}"]` : '',
    }[focus];
    if (selector) root.querySelector<HTMLElement>(selector)?.focus();
  }

  /** What had focus, so that re-rendering after a change keeps the reader where they were. */
  const focusedKey = (): string | undefined =>
    (root.activeElement as HTMLElement | null)?.dataset?.key;

  /** Keys that reach for a field: in create mode they first make the highlight. */
  function reach(field: TypingField): void {
    if (mode === 'create') actions.create(DEFAULT_COLOR, field);
    else if (mode === 'edit') typing.focus(field);
  }

  /** What a single key does to the open toolbar; false if nothing. */
  function act(key: string, focus: Focus): boolean {
    const color = colorOfKey(key);
    if (color && mode === 'create') actions.create(color, undefined, undefined, focus);
    else if (color && editing) actions.setColor(editing, color);
    else if (key === 'Enter' && mode === 'create')
      actions.create(DEFAULT_COLOR, undefined, undefined, focus);
    else if (key === 'n' || key === 'N') reach('note');
    else if (key === 't' || key === 'T') reach('tag');
    else if (key === 'Delete' && editing) actions.remove(editing);
    else return false;
    return true;
  }

  const withModifier = (event: KeyboardEvent): boolean =>
    event.altKey || event.ctrlKey || event.metaKey;

  root.addEventListener('keydown', (event) => onKey(event as KeyboardEvent));
  function onKey(event: KeyboardEvent): void {
    event.stopPropagation();
    if (!event.isTrusted) return;
    if (event.key === 'Escape') return actions.close();
    // Enter and Space on a focused button are the button's own.
    if (event.key === 'Enter' || withModifier(event)) return;
    if (act(event.key, 'first')) event.preventDefault();
  }

  return {
    showCreate(anchor, tags) {
      leaveEditor();
      render(
        [
          el(
            'div',
            { class: 'row' },
            button(
              'Highlight',
              () => actions.create(DEFAULT_COLOR),
              {
                class: 'primary',
                title: `Highlight in ${colorName(DEFAULT_COLOR)} (Enter)`,
                'aria-keyshortcuts': 'Enter 1',
              },
              dot(DEFAULT_COLOR),
              'Highlight',
            ),
            el(
              'span',
              { class: 'row', role: 'group', 'aria-label': 'Highlight in another colour' },
              ...HIGHLIGHT_COLORS.filter((c) => c !== DEFAULT_COLOR).map((color) =>
                colorButton(color, (c) => actions.create(c)),
              ),
            ),
            el('span', { class: 'sep', 'aria-hidden': 'true' }),
            button(
              'Add note',
              () => actions.create(DEFAULT_COLOR, 'note'),
              {
                title: 'Highlight and write a note (N)',
                'aria-keyshortcuts': 'N',
              },
              'Note',
            ),
            button(
              'Add tag',
              () => actions.create(DEFAULT_COLOR, 'tag'),
              {
                title: 'Highlight and tag it (T)',
                'aria-keyshortcuts': 'T',
              },
              'Tag',
            ),
          ),
          ...quickTagRow(tags),
        ],
        'create',
      );
      place(anchor);
    },
    showEdit(view, anchor, focus) {
      const { highlight, overlap, tags } = view;
      const previous = focusedKey();
      if (editing !== highlight.id) {
        flushNote();
        session += 1;
      }
      // 'none' is a re-render after a change, which an Esc sent meanwhile still closes.
      if (focus !== 'none') opening += 1;
      editing = highlight.id;
      const cycle =
        overlap.count > 1
          ? [
              button(
                `Next overlapping highlight (${overlap.index + 1} of ${overlap.count})`,
                actions.next,
                {},
                `${overlap.index + 1}/${overlap.count} ›`,
              ),
            ]
          : [];
      render(
        [
          el(
            'div',
            { class: 'row' },
            el(
              'span',
              { role: 'group', 'aria-label': 'Colour', class: 'row' },
              ...HIGHLIGHT_COLORS.map((color) =>
                colorButton(
                  color,
                  (c) => actions.setColor(highlight.id, c),
                  highlight.color === color,
                ),
              ),
            ),
            el('span', { class: 'sep', 'aria-hidden': 'true' }),
            ...cycle,
            button(
              'Delete highlight',
              () => actions.remove(highlight.id),
              { class: 'danger', title: 'Delete (Del)', 'aria-keyshortcuts': 'Delete' },
              'Delete',
            ),
            button('Close', actions.close, { title: 'Close (Esc)' }, '✕'),
          ),
          tagRow(view),
        ],
        'edit',
      );
      const draft = noteDraft?.id === highlight.id ? noteDraft.text : highlight.note;
      typing.show({ session, opening, note: draft, tagNames: tags.map((t) => t.name) });
      place(anchor);
      focusOn(focus, previous);
    },
    showUndo(anchor) {
      leaveEditor();
      render(
        [
          el(
            'div',
            { class: 'row' },
            el('span', { class: 'muted' }, 'Highlight deleted.'),
            button('Undo delete', actions.undo, {}, 'Undo'),
          ),
        ],
        'undo',
      );
      place(anchor);
      focusOn('first');
    },
    showStatus(message, retry) {
      if (mode === 'hidden') {
        mode = 'undo';
        render([], 'undo');
        place(null);
      }
      status.replaceChildren(message);
      if (retry) {
        const again = button('Retry saving', retry, { class: 'retry' }, 'Retry');
        status.append(' ', again);
        again.focus();
      }
    },
    pageKey(event) {
      if (mode === 'hidden' || withModifier(event)) return false;
      return act(event.key, 'none');
    },
    hide() {
      leaveEditor();
      mode = 'hidden';
      typing.display(false);
      shownAt = null;
      // Kept in the page, out of sight, so the typing frame stays loaded for the next time.
      host.style.setProperty('display', 'none', 'important');
    },
    get editing() {
      return editing;
    },
    get creating() {
      return mode === 'create';
    },
    get visible() {
      return mode !== 'hidden' && host.isConnected;
    },
    host,
  };
}

/** Builds the toolbar's DOM on first use: pages where the reader never selects pay nothing. */
export function createLazyToolbar(actions: ToolbarActions): Toolbar {
  let real: Toolbar | null = null;
  const get = (): Toolbar => (real ??= createToolbar(actions));
  return {
    showCreate: (anchor, tags) => get().showCreate(anchor, tags),
    showEdit: (view, anchor, focus) => get().showEdit(view, anchor, focus),
    showUndo: (anchor) => get().showUndo(anchor),
    showStatus: (message, retry) => get().showStatus(message, retry),
    pageKey: (event) => real?.pageKey(event) ?? false,
    hide: () => real?.hide(),
    get editing() {
      return real?.editing ?? null;
    },
    get creating() {
      return real?.creating ?? false;
    },
    get visible() {
      return real?.visible ?? false;
    },
    get host() {
      return real?.host ?? null;
    },
  };
}
