// The toolbar beside a selection or a highlight: create in a colour, then change colour, tags
// and note, or delete. It lives in a closed shadow root attached outside <body>, so page
// scripts cannot read the reader's tags and notes and page styles cannot reach it. Every
// control is a real button or field, and single keys (1–4, N, T, Delete, Esc) act on it.
import {
  HIGHLIGHT_COLORS,
  type HighlightColor,
  type HighlightRecord,
  type TagRecord,
} from '../shared/types';
import { actionButton, el } from './dom';
import { PAINT_COLORS } from './paint-colors';
import { createShadowHost, placeHost } from './shadow-host';
import { TOOLBAR_CSS } from './toolbar-styles';

export interface ToolbarActions {
  create(color: HighlightColor, then?: 'note' | 'tag', tagIds?: readonly string[]): void;
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
  hide(): void;
  /** The highlight being edited, if the toolbar is open on one. */
  readonly editing: string | null;
  readonly visible: boolean;
  /** The element page events are retargeted to, once the toolbar exists. */
  readonly host: HTMLElement | null;
}

const colorLabel = (color: HighlightColor): string => color[0]?.toUpperCase() + color.slice(1);
const GAP = 8;
/** Enough for the four archetypes and a couple of the reader's own, still one short row. */
const QUICK_TAGS = 6;

function dot(color: HighlightColor): HTMLElement {
  const element = el('span', { class: 'dot' });
  element.style.background = PAINT_COLORS[color].background;
  return element;
}

