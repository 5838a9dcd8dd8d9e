// The channel between the toolbar on a page and the typing frame inside it (notes and new tag
// names are typed in a frame of the extension's own origin, where page scripts cannot listen).
// The frame connects through the background, which ties the port to the frame's own tab and
// carries it to that tab's content script; the page can neither open nor read that channel. A frame proves it is the one the toolbar made by the
// one-time token the toolbar posts to it alone; a copy of the frame a page loads never gets one.

export const TYPING_PORT = 'trailmark-typing';
/** On Trailmark's own pages (the welcome page) the toolbar is a page script: no relay. */
export const TYPING_PORT_OWN_PAGE = 'trailmark-typing-own-page';
export const TYPING_PAGE = 'typing.html';

export type TypingField = 'note' | 'tag';

/**
 * What the fields show. `session` is the highlight being edited: notes and tags typed for an
 * earlier one are dropped. `opening` counts the reader's gestures that opened the toolbar: the
 * frame's close goes through the background, and one sent before the reader opened the toolbar
 * again (Esc, then a click on a highlight at once) must not close what that click opened.
 */
export interface TypingView {
  session: number;
  opening: number;
  note: string;
  tagNames: string[];
}

/** Toolbar → frame. */
export type ToFrame = ({ type: 'show' } & TypingView) | { type: 'focus'; field: TypingField };

/** Frame → toolbar. */
export type FromFrame =
  | { type: 'hello'; token: string }
  | { type: 'note'; session: number; text: string }
  | { type: 'tag'; session: number; name: string }
  | { type: 'close'; opening: number };

/** What the toolbar posts to its own frame's window, and nothing else. */
export interface TokenOffer {
  trailmarkTypingToken: string;
}

export const NOTE_MAX = 10_000;
export const TAG_MAX = 60;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

const isText = (value: unknown, max: number): value is string =>
  typeof value === 'string' && value.length <= max;

export function isTokenOffer(value: unknown): value is TokenOffer {
  return isObject(value) && isText(value.trailmarkTypingToken, 64);
}

export function parseFromFrame(value: unknown): FromFrame | null {
  if (!isObject(value)) return null;
  const session = Number.isSafeInteger(value.session);
  switch (value.type) {
    case 'hello':
      return isText(value.token, 64) ? { type: 'hello', token: value.token } : null;
    case 'note':
      return session && isText(value.text, NOTE_MAX)
        ? { type: 'note', session: value.session as number, text: value.text }
        : null;
    case 'tag':
      return session && isText(value.name, TAG_MAX) && value.name.trim() !== ''
        ? { type: 'tag', session: value.session as number, name: value.name.trim() }
        : null;
    case 'close':
      return Number.isSafeInteger(value.opening)
        ? { type: 'close', opening: value.opening as number }
        : null;
    default:
      return null;
  }
}

export function parseToFrame(value: unknown): ToFrame | null {
  if (!isObject(value)) return null;
  if (value.type === 'focus' && (value.field === 'note' || value.field === 'tag')) {
    return { type: 'focus', field: value.field };
  }
  if (
    value.type === 'show' &&
    Number.isSafeInteger(value.session) &&
    Number.isSafeInteger(value.opening) &&
    isText(value.note, NOTE_MAX) &&
    Array.isArray(value.tagNames) &&
    value.tagNames.every((name) => isText(name, TAG_MAX))
  ) {
    return {
      type: 'show',
      session: value.session as number,
      opening: value.opening as number,
      note: value.note,
      tagNames: value.tagNames as string[],
    };
  }
  return null;
}