function createToolbar(actions: ToolbarActions): Toolbar {
  const { host, root } = createShadowHost('toolbar', TOOLBAR_CSS);
  const panel = el('div', { class: 'panel', role: 'toolbar', 'aria-label': 'Trailmark' });
  const status = el('div', { class: 'status', role: 'status' });
  root.append(panel);
  let editing: string | null = null;
  let mode: 'create' | 'edit' | 'undo' | 'hidden' = 'hidden';
  let flushNote: (() => void) | null = null;

  /** Above the text if there is room for the whole panel, else below it; never over it. */
  function place(anchor: DOMRect | null): void {
    if (!host.isConnected) placeHost(host, -10_000, -10_000);
    const { width, height } = host.getBoundingClientRect();
    const left = anchor
      ? Math.min(Math.max(anchor.left, GAP), Math.max(GAP, innerWidth - width - GAP))
      : GAP;
    const above = anchor ? anchor.top - GAP - height : GAP;
    const top = anchor && above < GAP ? anchor.bottom + GAP : Math.max(above, GAP);
    placeHost(host, left, top);
  }

  function render(nodes: Node[], next: typeof mode): void {
    flushNote?.();
    flushNote = null;
    status.textContent = '';
    panel.replaceChildren(...nodes, status);
    mode = next;
  }

  function colorButtons(current: HighlightColor | null, onPick: (color: HighlightColor) => void) {
    return HIGHLIGHT_COLORS.map((color, i) =>
      actionButton(
        current ? `${colorLabel(color)} (${i + 1})` : `Highlight ${color} (${i + 1})`,
        () => onPick(color),
        {
          class: 'color',
          'aria-pressed': current ? String(current === color) : undefined,
          'data-key': `color-${color}`,
        },
        dot(color),
      ),
    );
  }

  /** The first few tags as chips that highlight and tag in one click; "Tag" reaches the rest. */
  function quickTagRow(tags: readonly TagRecord[]): HTMLElement[] {
    if (tags.length === 0) return [];
    const chips = tags
      .slice(0, QUICK_TAGS)
      .map((tag) =>
        actionButton(
          `Highlight as ${tag.name}`,
          () => actions.create('yellow', undefined, [tag.id]),
          { class: 'tag', 'data-key': `quick-${tag.id}` },
          tag.name,
        ),
      );
    return [
      el(
        'div',
        { class: 'row tags', role: 'group', 'aria-label': 'Highlight with a tag' },
        ...chips,
      ),
    ];
  }

  function tagRow(view: EditView): HTMLElement {
    const { highlight, tags } = view;
    const toggles = tags.map((tag) =>
      actionButton(
        tag.name,
        () => actions.toggleTag(highlight.id, tag.id),
        {
          class: 'tag',
          'aria-pressed': String(highlight.tagIds.includes(tag.id)),
          'data-key': `tag-${tag.id}`,
        },
        tag.name,
      ),
    );
    const input = el('input', {
      type: 'text',
      'aria-label': 'Add a tag',
      placeholder: 'New tag…',
      maxlength: '60',
      list: 'tm-tags',
      'data-role': 'tag',
    });
    const options = el(
      'datalist',
      { id: 'tm-tags' },
      ...tags.map((t) => el('option', { value: t.name })),
    );
    input.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' || !input.value.trim()) return;
      event.preventDefault();
      actions.addTag(highlight.id, input.value.trim());
      input.value = '';
    });
    return el(
      'div',
      { class: 'row', role: 'group', 'aria-label': 'Tags' },
      ...toggles,
      input,
      options,
    );
  }

  function noteField(highlight: HighlightRecord): HTMLTextAreaElement {
    const note = el('textarea', {
      'aria-label': 'Note',
      placeholder: 'Why this matters to you…',
      maxlength: '10000',
      'data-role': 'note',
    });
    note.value = highlight.note;
    let saved = highlight.note;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const save = () => {
      clearTimeout(timer);
      if (note.value !== saved) actions.setNote(highlight.id, (saved = note.value));
    };
    note.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(save, 600);
    });
    note.addEventListener('blur', save);
    flushNote = save;
    return note;
  }

  function focusOn(focus: Focus, previous?: string): void {
    const selector = {
      first: 'button',
      note: '[data-role=note]',
      tag: '[data-role=tag]',
      none: previous
        ? `[data-key="${CSS.escape(previous)}"], [data-role="${CSS.escape(previous)}"]`
        : '',
    }[focus];
    if (selector) root.querySelector<HTMLElement>(selector)?.focus();
  }

  /** What had focus, so that re-rendering after a change keeps the reader where they were. */
  const focusedKey = (): string | undefined => {
    const active = root.activeElement as HTMLElement | null;
    return active?.dataset.key ?? active?.dataset.role;
  };

  /** Keys that reach for a field: in create mode they first make the highlight. */
  function reach(field: 'note' | 'tag'): void {
    if (mode === 'create') actions.create('yellow', field);
    else focusOn(field);
  }

  root.addEventListener('keydown', (event) => onKey(event as KeyboardEvent));
  function onKey(event: KeyboardEvent): void {
    event.stopPropagation();
    if (event.key === 'Escape') return actions.close();
    const target = event.target as HTMLElement;
    if (target.matches('input, textarea') || event.altKey || event.ctrlKey || event.metaKey) return;
    const color = HIGHLIGHT_COLORS[Number(event.key) - 1];
    if (color && mode === 'create') actions.create(color);
    else if (color && editing) actions.setColor(editing, color);
    else if (event.key === 'n' || event.key === 'N') reach('note');
    else if (event.key === 't' || event.key === 'T') reach('tag');
    else if (event.key === 'Delete' && editing) actions.remove(editing);
    else return;
    event.preventDefault();
  }

  return {
    showCreate(anchor, tags) {
      editing = null;
      render(
        [
          el(
            'div',
            { class: 'row' },
            actionButton(
              'Highlight',
              () => actions.create('yellow'),
              {},
              dot('yellow'),
              'Highlight',
            ),
            ...colorButtons(null, (color) => actions.create(color)),
            actionButton('Add note', () => actions.create('yellow', 'note'), {}, 'Note'),
            actionButton('Add tag', () => actions.create('yellow', 'tag'), {}, 'Tag'),
          ),
          ...quickTagRow(tags),
        ],
        'create',
      );
      place(anchor);
    },
    showEdit(view, anchor, focus) {
      const { highlight, overlap } = view;
      const previous = focusedKey();
      const previousId = editing;
      const typedTag = root.querySelector<HTMLInputElement>('[data-role=tag]')?.value ?? '';
      editing = highlight.id;
      const cycle =
        overlap.count > 1
          ? [
              actionButton(
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
              ...colorButtons(highlight.color, (c) => actions.setColor(highlight.id, c)),
            ),
            ...cycle,
            actionButton(
              'Delete highlight',
              () => actions.remove(highlight.id),
              { class: 'danger' },
              'Delete',
            ),
            actionButton('Close', actions.close, {}, '✕'),
          ),
          tagRow(view),
          noteField(highlight),
        ],
        'edit',
      );
      const tagInput = root.querySelector<HTMLInputElement>('[data-role=tag]');
      if (tagInput && highlight.id === previousId) tagInput.value = typedTag;
      place(anchor);
      focusOn(focus, previous);
    },
    showUndo(anchor) {
      editing = null;
      render(
        [
          el(
            'div',
            { class: 'row' },
            el('span', { class: 'muted' }, 'Highlight deleted.'),
            actionButton('Undo delete', actions.undo, {}, 'Undo'),
          ),
        ],
        'undo',
      );
      place(anchor);
      focusOn('first');
    },
    showStatus(message, retry) {
      if (!host.isConnected) place(null);
      status.replaceChildren(message);
      if (retry) {
        const again = actionButton('Retry saving', retry, { class: 'retry' }, 'Retry');
        status.append(' ', again);
        again.focus();
      }
    },
    hide() {
      flushNote?.();
      flushNote = null;
      editing = null;
      mode = 'hidden';
      host.remove();
    },
    get editing() {
      return editing;
    },
    get visible() {
      return host.isConnected;
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
    hide: () => real?.hide(),
    get editing() {
      return real?.editing ?? null;
    },
    get visible() {
      return real?.visible ?? false;
    },
    get host() {
      return real?.host ?? null;
    },
  };
}
